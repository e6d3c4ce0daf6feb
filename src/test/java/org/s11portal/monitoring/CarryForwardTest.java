package org.s11portal.monitoring;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.s11portal.agency.Area;
import org.s11portal.assessment.ActionItem;
import org.s11portal.assessment.ActionStatus;
import org.s11portal.assessment.Assessment;
import org.s11portal.assessment.AssessmentState;
import org.s11portal.cycle.Cycle;
import org.s11portal.support.Fixtures;
import org.s11portal.support.WebSession;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * Carry-forward into the next cycle: the lead is offered only the open actions of the closed previous cycle, chooses,
 * and the copies are tagged "Carried from" that cycle; an action carried is not offered again.
 */
@QuarkusTest
class CarryForwardTest {

    @Inject
    Fixtures fixtures;

    @Inject
    YearTwoData data;

    @Test
    void theLeadCarriesTheChosenOpenActionsOfTheClosedCycleTaggedWithIt() {
        Cycle previousCycle = fixtures.aCycle().withTool().create();
        YearTwoData.Plan previous = data.plan(previousCycle, Area.HAMPSHIRE, AssessmentState.CLOSED, 4);
        data.openedYearsAgo(previousCycle, 2);
        data.setAction(previous.action(0), ActionStatus.COMPLETE, null, null);
        data.setAction(previous.action(1), ActionStatus.NO_LONGER_NEEDED, null, null);
        data.setAction(previous.action(2), ActionStatus.AT_RISK, null, null);
        data.setAction(previous.action(3), ActionStatus.ON_TRACK, null, null);
        setText(previous.action(2), "Train every team on thresholds");
        setText(previous.action(3), "Audit referrals each quarter");
        Cycle nextCycle = fixtures.aCycle().withTool().create();
        Assessment next = fixtures.anAssessment().forAgency(previous.agency()).inCycle(nextCycle).create();
        WebSession lead = WebSession.signedIn(previous.lead().email);
        String path = "/assessments/" + next.id + "/carry-actions";

        lead.get("/assessments/" + next.id + "/actions").then().statusCode(200).body(containsString(path));
        String offer = lead.get(path).then().statusCode(200).extract().asString();
        assertTrue(offer.contains("Train every team on thresholds") && offer.contains("Audit referrals each quarter"), offer);
        assertTrue(!offer.contains("value=\"" + previous.action(0) + "\"") && !offer.contains("value=\"" + previous.action(1) + "\""),
                "complete and no longer needed are not offered");

        lead.post(path, Map.of()).then().statusCode(400).body(containsString("Select the actions to carry"));
        lead.post(path, Map.of("actions", String.valueOf(previous.action(2)))).then().statusCode(303);

        List<ActionItem> carried = QuarkusTransaction.requiringNew().call(() -> ActionItem.list("assessment.id", next.id));
        assertEquals(1, carried.size(), "only the chosen action: nothing carried silently");
        assertEquals("Train every team on thresholds", carried.get(0).action);
        assertEquals(previousCycle.name, carried.get(0).carriedFrom);
        assertTrue(carried.get(0).carriedForward, "to review");
        assertEquals(AssessmentState.IN_PROGRESS, data.state(next), "carrying starts the self-assessment");
        lead.get("/assessments/" + next.id + "/actions").then().statusCode(200)
                .body(containsString("Carried from " + previousCycle.name));
        lead.get(path).then().statusCode(200).body(not(containsString("value=\"" + previous.action(2) + "\"")))
                .body(containsString("value=\"" + previous.action(3) + "\""));
        // an action of no previous cycle is ignored
        lead.post(path, Map.of("actions", String.valueOf(next.id + 100_000))).then().statusCode(400);
    }

    private static void setText(long actionId, String text) {
        QuarkusTransaction.requiringNew().run(() -> ActionItem.<ActionItem>findById(actionId).action = text);
    }
}
