package org.s11portal.monitoring;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.s11portal.agency.Area;
import org.s11portal.assessment.AssessmentState;
import org.s11portal.cycle.Cycle;
import org.s11portal.support.Fixtures;
import org.s11portal.support.WebSession;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * Year 2 of a cycle is about the agencies taking part in it: an agency in the moderator's scope that does not take part
 * is on none of the overview, its filters and totals, the CSV or the API, even with an assessment in year 2 (recorded
 * before it was taken out of the cycle).
 */
@QuarkusTest
class MonitoringParticipationTest {

    @Inject
    Fixtures fixtures;

    @Inject
    YearTwoData data;

    @Test
    void anAgencyNotTakingPartIsOnNoneOfTheOverviewCsvAndApi() {
        Cycle cycle = fixtures.aCycle().withTool().create();
        YearTwoData.Plan taking = data.plan(cycle, Area.SOUTHAMPTON, AssessmentState.MONITORING, 1);
        YearTwoData.Plan notTaking = data.plan(cycle, Area.SOUTHAMPTON, AssessmentState.MONITORING, 1);
        fixtures.takeOutOf(cycle, notTaking.agency());
        WebSession moderator = WebSession.signedIn(fixtures.moderator(Area.SOUTHAMPTON).email);

        for (String page : List.of("/monitoring?cycle=" + cycle.id, "/monitoring?cycle=" + cycle.id + "&area=SOUTHAMPTON",
                "/monitoring/rows.csv?cycle=" + cycle.id)) {
            String body = moderator.get(page).then().statusCode(200).extract().asString();
            assertTrue(body.contains(taking.agency().name), page + " lists the agency taking part");
            assertFalse(body.contains(notTaking.agency().name), page + " lists an agency not taking part");
        }
        moderator.api().get("/api/v1/monitoring?cycle=" + cycle.id).then().statusCode(200)
                .body(containsString(taking.agency().name), not(containsString(notTaking.agency().name)));
    }
}
