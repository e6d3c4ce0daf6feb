package org.s11portal.home;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.s11portal.account.User;
import org.s11portal.agency.Agency;
import org.s11portal.agency.Area;
import org.s11portal.assessment.Assessment;
import org.s11portal.cycle.Cycle;
import org.s11portal.support.Fixtures;
import org.s11portal.support.PageCost;
import org.s11portal.support.WebSession;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

@QuarkusTest
class LeadAgencyCostTest {

    @Inject
    Fixtures fixtures;

    @Inject
    PageCost cost;

    @Test
    void probe() {
        Cycle cycle = fixtures.aCycle().withTool().create();
        Agency agency = fixtures.anAgency().inAreas(Area.ISLE_OF_WIGHT).create();
        Assessment assessment = fixtures.anAssessment().forAgency(agency).inCycle(cycle).inProgress().create();
        User user = fixtures.lead(agency);
        WebSession lead = WebSession.signedIn(user.email);
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String path : new String[] {"/accessibility", "/home", "/assessments/" + assessment.id, "/staff-survey",
                "/survey-results", "/agencies/" + agency.id}) {
            lead.get(path).then().statusCode(200);
            counts.put(path + " statements", cost.statements(() -> lead.get(path).then().statusCode(200)));
            counts.put(path + " users", cost.entityLoads(User.class, () -> lead.get(path).then().statusCode(200)));
        }
        System.out.println("PROBE " + counts);
    }
}
