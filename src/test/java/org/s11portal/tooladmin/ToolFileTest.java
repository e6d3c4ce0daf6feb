package org.s11portal.tooladmin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/** The tool file read and written as JSON and as YAML, without the portal: same tool, same problems, nothing more in YAML. */
class ToolFileTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final YAMLMapper YAML = new YAMLMapper();

    static ToolFile.Read yaml(String text) {
        return ToolFile.read(text.getBytes(StandardCharsets.UTF_8), ToolFile.Format.YAML);
    }

    /** Text that YAML would read as something else if the export did not quote it. */
    static ToolFile tricky() {
        return new ToolFile(ToolFile.FORMAT, "2026.1", "yes", List.of(
                new ToolFile.StandardFile("S1", "2026.10", "null", "Line one\nLine two: with a colon\n  indented # not a comment",
                        List.of("*alias", "&anchor text", "!tag", "- a dash", "# hash", "key: value", "[brackets]", "{braces}"),
                        List.of("Children’s – ‘quotes’ \"double\"", "true", "~", "0x1F", "1e3", "on", "@at", "%percent"),
                        List.of(new ToolFile.QuestionFile("S1.Q1", "'single' at the start", "|pipe"),
                                new ToolFile.QuestionFile("S1.Q2", ">folded", null)))),
                List.of("S2", "S1.Q3"));
    }

    @Test
    void everyTextComesBackFromYamlExactlyAsItWent() {
        ToolFile file = tricky();
        String yaml = new String(file.write(ToolFile.Format.YAML), StandardCharsets.UTF_8);

        ToolFile.Read read = yaml(yaml);

        assertEquals(List.of(), read.problems(), yaml);
        assertEquals(file, read.file(), yaml);
        assertEquals(file, ToolFile.read(file.toJson()).file());
    }

    @Test
    void theShippedToolReadsTheSameFromJsonAndFromYaml() throws IOException {
        byte[] json = ToolAdminTest.demoFileAs("2026.1");
        ToolFile fromJson = ToolFile.read(json).file();

        byte[] yaml = fromJson.write(ToolFile.Format.YAML);

        assertEquals(JSON.readTree(json), YAML.readTree(yaml));
        assertEquals(fromJson, ToolFile.read(yaml, ToolFile.Format.YAML).file());
    }

    @Test
    void aYamlFileWithProblemsNamesTheSamePlacesAsTheJsonOne() throws IOException {
        ObjectNode file = (ObjectNode) JSON.readTree(ToolAdminTest.demoFileAs("2026.1"));
        ArrayNode standards = (ArrayNode) file.get("standards");
        ((ObjectNode) standards.get(1).get("questions").get(0)).put("code", "S2.Q2");
        ((ObjectNode) standards.get(2).get("questions").get(0)).remove("text");
        ((ObjectNode) standards.get(3)).put("extra", "not in the format");
        file.put("version", 2026.1);

        List<String> fromJson = ToolFile.read(JSON.writeValueAsBytes(file)).problems();
        List<String> fromYaml = ToolFile.read(YAML.writeValueAsBytes(file), ToolFile.Format.YAML).problems();

        assertEquals(fromJson, fromYaml);
        assertTrue(fromYaml.contains("standards[2].questions[0].text: required"), fromYaml.toString());
        assertTrue(fromYaml.contains("standards[1].questions[1].code: S2.Q2 is used more than once"), fromYaml.toString());
        assertTrue(fromYaml.contains("standards[3].extra: unknown field"), fromYaml.toString());
        assertTrue(fromYaml.contains("version: must be text, in quotes"), fromYaml.toString());
    }

    @Test
    void anAliasBombIsRefusedBeforeAnythingIsExpanded() {
        StringBuilder bomb = new StringBuilder("a: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            String previous = "*" + (char) (c - 1);
            bomb.append(c).append(": &").append(c).append(" [").append(String.join(", ", java.util.Collections.nCopies(9, previous)))
                    .append("]\n");
        }

        assertEquals(List.of("file: YAML anchors and aliases (&name, *name) are not allowed (line 1)"), yaml(bomb.toString()).problems());
        assertEquals(List.of("file: YAML anchors and aliases (&name, *name) are not allowed (line 3)"),
                yaml("format: s11-tool/1\nversion: \"2026.1\"\ntitle: *t\n").problems());
        assertEquals(List.of("file: YAML anchors and aliases (&name, *name) are not allowed (line 2)"),
                yaml("format: s11-tool/1\nversion: &v \"2026.1\"\ntitle: *v\n").problems());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a Java type tag    | format: !!java.net.URL 'http://example.org'",
            "a custom tag       | standards: !custom [x]",
            "a standard tag too | title: !!str 5" })
    void tagsAreRefused(String what, String line) {
        assertEquals(List.of("file: YAML tags (!name, !!type) are not allowed (line 1)"), yaml(line + "\n").problems(), what);
    }

    @Test
    void aSecondDocumentABrokenFileAndANonMappingAreRefusedWithWhere() {
        assertEquals(List.of("file: must hold one YAML document; a second starts at line 2"),
                yaml("format: s11-tool/1\n---\nformat: other\n").problems());
        assertEquals(List.of("file: not valid YAML (line 2, column 7: mapping values are not allowed here)"),
                yaml("title: a\n  code: b\n").problems());
        assertEquals(List.of("file: must be a YAML mapping of the fields below"), yaml("- just a list\n").problems());
        assertEquals(List.of("file: must be a YAML mapping of the fields below"), yaml("").problems());
        assertEquals(List.of("file: must be smaller than 1 MB"),
                ToolFile.read(new byte[ToolFile.MAX_BYTES + 1], ToolFile.Format.YAML).problems());
    }

    @Test
    void aDuplicateKeyIsRefusedAsInJson() {
        ToolFile.Read read = yaml("format: s11-tool/1\nformat: s11-tool/1\n");
        assertNull(read.file());
        assertTrue(read.problems().get(0).startsWith("file: not valid YAML (line 2"), read.problems().toString());
    }

    @ParameterizedTest
    @CsvSource({ "tool.json, JSON", "TOOL.JSON, JSON", "tool.yaml, YAML", "tool.YML, YAML", "tool.txt, ", "json, " })
    void theFormatComesFromTheFileNamesEnding(String name, ToolFile.Format format) {
        assertEquals(format, ToolFile.Format.ofFileName(name));
    }
}
