package org.s11portal.assessment;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.s11portal.agency.Agency;
import org.s11portal.agency.Area;
import org.s11portal.cycle.Cycle;
import org.s11portal.support.Fixtures;
import org.s11portal.support.WebSession;
import org.s11portal.tool.Question;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Issue 9, points 3, 5 and 11: answers and actions carried forward from last cycle are not done until the lead
 * has reviewed them (task list "To review" with a count, check answers lists them, submission refused over the
 * pages and the API); a submitted or year-2 assessment's task list offers no overdue deadline, no "Action
 * needed" and no "Check answers and submit"; check answers shows the answers themselves with Change links, and
 * every rule's message is written in words.
 */
@QuarkusTest
class CarryForwardReviewTest {

    @Inject
    Fixtures fixtures;

    record Carried(Agency agency, Cycle current, Assessment assessment, List<Question> questions, WebSession lead) {
    }

    /** Last cycle: every question fully in place and one SMART action; this cycle: started from those answers. */
    Carried carriedForward() {
        Agency agency = fixtures.anAgency().inAreas(Area.SOUTHAMPTON).create();
        Cycle earlier = fixtures.aCycle().withTool().create();
        Assessment old = fixtures.anAssessment().forAgency(agency).inCycle(earlier).inState(AssessmentState.CLOSED).create();
        fixtures.answerAllFully(old, earlier);
        fixtures.anAction(old, fixtures.questions(earlier).get(0)).create();
        Cycle current = fixtures.aCycle().withTool().create();
        openedEarlier(earlier);
        Assessment assessment = fixtures.anAssessment().forAgency(agency).inCycle(current).create();
        WebSession lead = WebSession.signedIn(fixtures.lead(agency).email);
        lead.get("/assessments/" + assessment.id);
        lead.post("/assessments/" + assessment.id + "/carry-forward", Map.of()).then().statusCode(303)
                .header("Location", containsString("carried=5"));
        return new Carried(agency, current, assessment, fixtures.questions(current), lead);
    }

    private static Map<String, String> declaration() {
        return Map.of("declaredByName", "Dr Jane Senior", "declaredRole", "Director of Nursing", "confirm", "yes");
    }

    @Test
    void carriedForwardAnswersAreToReviewAndBlockSubmissionUntilTheLeadSavesEachStandard() {
        Carried c = carriedForward();
        String base = "/assessments/" + c.assessment.id;

        c.lead.get(base).then().statusCode(200)
                .body(containsString("4 answers carried forward from last cycle still to review"))
                .body(containsString("1 action carried forward from last cycle still to review"))
                .body(containsString("<strong class=\"govuk-tag govuk-tag--yellow\">To review</strong>"))
                .body(not(containsString("Ready to submit")));
        c.lead.get(base + "/check").then().statusCode(200)
                .body(containsString("4 answers carried forward from last cycle still to review"))
                .body(containsString("href=\"" + base + "/standards/T1\""))
                .body(containsString("2 answers to standard 1, Test standard 1, were carried forward from last cycle"));

        // refused on the page and through the API, for the same reason
        c.lead.post(base + "/submit", declaration()).then().statusCode(400)
                .body(containsString("You cannot submit yet"))
                .body(containsString("2 answers to standard 2, Test standard 2, were carried forward from last cycle"));
        c.lead.api().body(Map.of("declaredByName", "Dr Jane Senior", "declaredRole", "Director"))
                .post("/api/v1/assessments/" + c.assessment.id + "/submit").then().statusCode(422)
                .body("problems.message", hasItem(containsString("2 answers to standard 1, Test standard 1, were carried forward")))
                .body("problems.message", hasItem(containsString("Review the action for standard 1, Test standard 1, carried forward")));

        // saving standard 1's page unchanged confirms its answers: Completed; standard 2 is still to review
        confirmStandard(c, "T1", c.questions.subList(0, 2));
        c.lead.get(base).then()
                .body(containsString("2 answers carried forward from last cycle still to review"))
                .body(containsString("<div class=\"govuk-task-list__status\" id=\"T1-status\">Completed</div>"))
                .body(containsString("id=\"T2-status\"><strong class=\"govuk-tag govuk-tag--yellow\">To review</strong>"));
        c.lead.post(base + "/submit", declaration()).then().statusCode(400);

        confirmStandard(c, "T2", c.questions.subList(2, 4));
        // the action is still to review: refused until its page is saved (here through the API)
        c.lead.api().body(Map.of("declaredByName", "Dr Jane Senior", "declaredRole", "Director"))
                .post("/api/v1/assessments/" + c.assessment.id + "/submit").then().statusCode(422)
                .body("problems.size()", equalTo(1))
                .body("problems[0].message", containsString("Review the action for standard 1, Test standard 1"));
        ActionItem action = carriedAction(c.assessment);
        Map<String, Object> body = new HashMap<>();
        body.putAll(Map.of("standard", "T1", "question", "T1.Q1", "gap", action.gap, "action", action.action,
                "measure", action.measure, "lead", action.lead, "resources", action.resources,
                "startDate", action.startDate.toString(), "targetDate", action.targetDate.toString(), "status", action.status.name()));
        body.put("version", action.version);
        c.lead.api().body(body).put("/api/v1/assessments/" + c.assessment.id + "/actions/" + action.id).then().statusCode(200);

        c.lead.get(base).then().body(not(containsString("still to review"))).body(containsString("Ready to submit"));
        c.lead.post(base + "/submit", declaration()).then().statusCode(303).header("Location", containsString("/submitted"));
    }

    @Test
    void anAutosaveWhileTypingDoesNotConfirmTheOtherCarriedForwardAnswersButASaveDoes() {
        Carried c = carriedForward();
        Question first = c.questions.get(0);
        Question second = c.questions.get(1);
        String path = "/assessments/" + c.assessment.id + "/standards/T1";
        c.lead.get(path);
        // the page sends every field; the lead has changed only the first answer's evidence
        var autosave = c.lead.request().header("X-Autosave", "1").contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", c.lead.cookie("csrf-token"));
        for (Question q : List.of(first, second)) {
            autosave.formParam("q" + q.id + "-version", "0").formParam("q" + q.id + "-rating", "FULL")
                    .formParam("q" + q.id + "-evidence", q == first ? "Updated this year" : "Evidence for " + q.code)
                    .formParam("q" + q.id + "-impact", "Impact for " + q.code);
        }
        autosave.post(path).then().statusCode(200);
        assertEquals(false, carried(c.assessment, first));
        assertEquals(true, carried(c.assessment, second));
        c.lead.get("/assessments/" + c.assessment.id).then()
                .body(containsString("3 answers carried forward from last cycle still to review"));
    }

    @Test
    void theApiReportsCarriedForwardAnswersAsProblemsOfTheirOwnKind() {
        Carried c = carriedForward();
        c.lead.api().get("/api/v1/assessments/" + c.assessment.id).then().statusCode(200)
                .body("standards[0].questions[0].answer.carriedForward", equalTo(true))
                .body("problems.message", hasItem(containsString("2 answers to standard 1, Test standard 1, were carried forward")));
    }

    @Test
    void aSubmittedTaskListShowsTheSubmissionAndOffersNothingToSubmit() {
        Cycle cycle = fixtures.aCycle().withTool().create();
        Agency agency = fixtures.anAgency().inAreas(Area.HAMPSHIRE).create();
        Assessment assessment = fixtures.anAssessment().forAgency(agency).inCycle(cycle).inProgress().create();
        fixtures.answerAllFully(assessment, cycle);
        WebSession lead = WebSession.signedIn(fixtures.lead(agency).email);
        lead.get("/assessments/" + assessment.id).then().body(containsString("Check answers and submit"))
                .body(containsString("Ready to submit"));
        lead.api().body(Map.of("declaredByName", "Dr Jane Senior", "declaredRole", "Director"))
                .post("/api/v1/assessments/" + assessment.id + "/submit").then().statusCode(200);

        lead.get("/assessments/" + assessment.id).then().statusCode(200)
                .body(containsString("Submitted"))
                .body(containsString(", version 1"))
                .body(containsString("Dr Jane Senior, Director"))
                .body(containsString("href=\"/assessments/" + assessment.id + "/view?version=1\""))
                .body(not(containsString("Check answers and submit")))
                .body(not(containsString("Ready")))
                .body(not(containsString("days left")))
                .body(not(containsString("Action needed")));
    }

    @Test
    void aYearTwoAssessmentOfAPastCycleShowsNoOverdueDeadlineNoActionNeededAndNoSubmit() {
        Cycle cycle = pastCycle();
        Agency agency = fixtures.anAgency().inAreas(Area.PORTSMOUTH).create();
        Assessment assessment = fixtures.anAssessment().forAgency(agency).inCycle(cycle)
                .inState(AssessmentState.MONITORING).create();
        List<Question> q = fixtures.questions(cycle);
        // answers that would be "Action needed" and "to fix" on a draft: a gap with no action, no evidence of impact
        fixtures.anAnswer(assessment, q.get(0)).rated(Rating.PART).evidence("Evidence").create();
        fixtures.anAnswer(assessment, q.get(1)).evidence("Evidence").create();
        WebSession lead = WebSession.signedIn(fixtures.lead(agency).email);

        lead.get("/assessments/" + assessment.id).then().statusCode(200)
                .body(containsString("Year 2 monitoring"))
                .body(containsString("cannot be changed"))
                .body(not(containsString("overdue")))
                .body(not(containsString("Action needed")))
                .body(not(containsString("Check answers and submit")))
                .body(not(containsString("to fix")))
                .body(not(containsString("4 January 2021")));
    }

    @Test
    void aDraftInACycleThatHasClosedShowsItsDueDateButNotAsDaysOverdue() {
        Cycle cycle = pastCycle();
        Agency agency = fixtures.anAgency().inAreas(Area.PORTSMOUTH).create();
        Assessment assessment = fixtures.anAssessment().forAgency(agency).inCycle(cycle).inProgress().create();
        WebSession lead = WebSession.signedIn(fixtures.lead(agency).email);
        lead.get("/assessments/" + assessment.id).then().statusCode(200)
                .body(containsString("4 January 2021"))
                .body(containsString("this cycle closed on 31 August 2022"))
                .body(not(containsString("overdue")));
    }

    @Test
    void checkAnswersShowsEachAnswerWithAChangeLink() {
        Cycle cycle = fixtures.aCycle().withTool().create();
        Agency agency = fixtures.anAgency().inAreas(Area.HAMPSHIRE).create();
        Assessment assessment = fixtures.anAssessment().forAgency(agency).inCycle(cycle).inProgress().create();
        List<Question> q = fixtures.questions(cycle);
        fixtures.anAnswer(assessment, q.get(0)).evidence("Board minutes show quarterly reports")
                .impact("Re-audit up from 11 to 18").create();
        fixtures.anAnswer(assessment, q.get(1)).notApplicable("We provide no services to children directly").create();
        fixtures.anAnswer(assessment, q.get(2)).rated(Rating.PART).evidence("Policy drafted, not yet approved").create();
        String base = "/assessments/" + assessment.id;

        WebSession.signedIn(fixtures.lead(agency).email).get(base + "/check").then().statusCode(200)
                .body(containsString("Board minutes show quarterly reports"))
                .body(containsString("Re-audit up from 11 to 18"))
                .body(containsString("We provide no services to children directly"))
                .body(containsString("Policy drafted, not yet approved"))
                .body(containsString("Question 1: Question 1 of standard 1"))
                .body(containsString("href=\"" + base + "/standards/T1#q" + q.get(0).id + "-evidence\">Change"
                        + "<span class=\"govuk-visually-hidden\"> the evidence for question 1 of standard 1</span>"))
                .body(containsString("href=\"" + base + "/standards/T1#q" + q.get(1).id + "-naReason\""))
                .body(containsString("href=\"" + base + "/standards/T2#q" + q.get(3).id + "-rating\""))
                .body(containsString("Not rated yet"))
                // the rules, in words
                .body(containsString("Choose a rating for question 2 of standard 2, Test standard 2"))
                .body(containsString("Standard 2, Test standard 2, is partly or not in place: add at least one SMART action"));
    }

    @Test
    void noRuleMessageReadsAsACode() {
        Cycle cycle = fixtures.aCycle().withTool().create();
        Agency agency = fixtures.anAgency().inAreas(Area.HAMPSHIRE).create();
        Assessment assessment = fixtures.anAssessment().forAgency(agency).inCycle(cycle).inProgress().create();
        List<Question> q = fixtures.questions(cycle);
        fixtures.anAnswer(assessment, q.get(0)).create();
        fixtures.anAnswer(assessment, q.get(1)).rated(Rating.NA).create();
        fixtures.anAnswer(assessment, q.get(2)).rated(Rating.NOT).evidence("Evidence").create();
        WebSession lead = WebSession.signedIn(fixtures.lead(agency).email);
        lead.api().body(Map.of("declaredByName", "Dr Jane Senior", "declaredRole", "Director"))
                .post("/api/v1/assessments/" + assessment.id + "/submit").then().statusCode(422)
                .body("problems.size()", equalTo(5))
                .body("problems.message", everyItem(not(matchesPattern("(?s).*\\bT\\d(\\.Q\\d)?\\b.*"))))
                .body("problems.message", hasItem("Give the evidence for your rating of question 1 of standard 1, Test standard 1"))
                .body("problems.message", hasItem("Say why question 2 of standard 1, Test standard 1, does not apply to your agency"));
    }

    private void confirmStandard(Carried c, String code, List<Question> questions) {
        String path = "/assessments/" + c.assessment.id + "/standards/" + code;
        c.lead.get(path).then().body(containsString("Saving this page confirms them"));
        Map<String, String> form = new HashMap<>();
        for (Question q : questions) {
            form.put("q" + q.id + "-version", "0");
            form.put("q" + q.id + "-rating", "FULL");
            form.put("q" + q.id + "-evidence", "Evidence for " + q.code);
            form.put("q" + q.id + "-impact", "Impact for " + q.code);
        }
        form.put("action", "later");
        c.lead.post(path, form).then().statusCode(303);
    }

    @Transactional
    void openedEarlier(Cycle earlier) {
        Cycle e = Cycle.findById(earlier.id);
        e.year1Opens = e.year1Opens.minusYears(2);
    }

    @Transactional
    boolean carried(Assessment assessment, Question q) {
        return Answer.<Answer>find("assessment.id = ?1 and question.id = ?2", assessment.id, q.id).firstResult().carriedForward;
    }

    @Transactional
    ActionItem carriedAction(Assessment assessment) {
        ActionItem action = ActionItem.find("assessment.id = ?1 and carriedForward = true", assessment.id).firstResult();
        assertEquals(true, action != null);
        action.standard.code.length();
        return action;
    }

    /** The 2020–22 cycle: year 1 due 4 January 2021, closed 31 August 2022. */
    @Transactional
    Cycle pastCycle() {
        Cycle cycle = Cycle.findById(fixtures.aCycle().withTool().create().id);
        cycle.year1Opens = LocalDate.of(2020, 9, 1);
        cycle.year1Due = LocalDate.of(2021, 1, 4);
        cycle.surveyOpens = LocalDate.of(2020, 9, 1);
        cycle.surveyCloses = LocalDate.of(2020, 12, 1);
        cycle.year2Due = LocalDate.of(2022, 1, 4);
        cycle.closes = LocalDate.of(2022, 8, 31);
        return cycle;
    }
}
