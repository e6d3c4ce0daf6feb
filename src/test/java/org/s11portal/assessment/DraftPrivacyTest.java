package org.s11portal.assessment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.s11portal.agency.Agency;
import org.s11portal.agency.Area;
import org.s11portal.cycle.Cycle;
import org.s11portal.support.Fixtures;
import org.s11portal.support.WebSession;
import org.s11portal.tool.Question;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * An agency's unsubmitted draft is its own: moderators and partnership admins see only the latest submitted
 * version on every route (work pages, check answers, action plan, view, history, file download, API); before
 * any submission they see "Not submitted yet"; the agency's lead still sees the draft. One shared fixture:
 * submitted twice (returned in between), returned again and edited, plus a second agency that never submitted.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DraftPrivacyTest {

    static final String V1 = DraftScenario.V1;
    static final String SUBMITTED = DraftScenario.SUBMITTED;
    static final String DRAFT = DraftScenario.DRAFT;
    static final String DRAFT_ACTION = DraftScenario.DRAFT_ACTION;
    static final String NEVER_SUBMITTED = DraftScenario.NEVER_SUBMITTED;

    @Inject
    DraftScenario scenario;

    @Inject
    Fixtures fixtures;

    Question q;
    String base;
    long submittedFileId;
    long draftFileId;
    WebSession lead;
    WebSession moderator;
    WebSession admin;

    Agency quietAgency;
    String quietBase;
    long quietFileId;

    /** Once per class (REST Assured knows the port only from the first test on, so not in @BeforeAll). */
    @BeforeEach
    void submitTwiceThenEditTheDraft() {
        if (base != null) {
            return;
        }
        DraftScenario.Made made = scenario.make();
        q = made.question();
        base = made.base();
        submittedFileId = made.submittedFileId();
        draftFileId = made.draftFileId();
        lead = made.lead();
        moderator = made.moderator();
        admin = WebSession.signedIn(made.adminEmail());
        quietAgency = made.quietAgency();
        quietBase = made.quietBase();
        quietFileId = made.quietFileId();
    }

    @Test
    void moderatorsAndAdminsSeeOnlyTheLatestSubmissionOnEveryPage() {
        for (WebSession reader : List.of(moderator, admin)) {
            for (String url : List.of(base, base + "/standards/T1", base + "/check", base + "/actions", base + "/view",
                    base + "/view?version=2")) {
                String page = followed(reader, url);
                assertTrue(page.contains(SUBMITTED), url);
                assertFalse(page.contains(DRAFT), url);
                assertFalse(page.contains(DRAFT_ACTION), url);
                assertFalse(page.contains("draft-only-notes.txt"), url);
            }
            assertTrue(followed(reader, base + "/view").contains("It is now in progress"));
            assertTrue(followed(reader, base + "/view?version=1").contains(V1));
        }
    }

    @Test
    void editingPagesSendModeratorsAndAdminsToTheReadOnlyView() {
        for (WebSession reader : List.of(moderator, admin)) {
            for (String url : List.of(base, base + "/check", base + "/actions", base + "/standards/T1")) {
                Response response = reader.get(url);
                assertEquals(303, response.statusCode(), url);
                assertTrue(response.header("Location").contains(base + "/view"), url);
            }
        }
    }

    @Test
    void historyStopsAtTheLatestSubmission() {
        String url = base + "/questions/" + q.id + "/history";
        for (WebSession reader : List.of(moderator, admin)) {
            String page = reader.get(url).then().statusCode(200).extract().asString();
            assertTrue(page.contains(SUBMITTED));
            assertTrue(page.contains(V1));
            assertFalse(page.contains(DRAFT));
        }
        assertTrue(lead.get(url).asString().contains(DRAFT));
    }

    @Test
    void onlyFilesOfTheLatestSubmissionDownload() {
        for (WebSession reader : List.of(moderator, admin)) {
            reader.get(base + "/files/" + submittedFileId).then().statusCode(200);
            assertEquals(404, reader.get(base + "/files/" + draftFileId).statusCode());
            assertEquals(404, reader.get(quietBase + "/files/" + quietFileId).statusCode());
            assertFalse(reader.get(base + "/questions/" + q.id + "/files").asString().contains("draft-only-notes.txt"));
            assertTrue(reader.get(base + "/view").asString().contains(base + "/files/" + submittedFileId));
        }
        lead.get(base + "/files/" + draftFileId).then().statusCode(200);
    }

    @Test
    void theApiSaysWhatItShows() {
        for (WebSession reader : List.of(moderator, admin)) {
            Response response = reader.api().get("/api/v1" + base);
            assertEquals(200, response.statusCode());
            assertFalse(response.asString().contains(DRAFT));
            assertFalse(response.asString().contains(DRAFT_ACTION));
            JsonPath json = response.jsonPath();
            assertEquals("submitted", json.getString("showing"));
            assertEquals(2, json.getInt("version"));
            assertEquals(SUBMITTED, json.getString("standards[0].questions[0].answer.evidence"));
            assertEquals("IN_PROGRESS", json.getString("state"));
        }
        JsonPath own = lead.api().get("/api/v1" + base).then().statusCode(200).extract().jsonPath();
        assertEquals("draft", own.getString("showing"));
        assertNull(own.get("version"));
        assertEquals(DRAFT, own.getString("standards[0].questions[0].answer.evidence"));
        assertTrue(own.getList("actions.action").contains(DRAFT_ACTION));
    }

    @Test
    void theLeadStillSeesTheDraft() {
        lead.get(base + "/check").then().statusCode(200);
        for (String url : List.of(base + "/standards/T1", base + "/view")) {
            String page = lead.get(url).then().statusCode(200).extract().asString();
            assertTrue(page.contains(DRAFT), url);
        }
        assertTrue(lead.get(base + "/actions").asString().contains(DRAFT_ACTION));
        assertTrue(lead.get(base + "/view?version=2").asString().contains(SUBMITTED));
    }

    @Test
    void beforeAnySubmissionTheyReadNotSubmittedYet() {
        for (WebSession reader : List.of(moderator, admin)) {
            for (String url : List.of(quietBase, quietBase + "/standards/T1", quietBase + "/check", quietBase + "/actions",
                    quietBase + "/view", quietBase + "/questions/" + q.id + "/history")) {
                String page = followed(reader, url);
                assertTrue(page.contains("Not submitted yet"), url);
                assertTrue(page.contains(quietAgency.name), url);
                assertTrue(page.contains("In progress"), url);
                assertFalse(page.contains(NEVER_SUBMITTED), url);
            }
            Response api = reader.api().get("/api/v1" + quietBase);
            assertFalse(api.asString().contains(NEVER_SUBMITTED));
            assertEquals("submitted", api.jsonPath().getString("showing"));
            assertNull(api.jsonPath().get("version"));
            assertNull(api.jsonPath().get("standards[0].questions[0].answer"));
            assertTrue(api.jsonPath().getList("problems").isEmpty());
        }
    }

    @Test
    void moderatorsStillReviewTheSubmittedVersion() {
        String changes = moderator.get(base + "/changes?version=2").then().statusCode(200).extract().asString();
        assertTrue(changes.contains(SUBMITTED));
        assertFalse(changes.contains(DRAFT));
    }

    /** GET, following the portal's own redirects (303 to the read-only view). */
    static String followed(WebSession session, String url) {
        Response response = session.get(url);
        for (int hops = 0; hops < 3 && response.statusCode() == 303; hops++) {
            response = session.get(response.header("Location").replaceFirst("^https?://[^/]+", "").replaceFirst("#.*", ""));
        }
        assertEquals(200, response.statusCode(), url);
        return response.asString();
    }
}
