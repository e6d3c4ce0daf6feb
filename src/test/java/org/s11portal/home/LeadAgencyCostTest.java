package org.s11portal.home;

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

/**
 * Leading several agencies costs no statement: the session's one statement says which agency the lead works for, and
 * the user is loaded once, with their agencies. The counts are those the pages had when a lead had one agency.
 */
@QuarkusTest
class LeadAgencyCostTest {

    /**
     * Statements per page of a lead of one agency: what they were before leads could have several agencies, plus one
     * on the task list (whether an earlier cycle's answers can be carried forward, asked while nothing is answered)
     * and one on the staff survey and its results (whether the agency takes part in the cycle).
     */
    static final Map<String, Long> ONE_AGENCY = new LinkedHashMap<>();

    static {
        ONE_AGENCY.put("/accessibility", 1L);
        ONE_AGENCY.put("/home", 5L);
        ONE_AGENCY.put("/assessment", 8L);
        ONE_AGENCY.put("/staff-survey", 6L);
        ONE_AGENCY.put("/survey-results", 5L);
        ONE_AGENCY.put("/agency", 6L);
    }

    @Inject
    Fixtures fixtures;

    @Inject
    PageCost cost;

    @Test
    void aLeadOfOneAgencyCostsWhatTheirPagesAlwaysCost() {
        Cycle cycle = fixtures.aCycle().withTool().create();
        Agency agency = fixtures.anAgency().inAreas(Area.ISLE_OF_WIGHT).create();
        Assessment assessment = fixtures.anAssessment().forAgency(agency).inCycle(cycle).inProgress().create();

        assertCosts(WebSession.signedIn(fixtures.lead(agency).email), assessment, agency);
    }

    @Test
    void aLeadOfThreeAgenciesCostsTheSameWhicheverTheyWorkFor() {
        Cycle cycle = fixtures.aCycle().withTool().create();
        Agency agency = fixtures.anAgency().inAreas(Area.ISLE_OF_WIGHT).create();
        Agency other = fixtures.anAgency().inAreas(Area.PORTSMOUTH, Area.SOUTHAMPTON).create();
        Assessment assessment = fixtures.anAssessment().forAgency(agency).inCycle(cycle).inProgress().create();
        WebSession lead = WebSession.signedIn(fixtures.leadOf(agency, other, fixtures.anAgency().create()).email);
        lead.post("/account/agency", Map.of("agencyId", String.valueOf(agency.id))).then().statusCode(303);

        assertCosts(lead, assessment, agency);
    }

    private void assertCosts(WebSession lead, Assessment assessment, Agency agency) {
        Map<String, String> paths = Map.of("/accessibility", "/accessibility", "/home", "/home", "/assessment",
                "/assessments/" + assessment.id, "/staff-survey", "/staff-survey", "/survey-results", "/survey-results",
                "/agency", "/agencies/" + agency.id);
        Map<String, Long> statements = new LinkedHashMap<>();
        ONE_AGENCY.keySet().forEach(page -> {
            String path = paths.get(page);
            lead.get(path).then().statusCode(200);
            statements.put(page, cost.statements(() -> lead.get(path).then().statusCode(200)));
            long userLoads = cost.entityLoads(User.class, () -> lead.get(path).then().statusCode(200));
            assertEquals(page.equals("/accessibility") ? 0 : 1, userLoads, page + ": the user is loaded once, or not at all");
        });
        assertEquals(ONE_AGENCY, statements);
    }
}
