package org.s11portal.assessment;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.s11portal.account.User;
import org.s11portal.agency.Agency;
import org.s11portal.agency.Area;
import org.s11portal.cycle.Cycle;
import org.s11portal.support.Fixtures;
import org.s11portal.support.WebSession;
import org.s11portal.tool.Question;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

@QuarkusTest
class AssessmentResourceTest {

    @Inject
    Fixtures fixtures;

    /** A live cycle with the test tool, a Hampshire agency, its assessment in progress and its first question. */
    record Draft(Agency agency, Assessment assessment, Question question, User leadUser, WebSession lead) {
    }

    /** ...with its lead signed in. */
    Draft draft(AssessmentState state) {
        Cycle cycle = fixtures.aCycle().withTool().create();
        Agency agency = fixtures.anAgency().inAreas(Area.HAMPSHIRE).create();
        Assessment assessment = fixtures.anAssessment().forAgency(agency).inCycle(cycle).inState(state).create();
        User lead = fixtures.lead(agency);
        return new Draft(agency, assessment, fixtures.questions(cycle).get(0), lead, WebSession.signedIn(lead.email));
    }

    @Test
    void theTaskListShowsEachStandardsStatusAndTheDeadline() {
        Cycle cycle = fixtures.aCycle().withTool().create();
        Agency agency = fixtures.anAgency().inAreas(Area.HAMPSHIRE).create();
        Assessment assessment = fixtures.anAssessment().forAgency(agency).inCycle(cycle).inProgress().create();
        List<Question> q = fixtures.questions(cycle);
        fixtures.anAnswer(assessment, q.get(0)).evidence("Evidence").impact("Impact").create();
        fixtures.anAnswer(assessment, q.get(1)).evidence("Evidence").impact("Impact").create();
        fixtures.anAnswer(assessment, q.get(2)).evidence("Evidence").create();

        WebSession.signedIn(fixtures.lead(agency).email).get("/assessments/" + assessment.id).then().statusCode(200)
                .body(containsString("T1 Test standard 1"))
                .body(containsString("Completed"))
                .body(containsString("Action needed"))
                .body(containsString("days left"));
    }

    @Test
    void aSaveCreatesAnswersAndMovesTheAssessmentInProgress() {
        Draft d = draft(AssessmentState.NOT_STARTED);
        Assessment assessment = d.assessment();
        Question q = d.question();
        WebSession lead = d.lead();

        lead.get("/assessments/" + assessment.id + "/standards/T1").then().statusCode(200)
                .body(containsString("What good looks like")).body(containsString("How do you know?"));
        lead.post("/assessments/" + assessment.id + "/standards/T1", Map.of("q" + q.id + "-version", "",
                "q" + q.id + "-rating", "PART", "q" + q.id + "-evidence", "Our audit", "action", "continue"))
                .then().statusCode(303).header("Location", containsString("/standards/T2"));

        assertEquals(AssessmentState.IN_PROGRESS, fixtures.reload(assessment).state);
        assertEquals(1L, eventsTo(assessment, AssessmentState.IN_PROGRESS));
    }

    @Test
    void aSecondSaveFromAStaleVersionIsAConflictAndOverwritesNothing() {
        Draft d = draft(AssessmentState.IN_PROGRESS);
        Agency agency = d.agency();
        Assessment assessment = d.assessment();
        Question q = d.question();
        Answer answer = fixtures.anAnswer(assessment, q).rated(Rating.PART).evidence("Original").create();
        WebSession alice = WebSession.signedIn(fixtures.lead(agency).email);
        WebSession bob = WebSession.signedIn(fixtures.lead(agency).email);
        String path = "/assessments/" + assessment.id + "/standards/T1";
        alice.get(path);
        bob.get(path);

        alice.post(path, Map.of("q" + q.id + "-version", String.valueOf(answer.version), "q" + q.id + "-rating", "PART",
                "q" + q.id + "-evidence", "Alice's evidence", "action", "later")).then().statusCode(303);
        Response conflict = bob.post(path, Map.of("q" + q.id + "-version", String.valueOf(answer.version),
                "q" + q.id + "-rating", "FULL", "q" + q.id + "-evidence", "Bob's evidence", "action", "later"));

        conflict.then().statusCode(409)
                .body(containsString("Someone else changed these answers"))
                .body(containsString("Alice&#39;s evidence"))
                .body(containsString("Bob&#39;s evidence"));
        assertEquals("Alice's evidence", answerText(assessment, q));

        Response keepMine = bob.post(path, hiddenFields(conflict.asString()));
        keepMine.then().statusCode(303);
        assertEquals("Bob's evidence", answerText(assessment, q));
    }

    @Test
    void everyChangeIsInTheQuestionsHistory() {
        Draft d = draft(AssessmentState.IN_PROGRESS);
        Assessment assessment = d.assessment();
        Question q = d.question();
        User lead = d.leadUser();
        WebSession session = d.lead();
        String path = "/assessments/" + assessment.id + "/standards/T1";
        session.get(path);
        session.post(path, Map.of("q" + q.id + "-version", "", "q" + q.id + "-rating", "PART", "q" + q.id + "-evidence", "First text"));
        session.get(path);
        session.post(path, Map.of("q" + q.id + "-version", "0", "q" + q.id + "-rating", "FULL", "q" + q.id + "-evidence", "Second text"));

        session.get("/assessments/" + assessment.id + "/questions/" + q.id + "/history").then().statusCode(200)
                .body(containsString("Created by " + lead.displayName))
                .body(containsString("Changed by " + lead.displayName))
                .body(containsString("First text"))
                .body(containsString("Second text"));
    }

    @Test
    void autosaveAnswersWithTheNewVersions() {
        Draft d = draft(AssessmentState.IN_PROGRESS);
        Assessment assessment = d.assessment();
        Question q = d.question();
        WebSession session = d.lead();
        session.get("/assessments/" + assessment.id + "/standards/T1");
        session.request().header("X-Autosave", "1").contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", session.cookie("csrf-token"))
                .formParam("q" + q.id + "-version", "").formParam("q" + q.id + "-evidence", "Typed then tab closed")
                .post("/assessments/" + assessment.id + "/standards/T1")
                .then().statusCode(200).body("saved", equalTo(true)).body("versions.q" + q.id, equalTo(0));
        assertEquals("Typed then tab closed", answerText(assessment, q));
    }

    @Test
    void anAutosaveAndASaveOfTheSameNewAnswerAtOnceBothSucceed() throws Exception {
        Draft d = draft(AssessmentState.NOT_STARTED);
        Assessment assessment = d.assessment();
        Question q = d.question();
        WebSession session = d.lead();
        session.get("/assessments/" + assessment.id + "/standards/T1");
        String path = "/assessments/" + assessment.id + "/standards/T1";
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            var statuses = new java.util.ArrayList<java.util.concurrent.Future<Integer>>();
            for (int i = 0; i < 8; i++) {
                boolean autosave = i % 2 == 0;
                statuses.add(pool.submit(() -> {
                    var request = session.request().contentType("application/x-www-form-urlencoded")
                            .formParam("csrf-token", session.cookie("csrf-token"))
                            .formParam("q" + q.id + "-version", "").formParam("q" + q.id + "-evidence", "Typed once, sent twice");
                    return (autosave ? request.header("X-Autosave", "1") : request.formParam("action", "later"))
                            .redirects().follow(false).post(path).statusCode();
                }));
            }
            for (var status : statuses) {
                assertTrue(status.get() == 200 || status.get() == 303, "status " + status.get());
            }
        } finally {
            pool.shutdown();
        }
        assertEquals("Typed once, sent twice", answerText(assessment, q));
    }

    @Test
    void anAgencyWithNoEarlierCycleIsNotOfferedLastCyclesAnswers() {
        Agency agency = fixtures.anAgency().inAreas(Area.SOUTHAMPTON).create();
        Assessment assessment = fixtures.anAssessment().forAgency(agency).inCycle(fixtures.aCycle().withTool().create()).create();
        WebSession lead = WebSession.signedIn(fixtures.lead(agency).email);

        lead.get("/assessments/" + assessment.id).then().statusCode(200)
                .body(containsString("Standards"))
                .body(not(containsString("Start from last cycle")));
    }

    @Test
    void startFromLastCycleCopiesMatchingAnswersMarkedForReview() {
        Agency agency = fixtures.anAgency().inAreas(Area.SOUTHAMPTON).create();
        Cycle earlier = fixtures.aCycle().withTool().create();
        Assessment old = fixtures.anAssessment().forAgency(agency).inCycle(earlier).inState(AssessmentState.CLOSED).create();
        fixtures.anAnswer(old, fixtures.questions(earlier).get(0)).rated(Rating.PART).evidence("Last cycle's evidence").create();
        fixtures.anAction(old, fixtures.questions(earlier).get(0)).create();
        Cycle current = fixtures.aCycle().withTool().create();
        openedLater(earlier, current);
        Assessment assessment = fixtures.anAssessment().forAgency(agency).inCycle(current).create();
        WebSession lead = WebSession.signedIn(fixtures.lead(agency).email);

        lead.get("/assessments/" + assessment.id).then().body(containsString("Start from last cycle"));
        lead.post("/assessments/" + assessment.id + "/carry-forward", Map.of()).then().statusCode(303)
                .header("Location", containsString("carried=2"));
        lead.get("/assessments/" + assessment.id + "/standards/T1").then()
                .body(containsString("Last cycle&#39;s evidence"))
                .body(containsString("Carried forward – review"));
        lead.get("/assessments/" + assessment.id + "/actions").then().body(containsString("Carried forward – review"));

        Question q = fixtures.questions(current).get(0);
        assertTrue(carried(assessment, q));
        lead.post("/assessments/" + assessment.id + "/standards/T1", Map.of("q" + q.id + "-version", "0",
                "q" + q.id + "-rating", "PART", "q" + q.id + "-evidence", "Last cycle's evidence")).then().statusCode(303);
        assertFalse(carried(assessment, q));
    }

    @Test
    void overlongTextIsRefusedWithTheTextKept() {
        Draft d = draft(AssessmentState.IN_PROGRESS);
        Assessment assessment = d.assessment();
        Question q = d.question();
        WebSession session = d.lead();
        session.get("/assessments/" + assessment.id + "/standards/T1");
        String longText = "x".repeat(10_001);
        session.post("/assessments/" + assessment.id + "/standards/T1", Map.of("q" + q.id + "-version", "",
                "q" + q.id + "-evidence", longText)).then().statusCode(400)
                .body(containsString("must be 10000 characters or fewer"))
                .body(containsString(longText));
    }

    @Test
    void theLeadOpensTheLiveCyclesAssessmentFromHome() {
        Cycle cycle = fixtures.aCycle().withTool().create();
        Agency agency = fixtures.anAgency().inAreas(Area.HAMPSHIRE).create();
        WebSession lead = WebSession.signedIn(fixtures.lead(agency).email);
        lead.get("/home").then().body(containsString("Start your self-assessment"));
        String location = lead.post("/self-assessment", Map.of()).then().statusCode(303).extract().header("Location");
        lead.get(location.replaceFirst("^https?://[^/]+", "")).then().statusCode(200).body(containsString(agency.name));
        lead.get("/home").then().body(containsString("Go to your self-assessment"));
    }

    static Map<String, String> hiddenFields(String html) {
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        var matcher = java.util.regex.Pattern.compile("<input type=\"hidden\" name=\"(q[^\"]+)\" value=\"([^\"]*)\">").matcher(html);
        while (matcher.find()) {
            fields.put(matcher.group(1), matcher.group(2).replace("&#39;", "'"));
        }
        fields.put("action", "later");
        return fields;
    }

    @Transactional
    String answerText(Assessment assessment, Question q) {
        return Answer.<Answer>find("assessment.id = ?1 and question.id = ?2", assessment.id, q.id).firstResult().evidence;
    }

    @Transactional
    boolean carried(Assessment assessment, Question q) {
        return Answer.<Answer>find("assessment.id = ?1 and question.id = ?2", assessment.id, q.id).firstResult().carriedForward;
    }

    @Transactional
    long eventsTo(Assessment assessment, AssessmentState state) {
        return AssessmentEvent.count("assessment.id = ?1 and toState = ?2", assessment.id, state);
    }

    @Transactional
    void openedLater(Cycle earlier, Cycle later) {
        Cycle e = Cycle.findById(earlier.id);
        e.year1Opens = e.year1Opens.minusYears(2);
    }

}
