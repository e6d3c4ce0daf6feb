package org.s11portal.moderation;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.s11portal.agency.Agency;
import org.s11portal.agency.Area;
import org.s11portal.assessment.Assessment;
import org.s11portal.assessment.AssessmentState;
import org.s11portal.cycle.Cycle;
import org.s11portal.support.Fixtures;
import org.s11portal.support.PageCost;
import org.s11portal.support.WebSession;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The moderator's return form: one service call, so one transaction, whether it shows, refuses or returns. */
@QuarkusTest
class ReviewPageCostTest {

    @Inject
    Fixtures fixtures;

    @Inject
    PageCost cost;

    @Test
    void theReturnFormOpensOneTransactionToShowToRefuseAndToReturn() {
        Cycle cycle = fixtures.aCycle().withTool().create();
        Agency agency = fixtures.anAgency().inAreas(Area.PORTSMOUTH).create();
        Assessment assessment = fixtures.anAssessment().forAgency(agency).inCycle(cycle).inProgress().create();
        fixtures.answerAllFully(assessment, cycle);
        PageCost.submit(WebSession.signedIn(fixtures.lead(agency).email), assessment);
        WebSession moderator = WebSession.signedIn(fixtures.moderator(Area.PORTSMOUTH).email);
        String path = "/assessments/" + assessment.id + "/return";
        moderator.get(path).then().statusCode(200);

        assertTrue(cost.transactions(() -> moderator.get(path).then().statusCode(200)) <= 1, "the form: one transaction");
        assertTrue(cost.transactions(() -> moderator.post(path, Map.of("comment-overall", "")).then().statusCode(400)
                .body(containsString("Write at least one comment"))) <= 1, "a refused return: one transaction");
        assertTrue(cost.transactions(() -> moderator.post(path, Map.of("comment-T1", "Say more")).then().statusCode(303))
                <= 1, "a return: one transaction");
        assertTrue(cost.transactions(() -> moderator.post(path, Map.of("comment-T1", "Again")).then().statusCode(409))
                <= 1, "a return of what is no longer waiting: one transaction");
    }
}
