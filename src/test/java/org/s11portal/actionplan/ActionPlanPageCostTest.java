package org.s11portal.actionplan;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.s11portal.agency.Agency;
import org.s11portal.agency.Area;
import org.s11portal.assessment.Assessment;
import org.s11portal.assessment.AssessmentState;
import org.s11portal.cycle.Cycle;
import org.s11portal.support.Fixtures;
import org.s11portal.support.PageCost;
import org.s11portal.support.WebSession;
import org.s11portal.tool.Question;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** What the action plan page costs the database: the same whatever the number of standards and actions. */
@QuarkusTest
class ActionPlanPageCostTest {

    @Inject
    Fixtures fixtures;

    @Inject
    PageCost cost;

    @Test
    void theActionPlanCostsTheSameForOneOrThirtyActions() {
        Cycle small = fixtures.aCycle().withTool().create();
        Cycle big = fixtures.aCycle().withTool(6, 5).create();

        long oneAction = plan(small, 1);
        long manyActions = plan(big, 30);

        assertEquals(oneAction, manyActions, "the action plan must not cost a statement per standard or action");
        assertTrue(manyActions <= 6, "the action plan: " + manyActions + " statements");
    }

    @Test
    void aSubmittedActionPlanCostsTheSameForOneOrThirtyActions() {
        Cycle small = fixtures.aCycle().withTool().create();
        Cycle big = fixtures.aCycle().withTool(6, 5).create();

        long oneAction = submittedPlan(small, 1);
        long manyActions = submittedPlan(big, 30);

        assertEquals(oneAction, manyActions, "a submitted action plan must not cost a statement per standard or action");
        assertTrue(manyActions <= 7, "a submitted action plan: " + manyActions + " statements");
    }

    @Test
    void thePlanAndAnActionsPageOpenOneTransactionEach() {
        Cycle cycle = fixtures.aCycle().withTool().create();
        Agency agency = fixtures.anAgency().inAreas(Area.PORTSMOUTH).create();
        Assessment assessment = fixtures.anAssessment().forAgency(agency).inCycle(cycle).inProgress().create();
        long actionId = fixtures.anAction(assessment, fixtures.questions(cycle).get(0)).create().id;
        WebSession lead = WebSession.signedIn(fixtures.lead(agency).email);
        String plan = "/assessments/" + assessment.id + "/actions";
        for (String path : List.of(plan, plan + "/new", plan + "/" + actionId)) {
            lead.get(path).then().statusCode(200);
            assertTrue(cost.transactions(() -> lead.get(path).then().statusCode(200)) <= 1, path + ": one transaction");
        }
        assertTrue(cost.transactions(() -> lead.post(plan, java.util.Map.of("standard", "NOT_A_STANDARD"))
                .then().statusCode(400)) <= 1, "a refused action: one transaction");
    }

    private long plan(Cycle cycle, int actions) {
        Agency agency = fixtures.anAgency().inAreas(Area.PORTSMOUTH).create();
        Assessment assessment = fixtures.anAssessment().forAgency(agency).inCycle(cycle).inProgress().create();
        addActions(assessment, cycle, actions);
        WebSession lead = WebSession.signedIn(fixtures.lead(agency).email);
        String path = "/assessments/" + assessment.id + "/actions";
        lead.get(path).then().statusCode(200);
        return cost.statements(() -> lead.get(path).then().statusCode(200).body(containsString("plan-T1")));
    }

    private long submittedPlan(Cycle cycle, int actions) {
        Agency agency = fixtures.anAgency().inAreas(Area.PORTSMOUTH).create();
        Assessment assessment = fixtures.anAssessment().forAgency(agency).inCycle(cycle).inProgress().create();
        fixtures.answerAllFully(assessment, cycle);
        addActions(assessment, cycle, actions);
        WebSession lead = WebSession.signedIn(fixtures.lead(agency).email);
        PageCost.submit(lead, assessment);
        String path = "/assessments/" + assessment.id + "/actions";
        lead.get(path).then().statusCode(200);
        return cost.statements(() -> lead.get(path).then().statusCode(200).body(containsString("submitted on")));
    }

    private void addActions(Assessment assessment, Cycle cycle, int count) {
        List<Question> questions = fixtures.questions(cycle);
        for (int i = 0; i < count; i++) {
            fixtures.anAction(assessment, questions.get(i % questions.size())).create();
        }
    }
}
