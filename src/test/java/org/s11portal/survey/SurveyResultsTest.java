package org.s11portal.survey;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.s11portal.agency.Agency;
import org.s11portal.agency.Area;
import org.s11portal.cycle.Cycle;
import org.s11portal.support.Fixtures;
import org.s11portal.support.WebSession;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

@QuarkusTest
class SurveyResultsTest {

    @Inject
    Fixtures fixtures;

    @Test
    void groupsUnderTheThresholdAreSuppressed() {
        // Two small groups hidden together already add up to the threshold: nothing else needs hiding.
        assertEquals(Set.of("managers", "support"),
                SurveyResults.suppressedGroups(Map.of("frontline", 40L, "managers", 3L, "support", 2L), 5));
        assertEquals(Set.of(), SurveyResults.suppressedGroups(Map.of("a", 5L, "b", 9L), 5));
    }

    @Test
    void aSingleSmallGroupCannotBeWorkedOutByTakingTheOthersFromTheTotal() {
        // 20 people: 17 frontline and 3 managers. Hiding only the managers would reveal them as 20 - 17.
        assertEquals(Set.of("frontline", "managers"), SurveyResults.suppressedGroups(Map.of("frontline", 17L, "managers", 3L), 5));
        // With a third group, the smallest shown group is hidden too: 3 + 6 hidden, 30 still shown.
        assertEquals(Set.of("managers", "support"),
                SurveyResults.suppressedGroups(Map.of("frontline", 30L, "managers", 3L, "support", 6L), 5));
        // Two small groups that add up to less than the threshold pull in a third.
        assertEquals(Set.of("a", "b", "c"), SurveyResults.suppressedGroups(Map.of("a", 1L, "b", 2L, "c", 8L, "d", 40L), 5));
    }

    @Test
    void anAgencyWithFewerThanFiveAnswersShowsNoResultsToItsLeadOrModerators() {
        Cycle cycle = liveCycleWithResponses();
        Agency small = fixtures.agency(Area.PORTSMOUTH);
        fixtures.surveyResponses(small, cycle, 3, "FRONTLINE", null, null);
        WebSession.signedIn(fixtures.lead(small).email).get("/survey-results").then().statusCode(200)
                .body(containsString("Fewer than 5 responses"))
                .body(not(containsString("app-chart__bar")));
        WebSession moderator = WebSession.signedIn(fixtures.moderator(Area.PORTSMOUTH).email);
        moderator.get("/survey-results?agency=" + small.id).then().body(containsString("Fewer than 5 responses"));
        moderator.get("/survey-results/results.csv?agency=" + small.id).then()
                .body(containsString("fewer than 5 responses")).body(not(containsString("\"Yes\"")));
    }

    @Test
    void anAgencyLeadSeesChartsTablesBreakdownsAndTheHipsComparison() {
        Cycle cycle = liveCycleWithResponses();
        Agency agency = fixtures.agency(Area.HAMPSHIRE);
        fixtures.surveyResponses(agency, cycle, 12, "FRONTLINE", null, "More supervision please");
        fixtures.surveyResponses(agency, cycle, 2, "MANAGER", null, null);
        WebSession lead = WebSession.signedIn(fixtures.lead(agency).email);
        String page = lead.get("/survey-results").then().statusCode(200)
                .body(containsString("14 responses"))
                .body(containsString("app-chart__bar"))
                .body(containsString("HIPS"))
                .body(containsString("By role"))
                .body(containsString("More supervision please"))
                .extract().asString();
        // Managers (2) are suppressed, and so are frontline (12): otherwise 14 - 12 gives the managers away.
        assertTrue(page.contains("Manager</th>\n      \n      <td class=\"govuk-table__cell\" colspan=\"14\">fewer than 5 responses")
                || page.replaceAll("\\s+", " ").contains("Manager</th> <td class=\"govuk-table__cell\" colspan=\"14\">fewer than 5 responses"));
        assertTrue(page.replaceAll("\\s+", " ").contains("Frontline practitioner</th> <td class=\"govuk-table__cell\" colspan=\"14\">fewer than 5 responses"));
    }

    @Test
    void freeTextNeedsTenAnswersAndCsvCellsCannotRunAsFormulas() {
        Cycle cycle = liveCycleWithResponses();
        Agency agency = fixtures.agency(Area.SOUTHAMPTON);
        fixtures.surveyResponses(agency, cycle, 6, "FRONTLINE", null, "=HYPERLINK(\"http://evil.example\")");
        WebSession lead = WebSession.signedIn(fixtures.lead(agency).email);
        lead.get("/survey-results").then().body(containsString("shown only when at least 10 people have answered"))
                .body(not(containsString("evil.example")));
        assertEquals("\"'=SUM(A1)\"", SurveyCsv.cell("=SUM(A1)"));
        assertEquals("\"say \"\"hi\"\"\"", SurveyCsv.cell("say \"hi\""));
    }

    Cycle liveCycleWithResponses() {
        Cycle cycle = fixtures.liveCycle();
        fixtures.makeLive(cycle);
        return cycle;
    }

}
