package org.s11portal.letter;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.s11portal.agency.Area;
import org.s11portal.assessment.AssessmentState;
import org.s11portal.support.Fixtures;
import org.s11portal.support.WebSession;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/** Letters over HTTP: edit, preview, issue, reissue and download, with the lifecycle and the scope. */
@QuarkusTest
class LetterResourceTest {

    @Inject
    LetterFixtures letters;

    @Inject
    Fixtures fixtures;

    @Test
    void aModeratorEditsPreviewsAndIssuesAndTheLeadDownloadsTheStoredBytes() throws IOException {
        LetterFixtures.Scenario s = letters.moderatedWithDraft(Area.HAMPSHIRE);
        String letter = "/letters/" + s.draft().id;
        WebSession lead = WebSession.signedIn(s.lead().email);
        // before the letter is issued the home page only offers earlier cycles' letters
        lead.get("/home").then().statusCode(200).body(not(containsString("is ready to read")))
                .body(containsString("from the panels of earlier cycles"));

        WebSession moderator = WebSession.signedIn(s.moderator().email);
        moderator.get("/assessments/" + s.assessment().id + "/view").then().statusCode(200)
                .body(containsString("/assessments/" + s.assessment().id + "/letters"));
        moderator.get("/assessments/" + s.assessment().id + "/letters").then().statusCode(200)
                .body(containsString("Edit the draft"));
        moderator.get(letter).then().statusCode(200)
                .body(containsString("Edit the feedback letter"))
                .body(containsString("name=\"strengths\""))
                .body(containsString("Strong board oversight of safeguarding training."))
                .body(containsString("name=\"development-T2\""))
                .body(containsString("Evidence of impact not shown"));

        // too long: the error summary, and what was typed is kept
        Map<String, String> tooLong = form(s.draft().version, "x".repeat(LetterService.MAX_PARAGRAPHS + 1), "Kept text");
        moderator.post(letter, tooLong).then().statusCode(400)
                .body(containsString("There is a problem"))
                .body(containsString("href=\"#strengths\""))
                .body(containsString("Kept text"));

        Map<String, String> edited = form(s.draft().version, "A strong safeguarding culture.\n\nThe <b>board</b> reviews audits.",
                "Show the difference the new pathway makes.");
        edited.put("then", "preview");
        moderator.post(letter, edited).then().statusCode(303).header("Location", letter + "/preview");
        moderator.get(letter + "/preview").then().statusCode(200)
                .body(containsString("Preview the feedback letter"))
                .body(containsString("/assets/letter/letter.css"))
                .body(containsString("The &lt;b&gt;board&lt;/b&gt; reviews audits."))
                .body(containsString(LetterFixtures.PANEL_DATE_TEXT));
        Response draftPdf = moderator.get(letter + "/preview.pdf");
        draftPdf.then().statusCode(200).contentType("application/pdf");
        assertTrue(LetterRendererTest.text(draftPdf.asByteArray()).contains("The <b>board</b> reviews audits."));

        moderator.post(letter + "/issue", Map.of()).then().statusCode(303).header("Location", letter + "?issued=1");
        assertEquals(AssessmentState.FEEDBACK_ISSUED, fixtures.reload(s.assessment()).state);
        FeedbackLetter issued = letters.reload(s.draft());
        assertEquals(LetterState.ISSUED, issued.state);
        moderator.get(letter + "?issued=1").then().statusCode(200)
                .body(containsString("The letter is issued"))
                .body(containsString(issued.sha256));

        lead.get("/home").then().statusCode(200).body(containsString("href=\"/feedback-letter\""))
                .body(containsString("is ready to read"));
        lead.get("/feedback-letter").then().statusCode(200)
                .body(containsString("Your feedback letter"))
                .body(containsString(letter + "/pdf"));
        Response download = lead.get(letter + "/pdf");
        download.then().statusCode(200).contentType("application/pdf")
                .header("Content-Disposition", containsString("attachment; filename=\"feedback-letter-"))
                .header("X-Content-Type-Options", "nosniff");
        byte[] bytes = download.asByteArray();
        assertEquals(issued.sha256, Sha256.hex(bytes), "the stored hash is the SHA-256 of the served bytes");
        String text = LetterRendererTest.text(bytes);
        assertTrue(text.contains("The <b>board</b> reviews audits."), text);
        assertTrue(text.contains("Show the difference the new pathway makes."), text);
        assertTrue(text.contains("T2 Test standard 2 Fully in place Partly in place"), text);
        assertTrue(text.contains(LetterFixtures.PANEL_DATE_TEXT), text);

        // the API: metadata with the same hash, and the same bytes
        lead.api().get("/api/v1/assessments/" + s.assessment().id + "/letters").then().statusCode(200)
                .body("size()", equalTo(1))
                .body("[0].state", equalTo("ISSUED"))
                .body("[0].sha256", equalTo(issued.sha256))
                .body("[0].pdf", equalTo(letter.replace("/letters", "/api/v1/letters") + "/pdf"));
        Response apiPdf = lead.request().get("/api/v1" + letter + "/pdf");
        apiPdf.then().statusCode(200).contentType("application/pdf");
        assertEquals(issued.sha256, Sha256.hex(apiPdf.asByteArray()));

        // issued: the edit page is gone, a second issue changes nothing
        moderator.post(letter, edited).then().statusCode(409).body(containsString("This letter can no longer be changed"));
        moderator.post(letter + "/issue", Map.of()).then().statusCode(409).body(containsString("already been issued"));
        assertEquals(issued.sha256, letters.reload(s.draft()).sha256);
    }

    @Test
    void issuingIsRefusedUnlessTheAssessmentIsModerated() {
        for (AssessmentState state : List.of(AssessmentState.SUBMITTED, AssessmentState.RETURNED, AssessmentState.IN_PROGRESS)) {
            LetterFixtures.Scenario s = letters.withDraft(state, Area.SOUTHAMPTON);
            WebSession moderator = WebSession.signedIn(s.moderator().email);
            moderator.get("/letters/" + s.draft().id);
            moderator.post("/letters/" + s.draft().id + "/issue", Map.of()).then().statusCode(409)
                    .body(containsString("The letter was not issued"))
                    .body(containsString("not [moderated]"));
            assertEquals(state, fixtures.reload(s.assessment()).state, state.name());
            FeedbackLetter letter = letters.reload(s.draft());
            assertEquals(LetterState.DRAFT, letter.state, state.name());
            assertEquals(null, letter.pdf, state.name());
        }
    }

    @Test
    void aReissueMakesANewLetterAndKeepsTheOldOneSuperseded() throws IOException {
        LetterFixtures.Scenario s = letters.moderatedWithDraft(Area.HAMPSHIRE, Area.ISLE_OF_WIGHT);
        WebSession moderator = WebSession.signedIn(s.moderator().email);
        String first = "/letters/" + s.draft().id;
        moderator.get(first);
        moderator.post(first + "/issue", Map.of()).then().statusCode(303);
        String firstHash = letters.reload(s.draft()).sha256;

        moderator.get(first + "/reissue").then().statusCode(200).body(containsString("Correct and reissue the letter"));
        Map<String, String> correction = form(0, "Corrected strengths paragraph.", "Corrected development paragraph.");
        correction.put("reason", "");
        moderator.post(first + "/reissue", correction).then().statusCode(400)
                .body(containsString("Enter why the letter is being reissued"))
                .body(containsString("Corrected strengths paragraph."));
        correction.put("reason", "The panel date was wrong in the first letter");
        Response reissued = moderator.post(first + "/reissue", correction);
        reissued.then().statusCode(303);
        String second = reissued.header("Location").replace("?reissued=1", "");
        assertNotEquals(first, second);

        List<FeedbackLetter> all = letters.lettersOf(s.assessment());
        assertEquals(2, all.size());
        FeedbackLetter newer = letters.reload(all.get(0));
        FeedbackLetter older = letters.reload(all.get(1));
        assertEquals(LetterState.ISSUED, newer.state);
        assertEquals(LetterState.SUPERSEDED, older.state);
        assertEquals(older.id, newer.supersedes.id);
        assertEquals("The panel date was wrong in the first letter", newer.reissueReason);
        assertEquals(firstHash, older.sha256, "the superseded letter is kept as it was");
        assertEquals(AssessmentState.FEEDBACK_ISSUED, fixtures.reload(s.assessment()).state);

        // an old letter is reissued once only
        moderator.post(first + "/reissue", correction).then().statusCode(409);

        WebSession lead = WebSession.signedIn(s.lead().email);
        lead.get("/feedback-letter").then().statusCode(200)
                .body(containsString("Superseded"))
                .body(containsString("Reissued: The panel date was wrong in the first letter"));
        byte[] oldBytes = lead.get(first + "/pdf").then().statusCode(200).extract().asByteArray();
        byte[] newBytes = lead.get(second + "/pdf").then().statusCode(200).extract().asByteArray();
        assertEquals(firstHash, Sha256.hex(oldBytes));
        assertEquals(newer.sha256, Sha256.hex(newBytes));
        assertTrue(LetterRendererTest.text(newBytes).contains("Corrected strengths paragraph."));
        assertTrue(!LetterRendererTest.text(oldBytes).contains("Corrected strengths paragraph."));
        moderator.get(first).then().statusCode(200).body(containsString("the corrected letter"));
    }

    @Test
    void twoModeratorsEditingOneDraftGiveTheSecondAConflictPageAndNothingIsLost() {
        LetterFixtures.Scenario s = letters.moderatedWithDraft(Area.PORTSMOUTH);
        String letter = "/letters/" + s.draft().id;
        WebSession one = WebSession.signedIn(s.moderator().email);
        WebSession two = WebSession.signedIn(fixtures.moderator(Area.PORTSMOUTH).email);
        one.get(letter);
        two.get(letter);
        one.post(letter, form(s.draft().version, "First moderator's strengths.", "")).then().statusCode(303);
        two.post(letter, form(s.draft().version, "Second moderator's strengths.", "")).then().statusCode(409)
                .body(containsString("Someone else changed this letter"))
                .body(containsString("First moderator&#39;s strengths."))
                .body(containsString("Second moderator&#39;s strengths."));
        assertTrue(letters.reload(s.draft()).paragraphsJson.contains("First moderator's strengths."));
    }

    @Test
    void draftsAreNotFoundForTheAgencyAndOtherRoles() {
        LetterFixtures.Scenario s = letters.moderatedWithDraft(Area.SOUTHAMPTON);
        String letter = "/letters/" + s.draft().id;
        WebSession lead = WebSession.signedIn(s.lead().email);
        for (String path : List.of(letter, letter + "/preview", letter + "/preview.pdf", letter + "/pdf", letter + "/reissue",
                "/assessments/" + s.assessment().id + "/letters", "/api/v1" + letter, "/api/v1" + letter + "/pdf")) {
            lead.get(path).then().statusCode(404);
        }
        lead.post(letter, form(0, "Lead's text", "")).then().statusCode(404);
        lead.post(letter + "/issue", Map.of()).then().statusCode(404);
        lead.api().get("/api/v1/assessments/" + s.assessment().id + "/letters").then().statusCode(200).body("size()", equalTo(0));
        lead.get("/feedback-letter").then().statusCode(200).body(containsString("There is no feedback letter for your agency yet"));

        WebSession admin = WebSession.signedIn(fixtures.admin(Area.SOUTHAMPTON).email);
        admin.get(letter).then().statusCode(404);
        admin.get(letter + "/pdf").then().statusCode(404);
        assertEquals(LetterState.DRAFT, letters.reload(s.draft()).state);
    }

    @Test
    void moderatorsOfAnotherPartnershipAndOtherAgenciesLeadsGetNotFound() {
        LetterFixtures.Scenario s = letters.moderatedWithDraft(Area.ISLE_OF_WIGHT);
        String letter = "/letters/" + s.draft().id;
        WebSession other = WebSession.signedIn(fixtures.moderator(Area.HAMPSHIRE).email);
        other.get("/home");
        other.get(letter).then().statusCode(404);
        other.get(letter + "/preview").then().statusCode(404);
        other.get("/assessments/" + s.assessment().id + "/letters").then().statusCode(404);
        other.post(letter, form(0, "Out of scope", "")).then().statusCode(404);
        other.post(letter + "/issue", Map.of()).then().statusCode(404);
        assertEquals(LetterState.DRAFT, letters.reload(s.draft()).state);

        WebSession own = WebSession.signedIn(s.moderator().email);
        own.get(letter);
        own.post(letter + "/issue", Map.of()).then().statusCode(303);
        other.get(letter + "/pdf").then().statusCode(404);
        other.get(letter + "/reissue").then().statusCode(404);
        other.request().get("/api/v1" + letter + "/pdf").then().statusCode(404);
        other.api().get("/api/v1/assessments/" + s.assessment().id + "/letters").then().statusCode(404);

        WebSession otherLead = WebSession.signedIn(fixtures.lead(fixtures.anAgency().inAreas(Area.ISLE_OF_WIGHT).create()).email);
        otherLead.get(letter + "/pdf").then().statusCode(404);
        otherLead.request().get("/api/v1" + letter).then().statusCode(404);
        WebSession.signedIn(s.lead().email).get(letter + "/pdf").then().statusCode(200);
    }

    @Test
    void issueAllIssuesWhatItCanAndCountsTheRest() {
        LetterFixtures.Scenario one = letters.moderatedWithDraft(Area.HAMPSHIRE, Area.SOUTHAMPTON);
        LetterFixtures.Scenario two = letters.moderatedWithDraft(Area.PORTSMOUTH, Area.SOUTHAMPTON);
        LetterFixtures.Scenario notYet = letters.withDraft(AssessmentState.SUBMITTED, Area.ISLE_OF_WIGHT, Area.HAMPSHIRE);
        LetterFixtures.Scenario local = letters.moderatedWithDraft(Area.ISLE_OF_WIGHT);
        WebSession moderator = WebSession.signedIn(fixtures.moderator(Area.SOUTHAMPTON).email);
        moderator.get("/home");

        // one letter out of scope (a local Isle of Wight agency): not found, and nothing is issued
        moderator.post("/feedback-letters/issue", Map.of("letter", String.valueOf(local.draft().id))).then().statusCode(404);
        assertEquals(LetterState.DRAFT, letters.reload(local.draft()).state);

        Response response = moderator.request().contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("letter", one.draft().id).formParam("letter", two.draft().id)
                .formParam("letter", notYet.draft().id).formParam("next", "https://evil.example/")
                .formParam("csrf-token", moderator.csrfToken())
                .post("/feedback-letters/issue");
        response.then().statusCode(303).header("Location", "/home?issued=2&notIssued=1");
        assertEquals(LetterState.ISSUED, letters.reload(one.draft()).state);
        assertEquals(LetterState.ISSUED, letters.reload(two.draft()).state);
        assertEquals(LetterState.DRAFT, letters.reload(notYet.draft()).state);
        assertEquals(AssessmentState.FEEDBACK_ISSUED, fixtures.reload(two.assessment()).state);
        assertEquals(AssessmentState.SUBMITTED, fixtures.reload(notYet.assessment()).state);
    }

    @Test
    void theLetterRoutesAreInTheOpenApiDocument() {
        WebSession.anonymous().get("/q/openapi").then().statusCode(200)
                .body(containsString("/api/v1/letters/{letterId}/pdf"))
                .body(containsString("/api/v1/assessments/{id}/letters"))
                .body(containsString("Feedback letters"));
    }

    static Map<String, String> form(int version, String strengths, String t2) {
        Map<String, String> form = new HashMap<>();
        form.put("version", String.valueOf(version));
        form.put("strengths", strengths);
        form.put("development-T1", "");
        form.put("development-T2", t2);
        return form;
    }
}
