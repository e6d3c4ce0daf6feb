package org.s11portal.survey;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.s11portal.agency.Agency;
import org.s11portal.agency.Area;
import org.s11portal.common.config.PortalClock;
import org.s11portal.cycle.Cycle;
import org.s11portal.support.Fixtures;
import org.s11portal.support.PageCost;
import org.s11portal.support.WebSession;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** What the survey results page costs the database: the same however many agencies and answers it adds up. */
@QuarkusTest
class SurveyResultsPageCostTest {

    @Inject
    Fixtures fixtures;

    @Inject
    PageCost cost;

    @Inject
    PortalClock clock;

    @Test
    void aModeratorsResultsCostTheSameForOneOrSixAgencies() {
        Cycle cycle = fixtures.aCycle().create();
        LocalDate today = clock.today();
        fixtures.surveyWindow(cycle, today.minusDays(30), today.minusDays(SurveyResultsService.DAYS_AFTER_CLOSING));
        Agency first = fixtures.anAgency().inAreas(Area.HAMPSHIRE).create();
        fixtures.surveyResponses(12).forAgency(first).inCycle(cycle).areas("HAMPSHIRE").freeText("More supervision please").create();
        WebSession moderator = WebSession.signedIn(fixtures.moderator(Area.HAMPSHIRE).email);
        String path = "/survey-results?cycle=" + cycle.id;
        moderator.get(path).then().statusCode(200);
        long oneAgency = cost.statements(() -> moderator.get(path).then().statusCode(200).body(containsString("12 responses")));

        for (int i = 0; i < 5; i++) {
            Agency agency = fixtures.anAgency().inAreas(Area.HAMPSHIRE, Area.SOUTHAMPTON).create();
            fixtures.surveyResponses(11).forAgency(agency).inCycle(cycle).roleBand(i % 2 == 0 ? "MANAGER" : "FRONTLINE").areas("SOUTHAMPTON").freeText("Written " + i).create();
        }
        moderator.get(path).then().statusCode(200);
        long sixAgencies = cost.statements(() -> moderator.get(path).then().statusCode(200).body(containsString("67 responses")));

        assertEquals(oneAgency, sixAgencies, "the results must not cost a statement per agency or answer");
        assertTrue(sixAgencies <= 8, "the survey results: " + sixAgencies + " statements");

        WebSession lead = WebSession.signedIn(fixtures.lead(first).email);
        lead.get(path).then().statusCode(200);
        long leads = cost.statements(() -> lead.get(path).then().statusCode(200).body(containsString("12 responses")));
        assertTrue(leads <= 8, "a lead's survey results: " + leads + " statements");
    }
}
