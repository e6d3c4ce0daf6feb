package org.s11portal.moderation;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.s11portal.agency.Agency;
import org.s11portal.agency.Area;
import org.s11portal.assessment.Assessment;
import org.s11portal.assessment.AssessmentState;
import org.s11portal.cycle.Cycle;
import org.s11portal.support.Fixtures;
import org.s11portal.support.WebSession;
import org.s11portal.tool.Question;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

@QuarkusTest
class ReviewResourceTest {

    @Inject
    Fixtures fixtures;

    static final Map<String, String> SIGN_OFF = Map.of("declaredByName", "Dr Jane Senior", "declaredRole", "Director", "confirm", "yes");

    @Test
    void aModeratorReturnsWithCommentsTheLeadResubmitsAndTheModeratorSeesWhatChanged() {
        Cycle cycle = fixtures.aCycle().withTool().create();
        Agency agency = fixtures.anAgency().inAreas(Area.HAMPSHIRE, Area.PORTSMOUTH).create();
        Assessment assessment = fixtures.anAssessment().forAgency(agency).inCycle(cycle).inProgress().create();
        fixtures.answerAllFully(assessment, cycle);
        List<Question> questions = fixtures.questions(cycle);
        WebSession lead = WebSession.signedIn(fixtures.lead(agency).email);
        String base = "/assessments/" + assessment.id;
        lead.get(base + "/check");
        lead.post(base + "/submit", SIGN_OFF).then().statusCode(303);

        WebSession moderator = WebSession.signedIn(fixtures.moderator(Area.SOUTHAMPTON).email);
        moderator.get(base + "/view").then().statusCode(200).body(containsString("Return to the agency with comments"));
        moderator.get(base + "/return");
        moderator.post(base + "/return", Map.of("comment-overall", "", "comment-T1", ""))
                .then().statusCode(400).body(containsString("Write at least one comment"));
        moderator.post(base + "/return", Map.of("comment-overall", "Please strengthen T1.",
                "comment-T1", "How do you know the board assurance works?")).then().statusCode(303)
                .header("Location", base + "/view?returned=1");
        assertEquals(AssessmentState.RETURNED, fixtures.reload(assessment).state);
        moderator.get(base + "/view?returned=1").then().statusCode(200)
                .body(containsString("govuk-notification-banner--success"))
                .body(containsString("Returned to " + agency.name + " with your comments"))
                .body(containsString("Status: <strong class=\"govuk-tag govuk-tag--orange\">Returned</strong>"));
        moderator.get(base + "/view").then().body(not(containsString("govuk-notification-banner")));

        lead.get(base).then().body(containsString("Please strengthen T1."));
        lead.get(base + "/standards/T1").then().body(containsString("How do you know the board assurance works?"));
        Question q = questions.get(0);
        lead.post(base + "/standards/T1", Map.of("q" + q.id + "-version", "0", "q" + q.id + "-rating", "FULL",
                "q" + q.id + "-evidence", "Evidence for T1.Q1", "q" + q.id + "-impact", "Board audit improved outcomes")).then().statusCode(303);
        assertEquals(AssessmentState.IN_PROGRESS, fixtures.reload(assessment).state);
        lead.get(base + "/check");
        lead.post(base + "/submit", SIGN_OFF).then().statusCode(303);

        moderator.get(base + "/changes?version=2").then().statusCode(200)
                .body(containsString("T1.Q1"))
                .body(containsString("Evidence of impact"))
                .body(containsString("Impact for T1.Q1"))
                .body(containsString("Board audit improved outcomes"));
        moderator.get(base + "/view?version=1").then().body(containsString("Impact for T1.Q1"));
        // a long submission has a contents list; its checksum is for the API and the audit record, not people
        moderator.get(base + "/view").then()
                .body(containsString("href=\"#standard-T1\""))
                .body(containsString("href=\"#standard-T2\""))
                .body(not(containsString("SHA-256")));
    }

    @Test
    void onlyModeratorsInScopeReturnAndOnlySubmittedWork() {
        Cycle cycle = fixtures.aCycle().withTool().create();
        Agency local = fixtures.anAgency().inAreas(Area.ISLE_OF_WIGHT).create();
        Assessment assessment = fixtures.anAssessment().forAgency(local).inCycle(cycle).inProgress().create();
        String base = "/assessments/" + assessment.id;

        WebSession outOfScope = WebSession.signedIn(fixtures.moderator(Area.HAMPSHIRE).email);
        outOfScope.get("/home");
        outOfScope.post(base + "/return", Map.of("comment-overall", "x")).then().statusCode(404);

        WebSession lead = WebSession.signedIn(fixtures.lead(local).email);
        lead.get(base);
        lead.post(base + "/return", Map.of("comment-overall", "x")).then().statusCode(403);

        WebSession moderator = WebSession.signedIn(fixtures.moderator(Area.ISLE_OF_WIGHT).email);
        // issue 9.4: a page for something that cannot be done says so and shows no form
        String page = moderator.get(base + "/return").then().statusCode(200).extract().asString();
        assertTrue(page.contains("Only a submitted self-assessment can be returned"), page);
        assertFalse(page.contains("action=\"" + base + "/return\""), "a live return form on an assessment in progress");
        // a return sent anyway (the page was open before it changed state) is refused; what was typed is shown
        moderator.post(base + "/return", Map.of("comment-overall", "Too early <b>to say</b>")).then().statusCode(409)
                .body(containsString("Only a submitted self-assessment can be returned"))
                .body(containsString("Too early &lt;b&gt;to say&lt;/b&gt;"))
                .body(not(containsString("action=\"" + base + "/return\"")));
    }
}
