package org.s11portal.assessment;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.s11portal.account.User;
import org.s11portal.agency.Agency;
import org.s11portal.agency.Area;
import org.s11portal.common.config.PortalClock;
import org.s11portal.cycle.Cycle;
import org.s11portal.support.Fixtures;
import org.s11portal.support.WebSession;
import org.s11portal.tool.Question;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Each submission rule, through the page and through the JSON API: the four failures the partnerships
 * reported (no evidence, no impact, gaps without actions, actions not SMART) cannot be submitted.
 */
@QuarkusTest
class SubmissionRulesTest {

    @Inject
    PortalClock clock;

    @Inject
    Fixtures fixtures;

    record Setup(Cycle cycle, Agency agency, User lead, Assessment assessment, List<Question> questions, WebSession session) {
    }

    Setup setup() {
        Cycle cycle = fixtures.aCycle().withTool().create();
        Agency agency = fixtures.anAgency().inAreas(Area.PORTSMOUTH).create();
        User lead = fixtures.lead(agency);
        Assessment assessment = fixtures.anAssessment().forAgency(agency).inCycle(cycle).inProgress().create();
        return new Setup(cycle, agency, lead, assessment, fixtures.questions(cycle), WebSession.signedIn(lead.email));
    }

    private static Map<String, String> declaration() {
        return Map.of("declaredByName", "Dr Jane Senior", "declaredRole", "Director of Nursing", "confirm", "yes");
    }

    private static void submitBlocked(Setup s, String message) {
        s.session.get("/assessments/" + s.assessment.id + "/check");
        s.session.post("/assessments/" + s.assessment.id + "/submit", declaration())
                .then().statusCode(400)
                .body(containsString("You cannot submit yet"))
                .body(containsString(message));
        s.session.api().body(Map.of("declaredByName", "Dr Jane Senior", "declaredRole", "Director"))
                .post("/api/v1/assessments/" + s.assessment.id + "/submit")
                .then().statusCode(422)
                .contentType(containsString("application/problem+json"))
                .body("problems.message", hasItem(containsString(message)));
    }

    @Test
    void everyQuestionMustBeRated() {
        Setup s = setup();
        fixtures.answerAllFully(s.assessment, s.cycle);
        deleteAnswer(s.assessment, s.questions.get(3));
        submitBlocked(s, "Choose a rating for question 2 of standard 2, Test standard 2");
    }

    @Test
    void aRatingNeedsEvidence() {
        Setup s = setup();
        fixtures.anAnswer(s.assessment, s.questions.get(0)).impact("Impact").create();
        s.questions.subList(1, 4).forEach(q -> fixtures.anAnswer(s.assessment, q).evidence("Evidence").impact("Impact").create());
        submitBlocked(s, "Give the evidence for your rating of question 1 of standard 1, Test standard 1");
    }

    @Test
    void fullyInPlaceNeedsEvidenceOfImpact() {
        Setup s = setup();
        fixtures.anAnswer(s.assessment, s.questions.get(0)).evidence("Evidence").create();
        s.questions.subList(1, 4).forEach(q -> fixtures.anAnswer(s.assessment, q).evidence("Evidence").impact("Impact").create());
        submitBlocked(s, "Give evidence of impact for question 1 of standard 1, Test standard 1: it is rated fully in place");
    }

    @Test
    void notApplicableNeedsAReason() {
        Setup s = setup();
        fixtures.anAnswer(s.assessment, s.questions.get(0)).rated(Rating.NA).create();
        s.questions.subList(1, 4).forEach(q -> fixtures.anAnswer(s.assessment, q).evidence("Evidence").impact("Impact").create());
        submitBlocked(s, "Say why question 1 of standard 1, Test standard 1, does not apply to your agency");
    }

    @Test
    void aPartlyRatingNeedsAnActionThenSubmits() {
        Setup s = setup();
        fixtures.anAnswer(s.assessment, s.questions.get(0)).rated(Rating.PART).evidence("Evidence").create();
        s.questions.subList(1, 4).forEach(q -> fixtures.anAnswer(s.assessment, q).evidence("Evidence").impact("Impact").create());
        submitBlocked(s, "Standard 1, Test standard 1, is partly or not in place: add at least one SMART action");

        fixtures.anAction(s.assessment, s.questions.get(0)).create();
        s.session.get("/assessments/" + s.assessment.id + "/check");
        s.session.post("/assessments/" + s.assessment.id + "/submit", declaration())
                .then().statusCode(303).header("Location", containsString("/submitted"));
    }

    @Test
    void anActionThatIsNotSmartBlocksSubmission() {
        Setup s = setup();
        fixtures.anAnswer(s.assessment, s.questions.get(0)).rated(Rating.NOT).evidence("Evidence").create();
        s.questions.subList(1, 4).forEach(q -> fixtures.anAnswer(s.assessment, q).evidence("Evidence").impact("Impact").create());
        s.session.get("/assessments/" + s.assessment.id + "/actions/new?standard=T1");
        s.session.post("/assessments/" + s.assessment.id + "/actions", Map.of("standard", "T1", "gap", "A gap",
                "action", "Do something")).then().statusCode(303);
        submitBlocked(s, "An action for standard 1, Test standard 1, is not SMART: say how you will measure success");
    }

    @Test
    void aTargetDateInThePastOrAfterTheCycleIsNotSmart() {
        Setup s = setup();
        var today = clock.today();
        var answer = Map.of("standard", "T1", "gap", "g", "action", "a", "measure", "m", "lead", "l", "resources", "r",
                "startDate-day", "1", "startDate-month", "1", "startDate-year", String.valueOf(today.getYear()));
        s.session.get("/assessments/" + s.assessment.id + "/actions/new");
        var past = new java.util.HashMap<>(answer);
        past.putAll(Map.of("targetDate-day", "1", "targetDate-month", "1", "targetDate-year", "2020"));
        s.session.post("/assessments/" + s.assessment.id + "/actions", past).then().statusCode(303);
        s.session.get("/assessments/" + s.assessment.id + "/actions").then()
                .body(containsString("Not SMART"))
                .body(containsString("Target date must be in the future"));
    }

    @Test
    void anImpossibleDateIsAnInputErrorThatKeepsWhatWasTyped() {
        Setup s = setup();
        s.session.get("/assessments/" + s.assessment.id + "/actions/new");
        s.session.post("/assessments/" + s.assessment.id + "/actions", Map.of("standard", "T1", "action", "Keep this text",
                "targetDate-day", "31", "targetDate-month", "2", "targetDate-year", "2027"))
                .then().statusCode(400)
                .body(containsString("Target date must be a real date: check the day"))
                .body(containsString("href=\"#targetDate-day\""))
                .body(containsString("Keep this text"));
    }

    @Test
    void afterTheDueDateOnlyAnExtensionAllowsSubmission() {
        Setup s = setup();
        fixtures.answerAllFully(s.assessment, s.cycle);
        fixtures.moveDue(s.cycle, clock.today().minusDays(1));
        submitBlocked(s, "has passed: ask your partnership admin for an extension");

        fixtures.extend(s.agency, s.cycle, clock.today().plusDays(7), fixtures.admin(Area.PORTSMOUTH));
        s.session.get("/assessments/" + s.assessment.id).then().body(containsString("Extension granted: Test extension"));
        s.session.get("/assessments/" + s.assessment.id + "/check");
        s.session.post("/assessments/" + s.assessment.id + "/submit", declaration()).then().statusCode(303);
    }

    @Test
    void theSeniorSignOffIsRequiredAndTypedValuesAreKept() {
        Setup s = setup();
        fixtures.answerAllFully(s.assessment, s.cycle);
        s.session.get("/assessments/" + s.assessment.id + "/check");
        s.session.post("/assessments/" + s.assessment.id + "/submit", Map.of("declaredByName", "Dr Jane Senior"))
                .then().statusCode(400)
                .body(containsString("Enter the senior officer&#39;s role"))
                .body(containsString("Confirm that a senior officer has signed off"))
                .body(containsString("value=\"Dr Jane Senior\""));
        assertEquals(AssessmentState.IN_PROGRESS, fixtures.reload(s.assessment).state);
    }

    @Test
    void submittingFreezesAnImmutableVersionAndLocksEditing() {
        Setup s = setup();
        fixtures.answerAllFully(s.assessment, s.cycle);
        s.session.api().body(Map.of("declaredByName", "Dr Jane Senior", "declaredRole", "Director"))
                .post("/api/v1/assessments/" + s.assessment.id + "/submit")
                .then().statusCode(200).body("version", equalTo(1));

        SubmissionVersion version = latest(s.assessment);
        assertEquals("Dr Jane Senior", version.declaredByName);
        assertEquals(AssessmentService.sha256(version.frozenJson), version.sha256);
        org.junit.jupiter.api.Assertions.assertTrue(version.frozenJson.contains("Evidence for T1.Q1"));

        Question q = s.questions.get(0);
        s.session.get("/assessments/" + s.assessment.id + "/standards/T1");
        s.session.post("/assessments/" + s.assessment.id + "/standards/T1", Map.of("q" + q.id + "-version", "0",
                "q" + q.id + "-rating", "PART", "q" + q.id + "-evidence", "Changed after submission"))
                .then().statusCode(409).body(containsString("cannot be changed"));
        s.session.api().body(Map.of("rating", "NOT", "evidence", "x", "version", 0))
                .put("/api/v1/assessments/" + s.assessment.id + "/answers/T1.Q1").then().statusCode(409);
        assertEquals(version.frozenJson, latest(s.assessment).frozenJson);
        s.session.get("/assessments/" + s.assessment.id + "/view").then().statusCode(200)
                .body(containsString("Evidence for T1.Q1")).body(not(containsString("Changed after submission")));
    }

    @Test
    void draftsAreNeverBlockedByTheRules() {
        Setup s = setup();
        Question q = s.questions.get(0);
        s.session.get("/assessments/" + s.assessment.id + "/standards/T1");
        s.session.post("/assessments/" + s.assessment.id + "/standards/T1", Map.of("q" + q.id + "-version", "",
                "q" + q.id + "-rating", "FULL", "action", "later"))
                .then().statusCode(303);
        s.session.get("/assessments/" + s.assessment.id + "/standards/T1").then()
                .body(containsString("Give the evidence for your rating of question 1 of standard 1, Test standard 1"))
                .body(containsString("No evidence of impact yet"));
        s.session.api().body(Map.of("rating", "NA")).put("/api/v1/assessments/" + s.assessment.id + "/answers/T1.Q2")
                .then().statusCode(200);
    }

    @Test
    void twentyConcurrentSubmitsMakeExactlyOneVersion() throws Exception {
        Setup s = setup();
        fixtures.answerAllFully(s.assessment, s.cycle);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(20);
        var start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Integer>> results = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return s.session.api().body(Map.of("declaredByName", "Dr Jane Senior", "declaredRole", "Director"))
                        .post("/api/v1/assessments/" + s.assessment.id + "/submit").statusCode();
            }));
        }
        start.countDown();
        for (var result : results) {
            assertEquals(200, result.get());
        }
        pool.shutdown();
        assertEquals(1L, versionCount(s.assessment));
    }

    @Transactional
    void deleteAnswer(Assessment assessment, Question question) {
        Answer.delete("assessment.id = ?1 and question.id = ?2", assessment.id, question.id);
    }

    @Transactional
    SubmissionVersion latest(Assessment assessment) {
        return SubmissionVersion.latest(Assessment.findById(assessment.id));
    }

    @Transactional
    long versionCount(Assessment assessment) {
        return SubmissionVersion.count("assessment.id", assessment.id);
    }

    @Test
    void nothingIsSubmittedWhenNothingIsAnswered() {
        Setup s = setup();
        submitBlocked(s, "Choose a rating for question 1 of standard 1, Test standard 1");
        assertNull(latest(s.assessment));
    }
}
