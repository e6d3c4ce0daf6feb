package org.s11portal.letteradmin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.s11portal.agency.Area;
import org.s11portal.audit.AdminChange;
import org.s11portal.panel.StandardFinding;
import org.s11portal.panel.Theme;
import org.s11portal.support.Fixtures;
import org.s11portal.support.WebSession;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/** The themes list: the HIPS admin adds, renames, retires, restores and reorders; others read or get nothing. */
@QuarkusTest
class ThemeAdminResourceTest {

    @Inject
    Fixtures fixtures;

    @Inject
    LetterAdminTestData data;

    private WebSession hips() {
        WebSession session = WebSession.signedIn(fixtures.admin(null).email);
        session.get("/admin/themes").then().statusCode(200);
        return session;
    }

    private Theme add(WebSession session, String name) {
        session.post("/admin/themes", Map.of("name", name)).then().statusCode(303);
        Theme theme = data.themeNamed(name);
        assertNotNull(theme, name);
        return theme;
    }

    @Test
    void theHipsAdminAddsRenamesRetiresAndRestoresAThemeAndEachChangeIsLogged() {
        WebSession hips = hips();
        String name = Fixtures.unique("Neglect");
        Response added = hips.post("/admin/themes", Map.of("name", "  " + name + "  "));
        added.then().statusCode(303);
        assertTrue(added.header("Location").contains("/admin/themes?done=added"));
        Theme theme = data.themeNamed(name);
        assertTrue(theme.active);
        String list = hips.get("/admin/themes?done=added").then().statusCode(200).extract().asString();
        assertTrue(list.contains(name) && list.contains("The theme is added"), list);

        hips.get("/admin/themes/" + theme.id + "/rename").then().statusCode(200);
        String renamed = name + " and exploitation";
        hips.post("/admin/themes/" + theme.id + "/rename", Map.of("name", renamed)).then().statusCode(303);
        assertEquals(renamed, data.theme(theme.id).name);

        hips.get("/admin/themes");
        hips.post("/admin/themes/" + theme.id + "/retire", Map.of()).then().statusCode(303);
        assertFalse(data.theme(theme.id).active);
        assertTrue(hips.get("/admin/themes").asString().contains("Retired"));
        hips.post("/admin/themes/" + theme.id + "/restore", Map.of()).then().statusCode(303);
        assertTrue(data.theme(theme.id).active);

        List<AdminChange> changes = data.changes("Theme", theme.id);
        assertEquals(List.of("Theme added", "Theme renamed", "Theme retired", "Theme restored"),
                changes.stream().map(c -> c.action).toList());
        changes.forEach(c -> assertEquals(null, c.partnershipIds, "HIPS-wide"));
        assertEquals(null, changes.get(0).beforeJson);
        assertTrue(changes.get(1).beforeJson.contains("\"name\" : \"" + name + "\""), changes.get(1).beforeJson);
        assertTrue(changes.get(1).afterJson.contains("\"name\" : \"" + renamed + "\""), changes.get(1).afterJson);
        assertTrue(changes.get(2).afterJson.contains("\"active\" : false"));
    }

    @Test
    void aDuplicateATooLongAndABlankNameAreRefusedWithTheTextKept() {
        WebSession hips = hips();
        Theme existing = add(hips, Fixtures.unique("Domestic abuse"));
        long before = QuarkusTransaction.requiringNew().call(() -> Theme.count());
        Response duplicate = hips.post("/admin/themes", Map.of("name", existing.name.toUpperCase(java.util.Locale.UK)));
        duplicate.then().statusCode(400);
        assertTrue(duplicate.asString().contains("There is already a theme called"), duplicate.asString());
        assertTrue(duplicate.asString().contains("value=\"" + existing.name.toUpperCase(java.util.Locale.UK) + "\""), "kept");
        Response tooLong = hips.post("/admin/themes", Map.of("name", "x".repeat(ThemeAdmin.MAX_NAME + 1)));
        tooLong.then().statusCode(400);
        assertTrue(tooLong.asString().contains("100 characters or fewer"));
        hips.post("/admin/themes", Map.of("name", "   ")).then().statusCode(400);
        assertEquals(before, (long) QuarkusTransaction.requiringNew().call(() -> Theme.count()));

        Theme other = add(hips, Fixtures.unique("Online safety"));
        hips.get("/admin/themes/" + other.id + "/rename");
        Response clash = hips.post("/admin/themes/" + other.id + "/rename", Map.of("name", existing.name));
        clash.then().statusCode(400);
        assertTrue(clash.asString().contains("There is already a theme called"));
        assertEquals(other.name, data.theme(other.id).name);
    }

    @Test
    void themesMoveUpAndDown() {
        WebSession hips = hips();
        Theme first = add(hips, Fixtures.unique("First"));
        Theme second = add(hips, Fixtures.unique("Second"));
        assertTrue(data.theme(first.id).position < data.theme(second.id).position);
        hips.get("/admin/themes");
        hips.post("/admin/themes/" + second.id + "/up", Map.of()).then().statusCode(303);
        assertTrue(data.theme(second.id).position < data.theme(first.id).position);
        hips.get("/admin/themes");
        hips.post("/admin/themes/" + second.id + "/down", Map.of()).then().statusCode(303);
        assertTrue(data.theme(first.id).position < data.theme(second.id).position);
        assertEquals(2, data.changes("Theme", second.id).stream().filter(c -> c.action.equals("Theme moved")).count());
    }

    @Test
    void aRetiredThemeIsNotOfferedForNewFindingsButStaysOnTheFindingsThatNoteIt() {
        WebSession hips = hips();
        Theme kept = add(hips, Fixtures.unique("Private fostering"));
        Theme retired = add(hips, Fixtures.unique("Missing children"));
        LetterAdminTestData.PanelRecord record = data.awaitingOutcome(LocalDate.of(2026, 4, 20), List.of(retired), Area.HAMPSHIRE);
        String list = hips.get("/admin/themes").asString();
        assertTrue(list.matches("(?s).*" + java.util.regex.Pattern.quote(retired.name) + "</th>\\s*<td[^>]*>1</td>.*"),
                "the list counts the finding noting it");

        hips.post("/admin/themes/" + retired.id + "/retire", Map.of()).then().statusCode(303);

        WebSession moderator = WebSession.signedIn(record.moderator().email);
        String form = moderator.get(record.itemPath()).then().statusCode(200).extract().asString();
        assertTrue(form.contains(kept.name), "an active theme is offered");
        assertFalse(form.contains(retired.name), "a retired theme is not offered");

        // the moderator saves the finding again, ticking the active theme: the retired one stays on it
        String code = record.standardCode();
        int version = QuarkusTransaction.requiringNew().call(() -> findingOf(record).version);
        Map<String, String> finding = new HashMap<>(org.s11portal.panel.PanelTestData.finding(code, "yes", null, null,
                "Strengths again.", String.valueOf(version)));
        finding.put(code + "-theme-" + kept.id, "yes");
        finding.put(code + "-theme-" + retired.id, "yes"); // not offered: ignored
        moderator.post(record.itemPath() + "/findings/" + code, finding).then().statusCode(303);
        List<String> themes = QuarkusTransaction.requiringNew().call(() -> findingOf(record).themes.stream().map(t -> t.name).sorted().toList());
        assertEquals(List.of(kept.name, retired.name).stream().sorted().toList(), themes);
    }

    @Test
    void aPartnershipAdminReadsTheListAndGets404OnEveryChangeRoute() {
        WebSession hips = hips();
        Theme theme = add(hips, Fixtures.unique("Harmful sexual behaviour"));
        WebSession portsmouth = WebSession.signedIn(fixtures.admin(Area.PORTSMOUTH).email);
        String list = portsmouth.get("/admin/themes").then().statusCode(200).extract().asString();
        assertTrue(list.contains(theme.name));
        assertFalse(list.contains("Add a theme") || list.contains("/retire") || list.contains("/rename"), "no change buttons");
        portsmouth.get("/admin/themes/" + theme.id + "/rename").then().statusCode(404);
        portsmouth.post("/admin/themes", Map.of("name", Fixtures.unique("Not allowed"))).then().statusCode(404);
        for (String change : List.of("rename", "retire", "restore", "up", "down")) {
            portsmouth.post("/admin/themes/" + theme.id + "/" + change, Map.of("name", "Changed")).then().statusCode(404);
        }
        Theme unchanged = data.theme(theme.id);
        assertEquals(theme.name, unchanged.name);
        assertTrue(unchanged.active);
        assertEquals(theme.position, unchanged.position);
        hips.post("/admin/themes/999999/retire", Map.of()).then().statusCode(404);

        WebSession moderator = WebSession.signedIn(fixtures.moderator(Area.PORTSMOUTH).email);
        int status = moderator.get("/admin/themes").statusCode();
        assertTrue(status == 403 || status == 404, "moderators: " + status);
    }

    private static StandardFinding findingOf(LetterAdminTestData.PanelRecord record) {
        StandardFinding finding = StandardFinding.find("item.id = ?1", record.itemId()).firstResult();
        finding.themes.size();
        return finding;
    }
}
