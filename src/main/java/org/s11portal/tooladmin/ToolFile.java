package org.s11portal.tooladmin;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.s11portal.tool.Question;
import org.s11portal.tool.Standard;
import org.s11portal.tool.Tool;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.reader.UnicodeReader;

/**
 * The tool file format "s11-tool/1": one tool version as JSON, the shape of {@code demo/tool-2020.json} with a
 * {@code format} field, or the same content as YAML. Written by the export and read, with every problem named by its
 * place ({@code standards[2].questions[0].text: required}), by the import. The limits are the edit forms' too.
 * <p>
 * A YAML file can say no more than a JSON one: one document, no anchors or aliases, no tags; after that both are read
 * to the same tree and checked by the same {@link Checker}.
 */
@JsonPropertyOrder({ "format", "version", "title", "standards", "retiredCodes" })
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ToolFile(String format, String version, String title, List<StandardFile> standards,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> retiredCodes) {

    public static final String FORMAT = "s11-tool/1";
    public static final int MAX_BYTES = 1024 * 1024;
    public static final String YAML_MEDIA_TYPE = "application/yaml";
    static final int TITLE_MAX = 200;
    static final int REFERENCE_MAX = 200;
    static final int GOOD_MAX = 4000;
    static final int LINE_MAX = 500;
    static final int LINES_MAX = 20;
    static final int TEXT_MAX = 1000;
    static final int GUIDANCE_MAX = 2000;
    /** A year and a number: 2026.1. */
    static final Pattern VERSION = Pattern.compile("[0-9]{4}\\.[0-9]{1,3}");
    static final Pattern STANDARD_CODE = Pattern.compile("[A-Z]{1,3}[0-9]{1,3}");
    static final Pattern QUESTION_CODE = Pattern.compile("([A-Z]{1,3}[0-9]{1,3})\\.Q([0-9]{1,3})");

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .loaderOptions(yamlLimits())
            // every text in double quotes, so none reads back as a number, true, a comment or an alias ("0x1F", "yes",
            // "*a"); a text of several lines as a literal block (|), line for line
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .build())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /** How a tool file is written: decided by the file name's ending. */
    public enum Format {
        JSON("application/json", "json"), YAML(YAML_MEDIA_TYPE, "yaml");

        public final String mediaType;
        /** The ending an exported file is given. */
        public final String extension;

        Format(String mediaType, String extension) {
            this.mediaType = mediaType;
            this.extension = extension;
        }

        /** {@code .json} is JSON, {@code .yaml} and {@code .yml} are YAML (in any case); any other name null. */
        public static Format ofFileName(String name) {
            String lower = name == null ? "" : name.strip().toLowerCase(java.util.Locale.ROOT);
            if (lower.endsWith(".json")) {
                return JSON;
            }
            return lower.endsWith(".yaml") || lower.endsWith(".yml") ? YAML : null;
        }
    }

    @JsonPropertyOrder({ "code", "title", "reference", "whatGoodLooksLike", "reflectionPrompts", "evidenceExamples", "questions" })
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StandardFile(String code, String title, String reference, String whatGoodLooksLike,
            List<String> reflectionPrompts, List<String> evidenceExamples, List<QuestionFile> questions) {
    }

    @JsonPropertyOrder({ "code", "text", "guidance" })
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record QuestionFile(String code, String text, String guidance) {
    }

    /** What a file read to: the tool, or the problems that stop it being imported (never both). */
    public record Read(ToolFile file, List<String> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    public static ToolFile of(Tool tool, List<Standard> standards, List<List<Question>> questions) {
        List<StandardFile> files = new ArrayList<>();
        for (int i = 0; i < standards.size(); i++) {
            Standard s = standards.get(i);
            files.add(new StandardFile(s.code, s.title, s.reference, s.goodLooksLike, s.reflectionPromptList(),
                    s.evidenceExampleList(), questions.get(i).stream()
                            .map(q -> new QuestionFile(q.code, q.text, q.guidance)).toList()));
        }
        return new ToolFile(FORMAT, tool.version, tool.title, files, tool.retiredCodeList());
    }

    public byte[] toJson() {
        return write(Format.JSON);
    }

    /** The file in the given format; both hold the same fields in the same order. */
    public byte[] write(Format format) {
        try {
            return (format == Format.YAML ? YAML : JSON).writeValueAsBytes(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A new draft of this file's standards and questions, in their order, under the given version and title (not persisted). */
    public Tool toTool(String version, String title) {
        Tool tool = new Tool();
        tool.version = version;
        tool.title = title;
        tool.status = Tool.Status.DRAFT;
        int standardPosition = 0;
        for (StandardFile s : standards) {
            Standard standard = new Standard();
            standard.tool = tool;
            standard.code = s.code();
            standard.position = ++standardPosition;
            standard.title = s.title();
            standard.reference = s.reference();
            standard.goodLooksLike = s.whatGoodLooksLike();
            standard.reflectionPrompts = s.reflectionPrompts().isEmpty() ? null : String.join("\n", s.reflectionPrompts());
            standard.evidenceExamples = s.evidenceExamples().isEmpty() ? null : String.join("\n", s.evidenceExamples());
            int questionPosition = 0;
            for (QuestionFile q : s.questions()) {
                Question question = new Question();
                question.standard = standard;
                question.code = q.code();
                question.position = ++questionPosition;
                question.text = q.text();
                question.guidance = q.guidance();
                standard.questions.add(question);
            }
            tool.standards.add(standard);
        }
        tool.retire(retiredCodes == null ? List.of() : retiredCodes);
        return tool;
    }

    /** Reads and checks a JSON file: its format, required fields, lengths, and codes unique and well-formed. */
    public static Read read(byte[] bytes) {
        return read(bytes, Format.JSON);
    }

    /** Reads and checks a file written in the given format, with the same checks and places for both. */
    public static Read read(byte[] bytes, Format format) {
        if (bytes.length > MAX_BYTES) {
            return refused("file: must be smaller than 1 MB");
        }
        JsonNode root;
        try {
            if (format == Format.YAML) {
                String beyondJson = beyondJson(bytes);
                if (beyondJson != null) {
                    return refused(beyondJson);
                }
                root = YAML.readTree(bytes);
            } else {
                root = JSON.readTree(bytes);
            }
        } catch (MarkedYAMLException e) {
            return refused(notValidYaml(e));
        } catch (JsonProcessingException e) {
            return refused(notValid(format, e));
        } catch (java.io.IOException | YAMLException e) {
            return refused("file: could not be read");
        }
        if (root == null || !root.isObject()) {
            return refused(format == Format.YAML ? "file: must be a YAML mapping of the fields below" : "file: must be a JSON object");
        }
        return new Checker().check(root);
    }

    /**
     * What a YAML file uses that JSON cannot say, as the problem to show, or null: read event by event with SnakeYAML's
     * own parser, which sees every anchor, alias and tag (Jackson would read an alias as its anchor's name and drop a
     * tag, so neither would fail later), and a second document.
     */
    private static String beyondJson(byte[] bytes) {
        Parser parser = new ParserImpl(new StreamReader(new UnicodeReader(new ByteArrayInputStream(bytes))), yamlLimits());
        int documents = 0;
        while (!parser.checkEvent(Event.ID.StreamEnd)) {
            Event event = parser.getEvent();
            int line = event.getStartMark().getLine() + 1;
            if (event instanceof NodeEvent node && node.getAnchor() != null) {
                return "file: YAML anchors and aliases (&name, *name) are not allowed (line " + line + ")";
            }
            if (event instanceof ScalarEvent scalar && scalar.getTag() != null
                    || event instanceof CollectionStartEvent collection && collection.getTag() != null) {
                return "file: YAML tags (!name, !!type) are not allowed (line " + line + ")";
            }
            if (event.is(Event.ID.DocumentStart) && ++documents > 1) {
                return "file: must hold one YAML document; a second starts at line " + line;
            }
        }
        return null;
    }

    private static String notValid(Format format, JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException yaml) {
            return notValidYaml(yaml);
        }
        return "file: not valid " + format + " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }

    private static String notValidYaml(MarkedYAMLException e) {
        if (e.getProblemMark() == null) {
            return "file: not valid YAML (" + e.getProblem() + ")";
        }
        return "file: not valid YAML (line " + (e.getProblemMark().getLine() + 1) + ", column " + (e.getProblemMark().getColumn() + 1)
                + ": " + e.getProblem() + ")";
    }

    /**
     * The YAML reader's limits: no more characters than the file's bytes may hold. Jackson never expands an alias (and
     * beyondJson refuses them), so the alias limit is a second guard, not the first.
     */
    private static LoaderOptions yamlLimits() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_BYTES);
        options.setMaxAliasesForCollections(0);
        options.setAllowRecursiveKeys(false);
        options.setAllowDuplicateKeys(false);
        options.setNestingDepthLimit(16);
        return options;
    }

    private static Read refused(String problem) {
        return new Read(null, List.of(problem));
    }

    /** Walks the JSON tree once, noting each problem with its place. */
    private static final class Checker {
        private final List<String> problems = new ArrayList<>();
        private final Set<String> codes = new HashSet<>();

        Read check(JsonNode root) {
            unknownFields(root, "", Set.of("format", "version", "title", "standards", "retiredCodes"));
            if (!FORMAT.equals(root.path("format").asText(null))) {
                problems.add("format: must be \"" + FORMAT + "\"");
            }
            String version = text(root, "version", "", 20, true);
            if (version != null && !VERSION.matcher(version).matches()) {
                problems.add("version: must be a year and a number, like 2026.1");
            }
            String title = text(root, "title", "", TITLE_MAX, true);
            List<StandardFile> standards = new ArrayList<>();
            JsonNode list = root.get("standards");
            if (list == null || !list.isArray() || list.isEmpty()) {
                problems.add("standards: must be a list of at least one standard");
            } else {
                for (int i = 0; i < list.size(); i++) {
                    standards.add(standard(list.get(i), "standards[" + i + "]"));
                }
            }
            List<String> retired = lines(root, "retiredCodes", "", 16);
            for (int i = 0; i < retired.size(); i++) {
                String code = retired.get(i);
                if (!STANDARD_CODE.matcher(code).matches() && !QUESTION_CODE.matcher(code).matches()) {
                    problems.add("retiredCodes[" + i + "]: " + code + " is not a standard or question code");
                } else if (codes.contains(code)) {
                    problems.add("retiredCodes[" + i + "]: " + code + " is in use, so it cannot be retired");
                }
            }
            return problems.isEmpty() ? new Read(new ToolFile(FORMAT, version, title, standards, retired), List.of())
                    : new Read(null, List.copyOf(problems));
        }

        private StandardFile standard(JsonNode node, String place) {
            if (!node.isObject()) {
                problems.add(place + ": must be an object");
                return null;
            }
            unknownFields(node, place + ".", Set.of("code", "title", "reference", "whatGoodLooksLike", "reflectionPrompts",
                    "evidenceExamples", "questions"));
            String code = text(node, "code", place + ".", 10, true);
            if (code != null && !STANDARD_CODE.matcher(code).matches()) {
                problems.add(place + ".code: must be capital letters and a number, like S1");
                code = null;
            } else if (code != null && !codes.add(code)) {
                problems.add(place + ".code: " + code + " is used more than once");
            }
            StandardFile standard = new StandardFile(code, text(node, "title", place + ".", TITLE_MAX, true),
                    text(node, "reference", place + ".", REFERENCE_MAX, false),
                    text(node, "whatGoodLooksLike", place + ".", GOOD_MAX, false),
                    lines(node, "reflectionPrompts", place + ".", LINE_MAX), lines(node, "evidenceExamples", place + ".", LINE_MAX),
                    new ArrayList<>());
            JsonNode list = node.get("questions");
            if (list == null || !list.isArray() || list.isEmpty()) {
                problems.add(place + ".questions: must be a list of at least one question");
                return standard;
            }
            for (int j = 0; j < list.size(); j++) {
                standard.questions().add(question(list.get(j), place + ".questions[" + j + "]", code));
            }
            return standard;
        }

        private QuestionFile question(JsonNode node, String place, String standardCode) {
            if (!node.isObject()) {
                problems.add(place + ": must be an object");
                return null;
            }
            unknownFields(node, place + ".", Set.of("code", "text", "guidance"));
            String code = text(node, "code", place + ".", 16, true);
            if (code != null) {
                java.util.regex.Matcher m = QUESTION_CODE.matcher(code);
                if (!m.matches() || standardCode != null && !m.group(1).equals(standardCode)) {
                    problems.add(place + ".code: must be the standard's code, .Q and a number, like "
                            + (standardCode == null ? "S1" : standardCode) + ".Q1");
                } else if (!codes.add(code)) {
                    problems.add(place + ".code: " + code + " is used more than once");
                }
            }
            return new QuestionFile(code, text(node, "text", place + ".", TEXT_MAX, true),
                    text(node, "guidance", place + ".", GUIDANCE_MAX, false));
        }

        private String text(JsonNode parent, String field, String place, int max, boolean required) {
            JsonNode node = parent.get(field);
            if (node == null || node.isNull() || node.isTextual() && node.asText().isBlank()) {
                if (required) {
                    problems.add(place + field + ": required");
                }
                return null;
            }
            if (!node.isTextual()) {
                // a number or true/false typed without quotes: 2026.1 in YAML is a number, "2026.1" text
                problems.add(place + field + (node.isValueNode() ? ": must be text, in quotes" : ": must be text"));
                return null;
            }
            String value = node.asText().strip();
            if (value.length() > max) {
                problems.add(place + field + ": must be " + max + " characters or fewer (it has " + value.length() + ")");
            }
            return value;
        }

        private List<String> lines(JsonNode parent, String field, String place, int max) {
            JsonNode node = parent.get(field);
            List<String> lines = new ArrayList<>();
            if (node == null || node.isNull()) {
                return lines;
            }
            if (!node.isArray()) {
                problems.add(place + field + ": must be a list of text");
                return lines;
            }
            if (node.size() > LINES_MAX) {
                problems.add(place + field + ": must have " + LINES_MAX + " entries or fewer");
            }
            for (int i = 0; i < node.size(); i++) {
                JsonNode line = node.get(i);
                String where = place + field + "[" + i + "]";
                if (!line.isTextual() || line.asText().isBlank()) {
                    problems.add(where + ": must be text, not empty");
                } else if (line.asText().contains("\n")) {
                    problems.add(where + ": must be one line");
                } else if (line.asText().strip().length() > max) {
                    problems.add(where + ": must be " + max + " characters or fewer");
                } else {
                    lines.add(line.asText().strip());
                }
            }
            return lines;
        }

        private void unknownFields(JsonNode node, String place, Set<String> known) {
            for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
                String name = names.next();
                if (!known.contains(name)) {
                    problems.add(place + name + ": unknown field");
                }
            }
        }
    }
}
