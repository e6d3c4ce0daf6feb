package org.s11portal.tooladmin;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.s11portal.agency.Area;
import org.s11portal.audit.AdminChange;
import org.s11portal.support.Fixtures;
import org.s11portal.support.PageCost;
import org.s11portal.support.WebSession;
import org.s11portal.tool.FrozenToolException;
import org.s11portal.tool.Question;
import org.s11portal.tool.Standard;
import org.s11portal.tool.Tool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/** Tool versions: copy, edit with stable codes, publish and freeze, export and import, scope and the admin log. */
@QuarkusTest
class ToolAdminTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final ObjectMapper YAML = new YAMLMapper();

    @Inject
    Fixtures fixtures;

    @Inject
    PageCost cost;

    WebSession hips() {
        return WebSession.signedIn(fixtures.admin(null).email);
    }

    static String newVersion() {
        return (2100 + ThreadLocalRandom.current().nextInt(800)) + "." + ThreadLocalRandom.current().nextInt(1, 999);
    }

    /** Copies the latest published version (the given one, made just before) as the HIPS admin; the draft's id. */
    static long copy(WebSession admin, String version) {
        admin.get("/admin/tools/new").then().statusCode(200);
        Response response = admin.post("/admin/tools/new", Map.of("version", version, "title", "Draft " + version));
        response.then().statusCode(303);
        String location = response.header("Location");
        return Long.parseLong(location.replaceAll(".*/admin/tools/(\\d+).*", "$1"));
    }

    static List<Question> questions(long toolId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Question> questions = Question.list("standard.tool.id = ?1 order by standard.position, position", toolId);
            questions.forEach(q -> q.standard.code.length());
            return questions;
        });
    }

    static Tool tool(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Tool.findById(id));
    }

    static int lock(long toolId) {
        return tool(toolId).lockVersion;
    }

    static List<AdminChange> changes(long toolId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> AdminChange.list("recordType = 'Tool' and recordId = ?1 order by id", toolId));
    }

    @Test
    void copyMakesAnIdenticalDraftAndLogsIt() {
        Tool source = fixtures.aPublishedTool(3, 2);
        WebSession admin = hips();
        admin.get("/admin/tools").then().statusCode(200).body(containsString("Copy the latest (" + source.version + ")"));
        String version = newVersion();
        long id = copy(admin, version);

        Tool copy = tool(id);
        assertEquals(Tool.Status.DRAFT, copy.status);
        assertEquals(version, copy.version);
        List<Question> from = questions(source.id);
        List<Question> to = questions(id);
        assertEquals(from.stream().map(q -> q.code + q.text).toList(), to.stream().map(q -> q.code + q.text).toList());
        assertEquals(6, to.size());
        List<AdminChange> log = changes(id);
        assertEquals("Copied tool version", log.get(0).action);
        assertTrue(log.get(0).afterJson.contains(source.version));
        admin.get("/admin/tools/" + id).then().statusCode(200).body(containsString("T3.Q2"), containsString("Check and publish"));
    }

    @Test
    void theCopyFormRefusesABadOrTakenVersion() {
        Tool source = fixtures.aPublishedTool(1, 1);
        WebSession admin = hips();
        admin.get("/admin/tools/new").then().statusCode(200);
        admin.post("/admin/tools/new", Map.of("version", "26", "title", "A title")).then().statusCode(400)
                .body(containsString("a year, a full stop and a number"), containsString("value=\"A title\""));
        String version = newVersion();
        copy(admin, version);
        fixtures.aPublishedTool(1, 1);
        admin.get("/admin/tools/new");
        admin.post("/admin/tools/new", Map.of("version", version, "title", "")).then().statusCode(400)
                .body(containsString("Version " + version + " already exists"), containsString("Enter the title"));
        assertNotNull(source.id);
    }

    @Test
    void editingADraftKeepsCodesStableAndLogsBeforeAndAfter() {
        fixtures.aPublishedTool(2, 2);
        WebSession admin = hips();
        long id = copy(admin, newVersion());
        Question first = questions(id).get(0);
        String page = "/admin/tools/" + id;

        // edit a question's text: visible at once, logged before and after
        admin.get(page + "/questions/" + first.id).then().statusCode(200);
        admin.post(page + "/questions/" + first.id, Map.of("text", "How do you know it works?", "guidance", "Say how.",
                "lock", String.valueOf(lock(id)))).then().statusCode(303);
        admin.get(page).then().statusCode(200).body(containsString("How do you know it works?"));
        AdminChange edited = changes(id).stream().filter(c -> c.action.equals("Edited question")).findFirst().orElseThrow();
        assertTrue(edited.beforeJson.contains(first.text) && edited.afterJson.contains("How do you know it works?"));

        // validation: empty text, and a page shown before someone else's change
        admin.post(page + "/questions/" + first.id, Map.of("text", " ", "lock", String.valueOf(lock(id)))).then().statusCode(400)
                .body(containsString("Enter the question"));
        admin.post(page + "/questions/" + first.id, Map.of("text", "Stale text", "lock", String.valueOf(lock(id) - 1)))
                .then().statusCode(409).body(containsString("Someone else changed this draft"), containsString("Stale text"));

        // a new question takes the next free code; a removed code is retired and never given again
        long t1 = first.standard.id;
        admin.get(page + "/standards/" + t1 + "/questions/new").then().statusCode(200);
        admin.post(page + "/standards/" + t1 + "/questions/new", Map.of("text", "A third question", "lock",
                String.valueOf(lock(id)))).then().statusCode(303);
        Question third = questions(id).stream().filter(q -> q.text.equals("A third question")).findFirst().orElseThrow();
        assertEquals("T1.Q3", third.code);
        admin.get(page + "/questions/" + third.id + "/remove").then().statusCode(200);
        admin.post(page + "/questions/" + third.id + "/remove?lock=" + lock(id), Map.of()).then().statusCode(303);
        admin.post(page + "/standards/" + t1 + "/questions/new", Map.of("text", "A fourth question", "lock",
                String.valueOf(lock(id)))).then().statusCode(303);
        assertEquals(List.of("T1.Q1", "T1.Q2", "T1.Q4", "T2.Q1", "T2.Q2"), questions(id).stream().map(q -> q.code).toList());
        assertEquals(List.of("T1.Q3"), tool(id).retiredCodeList());

        // reorder: T1.Q4 up, seen at once
        Question fourth = questions(id).get(2);
        admin.post(page + "/questions/" + fourth.id + "/move", Map.of("direction", "up")).then().statusCode(303);
        assertEquals(List.of("T1.Q1", "T1.Q4", "T1.Q2"), questions(id).subList(0, 3).stream().map(q -> q.code).toList());
        String html = admin.get(page).asString();
        assertTrue(html.indexOf("A fourth question") < html.indexOf(">" + questions(id).get(2).text + "<"));

        // a standard: edited, added with the next code, removed (its codes retired)
        admin.get(page + "/standards/" + t1).then().statusCode(200);
        admin.post(page + "/standards/" + t1, Map.of("title", "", "lock", String.valueOf(lock(id)))).then().statusCode(400)
                .body(containsString("Enter the standard&#39;s title"));
        admin.post(page + "/standards/" + t1, Map.of("title", "Leadership", "reflectionPrompts", "How do you know?\n\nWho checks?",
                "lock", String.valueOf(lock(id)))).then().statusCode(303);
        admin.post(page + "/standards/new", Map.of("title", "A new standard", "lock", String.valueOf(lock(id)))).then().statusCode(303);
        Standard added = QuarkusTransaction.requiringNew().call(() -> Standard.find("tool.id = ?1 and code = 'T3'", id).firstResult());
        assertEquals("A new standard", added.title);
        admin.post(page + "/standards/" + added.id + "/remove?lock=" + lock(id), Map.of()).then().statusCode(303);
        admin.post(page + "/standards/new", Map.of("title", "Another", "lock", String.valueOf(lock(id)))).then().statusCode(303);
        assertEquals(1, QuarkusTransaction.requiringNew().call(() -> Standard.count("tool.id = ?1 and code = 'T4'", id)));
        assertEquals("How do you know?\nWho checks?", QuarkusTransaction.requiringNew()
                .call(() -> Standard.<Standard>findById(t1).reflectionPrompts));
        List<String> actions = changes(id).stream().map(c -> c.action).toList();
        assertTrue(actions.containsAll(List.of("Added question", "Removed question", "Moved question", "Edited standard",
                "Added standard", "Removed standard")), actions.toString());
    }

    @Test
    void publishingFreezesTheVersionOverHttpAndInTheEntities() {
        Tool previous = fixtures.aPublishedTool(2, 2);
        WebSession admin = hips();
        long id = copy(admin, newVersion());
        Question first = questions(id).get(0);
        String page = "/admin/tools/" + id;
        admin.post(page + "/questions/" + first.id, Map.of("text", "Reworded", "lock", String.valueOf(lock(id))))
                .then().statusCode(303);

        admin.get(page + "/publish").then().statusCode(200).body(containsString("What changed since version " + previous.version),
                containsString("Reworded"), containsString("Publish version"));
        admin.post(page + "/publish", Map.of()).then().statusCode(303);
        assertEquals(Tool.Status.PUBLISHED, tool(id).status);
        assertEquals("Published tool version", changes(id).get(changes(id).size() - 1).action);

        admin.get(page).then().statusCode(200).body(not(containsString("Check and publish")), not(containsString("Delete this draft")));
        admin.post(page + "/questions/" + first.id, Map.of("text", "Changed after publishing", "lock", String.valueOf(lock(id))))
                .then().statusCode(409).body(containsString("frozen"));
        admin.post(page + "/questions/" + first.id + "/remove?lock=" + lock(id), Map.of()).then().statusCode(409);
        admin.post(page + "/delete", Map.of()).then().statusCode(409);
        admin.get(page + "/standards/new").then().statusCode(409);
        assertEquals("Reworded", questions(id).get(0).text);

        // the entities refuse too: a change, an addition and a delete of a published version are never written
        assertFrozen(() -> Question.<Question>findById(first.id).text = "Changed in the entity");
        assertFrozen(() -> {
            Standard s = Standard.findById(first.standard.id);
            Question q = new Question();
            q.standard = s;
            q.code = "T1.Q9";
            q.position = 9;
            q.text = "Added in the entity";
            s.questions.add(q);
        });
        assertFrozen(() -> Tool.<Tool>findById(id).title = "Renamed");
        assertFrozen(() -> Tool.<Tool>findById(id).delete());
        assertEquals("Reworded", questions(id).get(0).text);
        assertEquals(4, questions(id).size());
    }

    static void assertFrozen(Runnable change) {
        Throwable thrown = assertThrows(Throwable.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            change.run();
            Tool.flush();
        }));
        Throwable cause = thrown;
        while (cause != null && !(cause instanceof FrozenToolException)) {
            cause = cause.getCause();
        }
        assertNotNull(cause, "expected the entity to refuse: " + thrown);
    }

    @Test
    void deletingADraftAsksFirstAndLogsIt() {
        fixtures.aPublishedTool(1, 1);
        WebSession admin = hips();
        long id = copy(admin, newVersion());
        admin.get("/admin/tools/" + id + "/delete").then().statusCode(200).body(containsString("Delete draft"));
        admin.post("/admin/tools/" + id + "/delete", Map.of()).then().statusCode(303);
        assertEquals(null, tool(id));
        assertEquals("Deleted tool version", changes(id).get(changes(id).size() - 1).action);
    }

    // ---- export and import ----

    static byte[] demoFileAs(String version) throws IOException {
        try (InputStream in = ToolAdminTest.class.getResourceAsStream("/demo/tool-2020.json")) {
            ObjectNode file = (ObjectNode) JSON.readTree(in);
            ObjectNode withFormat = JSON.createObjectNode().put("format", ToolFile.FORMAT);
            withFormat.setAll(file);
            withFormat.put("version", version);
            return JSON.writeValueAsBytes(withFormat);
        }
    }

    /** One standard of one question, no guidance at all. */
    static byte[] minimalFile(String version) {
        return ("{\"format\":\"s11-tool/1\",\"version\":\"" + version + "\",\"title\":\"Minimal\",\"standards\":[{\"code\":\"T1\","
                + "\"title\":\"Only standard\",\"questions\":[{\"code\":\"T1.Q1\",\"text\":\"Only question?\"}]}]}").getBytes();
    }

    static Response upload(WebSession admin, byte[] content) {
        return upload(admin, content, "tool.json");
    }

    static Response upload(WebSession admin, byte[] content, String fileName) {
        admin.get("/admin/tools/import").then().statusCode(200);
        return admin.request().multiPart("csrf-token", admin.csrfToken())
                .multiPart("file", fileName, content, fileName.endsWith(".json") ? "application/json" : "application/yaml")
                .post("/admin/tools/import");
    }

    /** Uploads, checks and confirms a JSON file; the new draft's id. */
    static long importFile(WebSession admin, byte[] content) {
        return importFile(admin, content, "tool.json");
    }

    /** Uploads, checks and confirms a file; the new draft's id. */
    static long importFile(WebSession admin, byte[] content, String fileName) {
        Response uploaded = upload(admin, content, fileName);
        uploaded.then().statusCode(303);
        String check = uploaded.header("Location").replaceAll("^https?://[^/]+", "");
        admin.get(check).then().statusCode(200).body(containsString("Check the tool file"));
        Response confirmed = admin.post(check, Map.of());
        confirmed.then().statusCode(303);
        return Long.parseLong(confirmed.header("Location").replaceAll(".*/admin/tools/(\\d+).*", "$1"));
    }

    @Test
    void theDemoToolRoundTripsExactlyThroughExportAndImport() throws IOException {
        WebSession admin = hips();
        String version = newVersion();
        byte[] demo = demoFileAs(version);
        long id = importFile(admin, demo);
        assertEquals(Tool.Status.DRAFT, tool(id).status);
        assertEquals("Imported tool version", changes(id).get(0).action);

        Response export = admin.get("/admin/tools/" + id + "/export.json");
        export.then().statusCode(200).contentType(containsString("application/json"))
                .header("Content-Disposition", containsString("attachment"));
        JsonNode exported = JSON.readTree(export.asByteArray());
        assertEquals(JSON.readTree(demo), exported);

        // and the export, as a new version, imports to the same tool again
        String next = newVersion();
        ((ObjectNode) exported).put("version", next);
        long again = importFile(admin, JSON.writeValueAsBytes(exported));
        assertImportedAgain(admin, id, again, exported);
    }

    /** The version imported again exports as the expected JSON file, with the first one's questions. */
    static void assertImportedAgain(WebSession admin, long first, long again, JsonNode expected) throws IOException {
        assertEquals(expected, JSON.readTree(admin.get("/admin/tools/" + again + "/export.json").asByteArray()));
        assertEquals(questions(first).stream().map(q -> q.code + q.text + q.guidance).toList(),
                questions(again).stream().map(q -> q.code + q.text + q.guidance).toList());
    }

    @Test
    void theYamlExportLinkedFromTheToolPageImportsToTheSameTool() throws IOException {
        WebSession admin = hips();
        String version = newVersion();
        byte[] demo = demoFileAs(version);
        long id = importFile(admin, demo);

        String href = Jsoup.parse(admin.get("/admin/tools/" + id).then().statusCode(200).extract().asString()).select("a")
                .stream().filter(a -> a.text().equals("Export as a tool file (YAML)")).findFirst().orElseThrow().attr("href");
        assertEquals("/admin/tools/" + id + "/export.yaml", href);
        Response export = admin.get(href);
        export.then().statusCode(200).contentType(containsString("application/yaml"))
                .header("Content-Disposition", "attachment; filename=\"s11-tool-" + version + ".yaml\"");
        String yaml = export.asString();
        assertEquals(JSON.readTree(demo), YAML.readTree(yaml));

        // the YAML, as a new version, imports to the same tool, which exports as JSON to the same file
        String next = newVersion();
        assertTrue(yaml.contains("version: \"" + version + "\"\n"), yaml);
        long again = importFile(admin, yaml.replace("version: \"" + version + "\"\n", "version: \"" + next + "\"\n").getBytes(),
                "shared tool.yml");
        assertImportedAgain(admin, id, again, ((ObjectNode) JSON.readTree(demo)).put("version", next));
    }

    @Test
    void aYamlFileIsCheckedAsAJsonOneAndCanSayNoMore() throws IOException {
        WebSession admin = hips();
        ObjectNode file = (ObjectNode) JSON.readTree(demoFileAs(newVersion()));
        ((ObjectNode) file.get("standards").get(2).get("questions").get(0)).remove("text");
        upload(admin, YAML.writeValueAsBytes(file), "tool.yaml").then().statusCode(400)
                .body(containsString("standards[2].questions[0].text: required"));

        upload(admin, "format: &f s11-tool/1\nversion: *f\n".getBytes(), "tool.yaml").then().statusCode(400)
                .body(containsString("file: YAML anchors and aliases (&amp;name, *name) are not allowed (line 1)"));
        upload(admin, "format: !!java.net.URL http://example.org\n".getBytes(), "tool.yml").then().statusCode(400)
                .body(containsString("file: YAML tags (!name, !!type) are not allowed (line 1)"));
        upload(admin, demoFileAs(newVersion()), "tool.txt").then().statusCode(400)
                .body(containsString("file: must be a tool file ending .json, .yaml or .yml"));
    }

    @Test
    void importNamesEveryProblemByItsPlace() throws IOException {
        WebSession admin = hips();
        upload(admin, "{ \"format\": ".getBytes()).then().statusCode(400).body(containsString("file: not valid JSON"));

        String taken = newVersion();
        importFile(admin, demoFileAs(taken));
        upload(admin, demoFileAs(taken)).then().statusCode(400).body(containsString("version: " + taken + " already exists"));

        ObjectNode file = (ObjectNode) JSON.readTree(demoFileAs(newVersion()));
        ArrayNode standards = (ArrayNode) file.get("standards");
        ((ObjectNode) standards.get(1).get("questions").get(0)).put("code", "S2.Q2");
        ((ObjectNode) standards.get(2).get("questions").get(0)).remove("text");
        ((ObjectNode) standards.get(3)).put("code", "S03x");
        file.remove("format");
        String body = upload(admin, JSON.writeValueAsBytes(file)).then().statusCode(400).extract().asString();
        assertTrue(body.contains("format: must be"), body);
        assertTrue(body.contains("standards[1].questions[1].code: S2.Q2 is used more than once"), body);
        assertTrue(body.contains("standards[2].questions[0].text: required"), body);
        assertTrue(body.contains("standards[3].code: must be capital letters and a number"), body);

        byte[] big = new byte[ToolFile.MAX_BYTES + 10];
        java.util.Arrays.fill(big, (byte) ' ');
        upload(admin, big).then().statusCode(400).body(containsString("smaller than 1 MB"));
    }

    // ---- scope ----

    @Test
    void aPartnershipAdminReadsButCannotChange() {
        Tool published = fixtures.aPublishedTool(1, 2);
        WebSession hips = hips();
        long draft = copy(hips, newVersion());
        Question question = questions(draft).get(0);
        WebSession admin = WebSession.signedIn(fixtures.admin(Area.PORTSMOUTH).email);

        admin.get("/admin/tools").then().statusCode(200).body(containsString(published.version), not(containsString("Copy the latest")),
                not(containsString("Import a tool file")));
        admin.get("/admin/tools/" + draft).then().statusCode(200).body(not(containsString("Check and publish")),
                not(containsString("/questions/" + question.id)));
        admin.get("/admin/tools/" + draft + "/export.json").then().statusCode(200);
        admin.get("/admin/tools/" + draft + "/preview/T1").then().statusCode(200);

        String base = "/admin/tools/" + draft;
        for (String get : List.of("/admin/tools/new", "/admin/tools/import", base + "/delete", base + "/publish", base + "/standards/new",
                base + "/standards/" + question.standard.id, base + "/questions/" + question.id, base + "/questions/" + question.id + "/remove",
                base + "/standards/" + question.standard.id + "/questions/new", "/admin/tools/" + published.id + "/retire")) {
            admin.get(get).then().statusCode(404);
        }
        admin.get("/admin/tools");
        int lock = lock(draft);
        Map<String, Map<String, String>> posts = Map.of(
                "/admin/tools/new", Map.of("version", newVersion(), "title", "Mine"),
                base + "/delete", Map.of(),
                base + "/publish", Map.of(),
                base + "/standards/new", Map.of("title", "Mine", "lock", "" + lock),
                base + "/questions/" + question.id, Map.of("text", "Mine", "lock", "" + lock),
                base + "/questions/" + question.id + "/remove?lock=" + lock, Map.of(),
                base + "/questions/" + question.id + "/move", Map.of("direction", "down"),
                base + "/standards/" + question.standard.id + "/move", Map.of("direction", "down"),
                "/admin/tools/" + published.id + "/retire", Map.of());
        posts.forEach((path, form) -> admin.post(path, form).then().statusCode(404));
        assertEquals(1, changes(draft).size());
        assertEquals(Tool.Status.DRAFT, tool(draft).status);

        WebSession moderator = WebSession.signedIn(fixtures.moderator(Area.PORTSMOUTH).email);
        moderator.get("/admin/tools").then().statusCode(403);
        moderator.get("/admin/tools/" + draft).then().statusCode(403);
    }

    @Test
    void retiringAPublishedVersionNoOpenCycleUses() {
        Tool free = fixtures.aPublishedTool(1, 1);
        Tool used = fixtures.aCycle().withTool().create().tool;
        WebSession admin = hips();
        admin.get("/admin/tools/" + used.id).then().statusCode(200).body(not(containsString("Retire this version")));
        admin.get("/admin/tools/" + used.id + "/retire").then().statusCode(404);
        admin.get("/admin/tools/" + free.id + "/retire").then().statusCode(200);
        admin.post("/admin/tools/" + free.id + "/retire", Map.of()).then().statusCode(303);
        assertEquals(Tool.Status.RETIRED, tool(free.id).status);
        assertEquals("Retired tool version", changes(free.id).get(0).action);
    }

    // ---- pages ----

    @Test
    void pagesRenderForAMinimalAndAFullTool() throws IOException {
        WebSession admin = hips();
        String version = newVersion();
        long minimal = importFile(admin, minimalFile(version));
        long full = importFile(admin, demoFileAs(newVersion()));
        admin.get("/admin/tools").then().statusCode(200).body(containsString(version));
        admin.get("/admin/tools/" + minimal).then().statusCode(200).body(containsString("T1.Q1"));
        admin.get("/admin/tools/" + minimal + "/preview/T1").then().statusCode(200).body(containsString("Preview"),
                not(containsString("Next standard")), not(containsString("What good looks like")));
        admin.get("/admin/tools/" + full).then().statusCode(200).body(containsString("S10.Q"));
        admin.get("/admin/tools/" + full + "/preview/S2").then().statusCode(200).body(containsString("What good looks like"),
                containsString("Next standard"), containsString("Previous standard"), containsString("disabled"));
        admin.get("/admin/tools/" + full + "/preview/S99").then().statusCode(404);
        admin.get("/admin/tools/" + full + "/publish").then().statusCode(200);
    }

    @Test
    void aToolPageCostsTheSameHoweverBigTheTool() {
        WebSession admin = hips();
        Tool small = fixtures.aPublishedTool(1, 1);
        Tool big = fixtures.aPublishedTool(10, 6);
        Runnable smallPage = () -> admin.get("/admin/tools/" + small.id).then().statusCode(200);
        Runnable bigPage = () -> admin.get("/admin/tools/" + big.id).then().statusCode(200);
        smallPage.run();
        bigPage.run();
        assertEquals(cost.statements(smallPage), cost.statements(bigPage));
        Runnable list = () -> admin.get("/admin/tools").then().statusCode(200);
        list.run();
        long before = cost.statements(list);
        fixtures.aPublishedTool(2, 2);
        fixtures.aPublishedTool(2, 2);
        list.run();
        assertEquals(before, cost.statements(list));
    }
}
