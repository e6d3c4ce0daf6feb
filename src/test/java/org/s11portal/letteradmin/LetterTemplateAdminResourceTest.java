package org.s11portal.letteradmin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.s11portal.account.User;
import org.s11portal.agency.Agency;
import org.s11portal.agency.Area;
import org.s11portal.agency.Partnership;
import org.s11portal.audit.AdminChange;
import org.s11portal.letter.FeedbackLetter;
import org.s11portal.letter.LetterService;
import org.s11portal.letter.LetterTemplate;
import org.s11portal.panel.AgendaItem;
import org.s11portal.panel.PanelLetters;
import org.s11portal.support.Fixtures;
import org.s11portal.support.WebSession;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/**
 * The letter templates' admin pages: who may read and edit which template, a save making a new version while letters
 * already made keep theirs, the preview on a real agency's record (saving nothing), problems shown with the text kept,
 * template injection refused, and a stale form answered with a conflict.
 */
@QuarkusTest
class LetterTemplateAdminResourceTest {

    private static final String BASE = "/admin/letter-templates/";
    private static final Pattern SRCDOC = Pattern.compile("srcdoc=\"([^\"]*)\"");

    @Inject
    Fixtures fixtures;

    @Inject
    LetterAdminTestData data;

    @Inject
    LetterService letters;

    @Inject
    PanelLetters panelLetters;

    private Response save(WebSession session, String scopeKey, String source, int basedOn) {
        session.get(BASE + scopeKey + "/edit");
        return session.post(BASE + scopeKey + "/edit", Map.of("action", "save", "source", source, "basedOn", String.valueOf(basedOn)));
    }

    private Response preview(WebSession session, String scopeKey, String source, Long item) {
        session.get(BASE + scopeKey + "/edit");
        return session.post(BASE + scopeKey + "/edit", item == null
                ? Map.of("action", "preview", "source", source, "basedOn", "1")
                : Map.of("action", "preview", "source", source, "basedOn", "1", "item", String.valueOf(item)));
    }

    /** A change that makes no difference to any letter (a Qute comment): other tests' letters read the same. */
    private static String harmless(String source, String marker) {
        return source + "\n{! " + marker + " !}";
    }

    @Test
    void aPortsmouthAdminEditsOnlyPortsmouthsLocalTemplateAndReadsTheJointOne() {
        WebSession portsmouth = WebSession.signedIn(fixtures.admin(Area.PORTSMOUTH).email);
        String list = portsmouth.get("/admin/letter-templates").then().statusCode(200).extract().asString();
        assertTrue(list.contains("Local letter (Portsmouth)") && list.contains("Joint letter"), list);
        assertFalse(list.contains("Local letter (Southampton)") || list.contains("Local letter (Hampshire)"), "only their own local template");
        portsmouth.get(BASE + "LOCAL-PORTSMOUTH/edit").then().statusCode(200);
        portsmouth.get(BASE + "LOCAL-PORTSMOUTH").then().statusCode(200);
        for (String path : List.of("LOCAL-SOUTHAMPTON", "LOCAL-SOUTHAMPTON/edit", "LOCAL-SOUTHAMPTON/versions/1", "JOINT/edit",
                "LOCAL-NOWHERE", "SOMETHING", "LOCAL-PORTSMOUTH/versions/999")) {
            portsmouth.get(BASE + path).then().statusCode(404);
        }
        String joint = portsmouth.get(BASE + "JOINT").then().statusCode(200).extract().asString();
        assertFalse(joint.contains("/edit\""), "no edit link on the joint template for a partnership admin");
        portsmouth.get(BASE + "JOINT/versions/1").then().statusCode(200);
        long jointVersions = data.versions("JOINT");
        long southamptonVersions = data.versions("LOCAL-SOUTHAMPTON");
        save(portsmouth, "JOINT", harmless(data.current("JOINT").source, "not allowed"), data.current("JOINT").version)
                .then().statusCode(404);
        save(portsmouth, "LOCAL-SOUTHAMPTON", harmless(data.current("LOCAL-SOUTHAMPTON").source, "not allowed"),
                data.current("LOCAL-SOUTHAMPTON").version).then().statusCode(404);
        assertEquals(jointVersions, data.versions("JOINT"));
        assertEquals(southamptonVersions, data.versions("LOCAL-SOUTHAMPTON"));
    }

    @Test
    void theHipsAdminEditsEveryTemplateAndModeratorsAndLeadsNone() {
        WebSession hips = WebSession.signedIn(fixtures.admin(null).email);
        String list = hips.get("/admin/letter-templates").then().statusCode(200).extract().asString();
        for (String scope : List.of("JOINT", "LOCAL-HAMPSHIRE", "LOCAL-ISLE_OF_WIGHT", "LOCAL-PORTSMOUTH", "LOCAL-SOUTHAMPTON")) {
            assertTrue(list.contains(BASE + scope + "/edit"), scope);
            hips.get(BASE + scope + "/edit").then().statusCode(200);
        }
        Agency agency = fixtures.anAgency().inAreas(Area.PORTSMOUTH).create();
        for (User user : List.of(fixtures.moderator(Area.PORTSMOUTH), fixtures.moderator(null), fixtures.lead(agency))) {
            WebSession session = WebSession.signedIn(user.email);
            for (String path : List.of("/admin/letter-templates", BASE + "LOCAL-PORTSMOUTH", BASE + "LOCAL-PORTSMOUTH/edit")) {
                int status = session.get(path).statusCode();
                assertTrue(status == 403 || status == 404, user.role + " " + path + ": " + status);
            }
        }
    }

    @Test
    void aSaveMakesANewVersionTheOldOneIsKeptAndIssuedLettersKeepTheirs() {
        LetterAdminTestData.PanelRecord issued = data.withOutcome(LocalDate.of(2026, 3, 12), Area.PORTSMOUTH);
        FeedbackLetter letter = issuedLetter(issued);
        LetterTemplate before = data.current("LOCAL-PORTSMOUTH");
        assertEquals(before.version, letter.template.version);

        User admin = fixtures.admin(Area.PORTSMOUTH);
        WebSession portsmouth = WebSession.signedIn(admin.email);
        String changed = harmless(before.source, "saved by the test " + Fixtures.unique("v"));
        Response saved = save(portsmouth, "LOCAL-PORTSMOUTH", changed, before.version);
        saved.then().statusCode(303);
        assertTrue(saved.header("Location").endsWith(BASE + "LOCAL-PORTSMOUTH?saved=" + (before.version + 1)), saved.header("Location"));

        LetterTemplate after = data.current("LOCAL-PORTSMOUTH");
        assertEquals(before.version + 1, after.version);
        assertEquals(changed, after.source);
        assertEquals(admin.displayName, after.createdBy);
        assertNotNull(after.createdAt);
        LetterTemplate old = QuarkusTransaction.requiringNew().call(() -> LetterTemplate.findById(before.id));
        assertEquals(before.source, old.source, "the old version is kept as it was");
        assertEquals(before.version, old.version);

        FeedbackLetter reread = reload(letter);
        assertEquals(before.id, reread.template.id, "the issued letter keeps its template version");
        assertEquals(letter.sha256, reread.sha256);
        byte[] pdf = WebSession.signedIn(fixtures.lead(issued.agency()).email).get(reread.path() + "/pdf")
                .then().statusCode(200).extract().asByteArray();
        assertEquals(letter.sha256, sha256(pdf), "and still downloads byte for byte");

        LetterAdminTestData.PanelRecord next = data.withOutcome(LocalDate.of(2026, 3, 13), Area.PORTSMOUTH);
        FeedbackLetter draft = draftLetter(next);
        assertEquals(after.id, draft.template.id, "a letter made after the save uses the new version");

        String page = portsmouth.get(BASE + "LOCAL-PORTSMOUTH?saved=" + after.version).then().statusCode(200).extract().asString();
        assertTrue(page.contains("Version " + after.version + " of the Local letter (Portsmouth) is saved"), page);
        assertTrue(page.contains("/versions/" + before.version + "\"") && page.contains("/versions/" + after.version + "\""));
        String oldPage = portsmouth.get(BASE + "LOCAL-PORTSMOUTH/versions/" + before.version).then().statusCode(200).extract().asString();
        assertTrue(oldPage.contains("Older version"), oldPage);
        assertFalse(oldPage.contains("saved by the test"), "the old version's text, not the new one's");

        List<AdminChange> changes = data.changes("LetterTemplate", after.id);
        assertEquals(1, changes.size());
        AdminChange change = changes.get(0);
        assertEquals("Letter template saved", change.action);
        assertEquals(admin.id, change.actorId);
        assertEquals("Local letter (Portsmouth)", change.recordLabel);
        long portsmouthId = QuarkusTransaction.requiringNew().call(() -> Partnership.of(Area.PORTSMOUTH).id);
        assertEquals("," + portsmouthId + ",", change.partnershipIds);
        assertTrue(change.beforeJson.contains("\"version\" : " + before.version), change.beforeJson);
        assertTrue(change.afterJson.contains("\"version\" : " + after.version), change.afterJson);
        assertTrue(change.afterJson.contains("saved by the test"), "the body is in the entry");
    }

    @Test
    void theJointTemplateIsSavedByTheHipsAdminAndLoggedHipsWide() {
        LetterTemplate before = data.current("JOINT");
        Response saved = save(WebSession.signedIn(fixtures.admin(null).email), "JOINT", harmless(before.source, "joint"), before.version);
        saved.then().statusCode(303);
        LetterTemplate after = data.current("JOINT");
        assertEquals(before.version + 1, after.version);
        AdminChange change = data.changes("LetterTemplate", after.id).get(0);
        assertEquals("Joint letter", change.recordLabel);
        assertEquals(null, change.partnershipIds, "HIPS-wide: only the HIPS admin reads it");
    }

    @Test
    void thePreviewRendersTheUnsavedTextOnARealRecordAndSavesNothing() {
        LetterAdminTestData.PanelRecord record = data.withOutcome(LocalDate.of(2031, 1, 15), Area.SOUTHAMPTON);
        LetterAdminTestData.PanelRecord joint = data.withOutcome(LocalDate.of(2031, 1, 16), Area.SOUTHAMPTON, Area.HAMPSHIRE);
        WebSession hips = WebSession.signedIn(fixtures.admin(null).email);
        String form = hips.get(BASE + "LOCAL-SOUTHAMPTON/edit").then().statusCode(200).extract().asString();
        assertTrue(form.contains("<option value=\"" + record.itemId() + "\" selected>" + record.agency().name),
                "the most recent record is chosen: " + form);
        assertFalse(form.contains(joint.agency().name), "a joint agency's letter does not use a local template");
        assertTrue(hips.get(BASE + "JOINT/edit").asString().contains(joint.agency().name));

        LetterTemplate current = data.current("LOCAL-SOUTHAMPTON");
        long versions = data.versions("LOCAL-SOUTHAMPTON");
        long changes = adminChanges();
        String typed = current.source + "\n<p>Preview marker for {agencyName}</p>";
        Response previewed = preview(hips, "LOCAL-SOUTHAMPTON", typed, record.itemId());
        previewed.then().statusCode(200);
        String body = previewed.asString();
        String document = srcdoc(body);
        assertTrue(document.contains("Preview marker for " + record.agency().name), document);
        assertTrue(document.contains(LetterAdminTestData.STRENGTH), "the panel's record is in the letter");
        assertTrue(body.contains("sandbox=\"allow-same-origin\""), "the preview runs no script");
        assertTrue(body.contains("Preview marker for \\{agencyName}") || body.contains("Preview marker for {agencyName}"),
                "the typed text is kept in the box");
        assertEquals(versions, data.versions("LOCAL-SOUTHAMPTON"), "nothing saved");
        assertEquals(current.id, data.current("LOCAL-SOUTHAMPTON").id);
        assertEquals(changes, adminChanges(), "nothing logged");
        assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(() -> FeedbackLetter.count("assessment.id", record.assessment().id)),
                "no letter made");
    }

    @Test
    void aPartnershipAdminCannotPreviewOnAnotherPartnershipsAgency() {
        LetterAdminTestData.PanelRecord southampton = data.withOutcome(LocalDate.of(2030, 6, 1), Area.SOUTHAMPTON);
        WebSession portsmouth = WebSession.signedIn(fixtures.admin(Area.PORTSMOUTH).email);
        Response previewed = preview(portsmouth, "LOCAL-PORTSMOUTH", data.current("LOCAL-PORTSMOUTH").source, southampton.itemId());
        assertFalse(previewed.asString().contains(southampton.agency().name), "another partnership's agency is never shown");
    }

    @Test
    void valuesFromTheRecordAreEscapedInThePreview() {
        LetterAdminTestData.PanelRecord record = data.withOutcome(LocalDate.of(2026, 2, 2), Area.HAMPSHIRE);
        QuarkusTransaction.requiringNew().run(() -> {
            Agency agency = Agency.findById(record.agency().id);
            agency.name = "<script>alert(1)</script> Trust " + Fixtures.unique("x");
        });
        WebSession hips = WebSession.signedIn(fixtures.admin(null).email);
        String document = srcdoc(preview(hips, "LOCAL-HAMPSHIRE", "<p>{agencyName}</p>", record.itemId()).then().statusCode(200)
                .extract().asString());
        assertTrue(document.contains("&lt;script&gt;alert(1)&lt;/script&gt; Trust"), document);
        assertFalse(document.contains("<script>alert"), document);
    }

    /** Saves text that has a problem: refused (400) with the problem, the text kept in the box, nothing stored. */
    private String refused(String typed, String marker) {
        WebSession hips = WebSession.signedIn(fixtures.admin(null).email);
        LetterTemplate current = data.current("LOCAL-HAMPSHIRE");
        long versions = data.versions("LOCAL-HAMPSHIRE");
        Response saved = save(hips, "LOCAL-HAMPSHIRE", typed, current.version);
        saved.then().statusCode(400);
        String body = saved.asString();
        assertTrue(body.contains("govuk-error-summary"));
        assertTrue(Pattern.compile(Pattern.quote(marker) + "[^<]*</textarea>").matcher(body).find(), "the text typed is kept: " + body);
        assertEquals(versions, data.versions("LOCAL-HAMPSHIRE"));
        Response previewed = preview(hips, "LOCAL-HAMPSHIRE", typed, null);
        previewed.then().statusCode(400);
        assertFalse(previewed.asString().contains("srcdoc="), "no preview of a template with problems");
        return body;
    }

    @Test
    void anUnknownFieldIsShownWithItsLineTheTextKeptAndNothingSaved() {
        String body = refused("<p>Dear {seniorLead}</p>\n<p>Thank you.</p>\n<p>{agencyNmae} typo-marker</p>", "typo-marker");
        assertTrue(body.contains("Line 3: unknown field &quot;agencyNmae&quot;") || body.contains("Line 3: unknown field \"agencyNmae\""), body);
    }

    @Test
    void aSyntaxErrorIsShownWithItsLineAndNothingSaved() {
        String body = refused("<p>One</p>\n{#if agencyName}\n<p>open syntax-marker</p>", "syntax-marker");
        assertTrue(Pattern.compile("Line [23]: The template cannot be read").matcher(body).find(), "with its line: " + body);
    }

    @Test
    void templateInjectionIsRefusedAndNothingIsSavedOrRun() {
        WebSession hips = WebSession.signedIn(fixtures.admin(null).email);
        LetterTemplate current = data.current("LOCAL-ISLE_OF_WIGHT");
        Map<String, String> attempts = new java.util.HashMap<>(Map.of(
                "<p>{inject:letterTemplates}</p>", "namespace",
                "<p>{config:quarkus.datasource.password}</p>", "namespace",
                "<p>{cdi:adminLog}</p>", "namespace",
                "{#include layout/main}{/include}", "is not allowed",
                "<p>{agencyName.raw}</p>", "unescaped",
                "<p>{agencyName.getClass()}</p>", "cannot be shown",
                "<script>alert(1)</script>", "the element &lt;script&gt; is not allowed",
                "<p onclick=\"alert(1)\">x</p>", "the attribute &quot;onclick&quot; is not allowed",
                "<p><a href=\"javascript&#58;alert(1)\">x</a></p>", "a link may go only to",
                "<p><img src=\"https://evil.example/x.png\" /></p>", "the element &lt;img&gt; is not allowed"));
        attempts.put("<p>x</p>\n{#for i in 100000000}<p>{i}</p>{/for}", "Line 2: {#for i in 100000000} repeats over a number");
        attempts.put("{#each headcount}<p>{it}</p>{/each}", "{#each headcount} repeats over a number");
        attempts.forEach((source, why) -> {
            Response saved = save(hips, "LOCAL-ISLE_OF_WIGHT", source, current.version);
            assertEquals(400, saved.statusCode(), source);
            assertTrue(saved.asString().contains(why), source + " → " + saved.asString().replaceAll("(?s).*(<ul class=\"govuk-list govuk-error-summary__list\">.*?</ul>).*", "$1"));
            Response previewed = preview(hips, "LOCAL-ISLE_OF_WIGHT", source, null);
            assertFalse(previewed.asString().contains("srcdoc="), source);
        });
        assertEquals(current.id, data.current("LOCAL-ISLE_OF_WIGHT").id, "nothing saved");
    }

    @Test
    void aStaleFormIsAConflictWithTheTypedTextKept() {
        User first = fixtures.admin(null);
        User second = fixtures.admin(Area.HAMPSHIRE);
        LetterTemplate opened = data.current("LOCAL-HAMPSHIRE");
        WebSession mine = WebSession.signedIn(first.email);
        mine.get(BASE + "LOCAL-HAMPSHIRE/edit").then().statusCode(200);
        save(WebSession.signedIn(second.email), "LOCAL-HAMPSHIRE", harmless(opened.source, "theirs"), opened.version).then().statusCode(303);

        String typed = harmless(opened.source, "mine-conflict-marker");
        Response stale = mine.post(BASE + "LOCAL-HAMPSHIRE/edit",
                Map.of("action", "save", "source", typed, "basedOn", String.valueOf(opened.version)));
        stale.then().statusCode(409);
        String body = stale.asString();
        assertTrue(body.contains(second.displayName + " saved version " + (opened.version + 1)), body);
        assertTrue(body.contains("mine-conflict-marker"), "the typed text is kept");
        assertTrue(body.contains("name=\"basedOn\" value=\"" + (opened.version + 1) + "\""), "saving again builds on theirs");
        assertEquals(opened.version + 1, data.current("LOCAL-HAMPSHIRE").version, "theirs stands; mine is not saved");

        mine.post(BASE + "LOCAL-HAMPSHIRE/edit", Map.of("action", "save", "source", typed, "basedOn", String.valueOf(opened.version + 1)))
                .then().statusCode(303);
        assertEquals(opened.version + 2, data.current("LOCAL-HAMPSHIRE").version);
    }

    @Test
    void pagesRenderForATemplateWithOneVersionAndWithNothingToPreviewOn() {
        WebSession hips = WebSession.signedIn(fixtures.admin(null).email);
        if (data.versions("LOCAL-ISLE_OF_WIGHT") == 1) {
            assertTrue(hips.get(BASE + "LOCAL-ISLE_OF_WIGHT").then().statusCode(200).extract().asString().contains("has one version"));
        }
        boolean anyRecord = QuarkusTransaction.requiringNew().call(() -> AgendaItem.count("select count(i) from AgendaItem i join"
                + " i.assessment a join a.agency g where i.outcome is not null and size(g.areas) = 1 and ?1 member of g.areas",
                Partnership.of(Area.ISLE_OF_WIGHT)) > 0);
        String edit = hips.get(BASE + "LOCAL-ISLE_OF_WIGHT/edit").then().statusCode(200).extract().asString();
        assertEquals(!anyRecord, edit.contains("There is no agency with a panel outcome that uses this template yet"), edit);
        assertEquals(anyRecord, edit.contains("name=\"item\""));
        String help = edit.substring(edit.indexOf("id=\"fields\""));
        for (String field : org.s11portal.letter.LetterTemplates.FIELDS) {
            assertTrue(help.contains("<code>" + field + "</code>"), "the help lists " + field);
        }
        assertTrue(help.contains("<code>panelView</code>"), "and the fields of each row of a list");
        hips.get(BASE + "LOCAL-ISLE_OF_WIGHT/versions/1").then().statusCode(200);
    }

    private FeedbackLetter issuedLetter(LetterAdminTestData.PanelRecord record) {
        FeedbackLetter draft = draftLetter(record);
        letters.issueAsSystem(draft.id, Instant.parse("2026-03-20T10:00:00Z"));
        return reload(draft);
    }

    private FeedbackLetter draftLetter(LetterAdminTestData.PanelRecord record) {
        return QuarkusTransaction.requiringNew().call(() -> {
            AgendaItem item = AgendaItem.findById(record.itemId());
            return letters.createDraft(item.assessment, panelLetters.contentFor(item.panel, item, LocalDate.of(2026, 3, 20)));
        });
    }

    private static FeedbackLetter reload(FeedbackLetter letter) {
        return QuarkusTransaction.requiringNew().call(() -> {
            FeedbackLetter l = FeedbackLetter.findById(letter.id);
            org.hibernate.Hibernate.initialize(l.template);
            return l;
        });
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long adminChanges() {
        return QuarkusTransaction.requiringNew().call(() -> AdminChange.count());
    }

    /** The preview frame's document, its attribute escaping undone once. */
    private static String srcdoc(String page) {
        Matcher matcher = SRCDOC.matcher(page);
        assertTrue(matcher.find(), "a preview frame: " + page);
        return matcher.group(1).replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }
}
