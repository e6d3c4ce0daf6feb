package org.s11portal.assessment;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.s11portal.account.User;
import org.s11portal.agency.Agency;
import org.s11portal.agency.Area;
import org.s11portal.cycle.Cycle;
import org.s11portal.support.Fixtures;
import org.s11portal.support.PageCost;
import org.s11portal.support.WebSession;
import org.s11portal.tool.Question;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * What the biggest assessment pages cost the database: a fixed number of statements, whatever the number of
 * standards, answers, actions and files, so that a query per row cannot come back unnoticed.
 */
@QuarkusTest
class AssessmentPageCostTest {

    @Inject
    Fixtures fixtures;

    @Inject
    PageCost cost;

    @Test
    void theTaskListCostsTheSameForFourOrFortyAnswers() {
        Cycle small = fixtures.aCycle().withTool().create();
        Cycle big = fixtures.aCycle().withTool(10, 4).create();

        long fewAnswers = taskList(small);
        long manyAnswers = taskList(big);

        assertEquals(fewAnswers, manyAnswers, "the task list must not cost a statement per standard, answer or action");
        assertTrue(manyAnswers <= 8, "the task list: " + manyAnswers + " statements");
    }

    @Test
    void aStandardPageCostsTheSameForTwoOrTwelveQuestionsWithFiles() {
        Cycle small = fixtures.aCycle().withTool().create();
        Cycle big = fixtures.aCycle().withTool(2, 12).create();

        long fewQuestions = standardPage(small, 0);
        long manyQuestionsAndFiles = standardPage(big, 3);

        assertEquals(fewQuestions, manyQuestionsAndFiles, "a standard page must not cost a statement per question or file");
        assertTrue(manyQuestionsAndFiles <= 8, "a standard page: " + manyQuestionsAndFiles + " statements");
    }

    @Test
    void theViewOfASubmittedAssessmentCostsTheSameForFourOrFortyAnswersWithFiles() {
        Cycle small = fixtures.aCycle().withTool().create();
        Cycle big = fixtures.aCycle().withTool(10, 4).create();

        long fewAnswers = submittedView(small, 0);
        long manyAnswersAndFiles = submittedView(big, 2);

        assertEquals(fewAnswers, manyAnswersAndFiles, "the view must not cost a statement per answer or file");
        assertTrue(manyAnswersAndFiles <= 8, "the view of a submitted assessment: " + manyAnswersAndFiles + " statements");
    }

    @Test
    void checkAnswersCostsTheSameForFourOrFortyAnswersWithFiles() {
        Cycle small = fixtures.aCycle().withTool().create();
        Cycle big = fixtures.aCycle().withTool(10, 4).create();

        long fewAnswers = checkAnswers(small, 0);
        long manyAnswersAndFiles = checkAnswers(big, 2);

        assertEquals(fewAnswers, manyAnswersAndFiles, "the submission as it stands must not cost a statement per answer");
        assertTrue(manyAnswersAndFiles <= 8, "check answers: " + manyAnswersAndFiles + " statements");
    }

    @Test
    void eachPageOfTheSelfAssessmentOpensOneTransaction() {
        Cycle cycle = fixtures.aCycle().withTool().create();
        Agency agency = fixtures.anAgency().inAreas(Area.SOUTHAMPTON).create();
        Assessment assessment = fixtures.anAssessment().forAgency(agency).inCycle(cycle).inProgress().create();
        fixtures.answerAllFully(assessment, cycle);
        User lead = fixtures.lead(agency);
        cost.filesForEveryAnswer(assessment, 1, lead);
        Question question = fixtures.questions(cycle).get(0);
        WebSession browser = WebSession.signedIn(lead.email);
        String base = "/assessments/" + assessment.id;
        for (String path : List.of(base, base + "/standards/T1", base + "/check",
                base + "/questions/" + question.id + "/files", base + "/view")) {
            browser.get(path).then().statusCode(200);
            assertTrue(cost.transactions(() -> browser.get(path).then().statusCode(200)) <= 1, path + ": one transaction");
        }
        String page = base + "/standards/T1";
        assertTrue(cost.transactions(() -> browser.post(page, Map.of("q" + question.id + "-version", "0",
                "q" + question.id + "-rating", "NOT_A_RATING"))
                .then().statusCode(400)) <= 1, "a refused save: one transaction");
        PageCost.submit(browser, assessment);
        browser.get(base + "/submitted").then().statusCode(200);
        assertTrue(cost.transactions(() -> browser.get(base + "/submitted").then().statusCode(200)) <= 1,
                "the confirmation: one transaction");
    }

    /** The lead's check answers page: the draft in the shape of a submission, with every file listed. */
    private long checkAnswers(Cycle cycle, int filesPerAnswer) {
        Agency agency = fixtures.anAgency().inAreas(Area.SOUTHAMPTON).create();
        Assessment assessment = fixtures.anAssessment().forAgency(agency).inCycle(cycle).inProgress().create();
        fixtures.answerAllFully(assessment, cycle);
        User lead = fixtures.lead(agency);
        cost.filesForEveryAnswer(assessment, filesPerAnswer, lead);
        WebSession browser = WebSession.signedIn(lead.email);
        String path = "/assessments/" + assessment.id + "/check";
        browser.get(path).then().statusCode(200);
        return cost.statements(() -> browser.get(path).then().statusCode(200).body(containsString("Evidence for T2.Q2")));
    }

    /** The lead's task list with every question answered and an action per standard. */
    private long taskList(Cycle cycle) {
        Agency agency = fixtures.anAgency().inAreas(Area.SOUTHAMPTON).create();
        Assessment assessment = fixtures.anAssessment().forAgency(agency).inCycle(cycle).inProgress().create();
        fixtures.answerAllFully(assessment, cycle);
        List<Question> questions = fixtures.questions(cycle);
        questions.stream().filter(q -> q.position == 1).forEach(q -> fixtures.anAction(assessment, q).create());
        WebSession lead = WebSession.signedIn(fixtures.lead(agency).email);
        String path = "/assessments/" + assessment.id;
        lead.get(path).then().statusCode(200);
        return cost.statements(() -> lead.get(path).then().statusCode(200).body(containsString(cycle.name)));
    }

    /** The lead's page of standard T1 with every question answered, each with this many files. */
    private long standardPage(Cycle cycle, int filesPerAnswer) {
        Agency agency = fixtures.anAgency().inAreas(Area.SOUTHAMPTON).create();
        Assessment assessment = fixtures.anAssessment().forAgency(agency).inCycle(cycle).inProgress().create();
        fixtures.answerAllFully(assessment, cycle);
        User lead = fixtures.lead(agency);
        cost.filesForEveryAnswer(assessment, filesPerAnswer, lead);
        WebSession browser = WebSession.signedIn(lead.email);
        String path = "/assessments/" + assessment.id + "/standards/T1";
        browser.get(path).then().statusCode(200);
        return cost.statements(() -> browser.get(path).then().statusCode(200).body(containsString("T1.Q2")));
    }

    /** A moderator's view of the submitted assessment, every answer with this many files. */
    private long submittedView(Cycle cycle, int filesPerAnswer) {
        Agency agency = fixtures.anAgency().inAreas(Area.SOUTHAMPTON).create();
        Assessment assessment = fixtures.anAssessment().forAgency(agency).inCycle(cycle).inProgress().create();
        fixtures.answerAllFully(assessment, cycle);
        User lead = fixtures.lead(agency);
        cost.filesForEveryAnswer(assessment, filesPerAnswer, lead);
        PageCost.submit(WebSession.signedIn(lead.email), assessment);
        WebSession moderator = WebSession.signedIn(fixtures.moderator(Area.SOUTHAMPTON).email);
        String path = "/assessments/" + assessment.id + "/view";
        moderator.get(path).then().statusCode(200);
        return cost.statements(() -> moderator.get(path).then().statusCode(200).body(containsString("T2.Q2")));
    }
}
