package org.s11portal.actionplan;

import static org.hamcrest.Matchers.containsString;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.s11portal.agency.Agency;
import org.s11portal.agency.Area;
import org.s11portal.assessment.Assessment;
import org.s11portal.cycle.Cycle;
import org.s11portal.support.Fixtures;
import org.s11portal.support.WebSession;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The action plan pages cope with an action saved before it is complete. */
@QuarkusTest
class ActionPlanPagesTest {

    @Inject
    Fixtures fixtures;

    @Test
    void anActionSavedWithoutDatesStillShowsOnThePlan() {
        Agency agency = fixtures.anAgency().inAreas(Area.PORTSMOUTH).create();
        Cycle cycle = fixtures.aCycle().withTool().create();
        Assessment assessment = fixtures.anAssessment().forAgency(agency).inCycle(cycle).inProgress().create();
        WebSession lead = WebSession.signedIn(fixtures.lead(agency).email);
        String plan = "/assessments/" + assessment.id + "/actions";

        lead.get(plan + "/new?standard=T1").then().statusCode(200);
        lead.post(plan, Map.of("standard", "T1", "action", "Train every new starter")).then().statusCode(303);

        lead.get(plan).then().statusCode(200)
                .body(containsString("Train every new starter"))
                .body(containsString("No start date yet"))
                .body(containsString("no target date yet"));
    }
}
