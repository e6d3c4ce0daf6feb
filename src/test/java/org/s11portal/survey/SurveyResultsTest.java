package org.s11portal.survey;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.s11portal.agency.Agency;
import org.s11portal.agency.Area;
import org.s11portal.common.config.PortalClock;
import org.s11portal.cycle.Cycle;
import org.s11portal.support.Fixtures;
import org.s11portal.support.WebSession;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

@QuarkusTest
class SurveyResultsTest {

    @Inject
    PortalClock clock;

    @Inject
    Fixtures fixtures;

    @Test
    void groupsUnderTheThresholdAreSuppressed() {
        // Two small groups hidden together already add up to the threshold: nothing else needs hiding.
        assertEquals(Set.of("frontline"), SurveyResults.shownGroups(Map.of("frontline", 40L, "managers", 3L, "support", 2L), 5));
        assertEquals(Set.of("a", "b"), SurveyResults.shownGroups(Map.of("a", 5L, "b", 9L), 5));
        assertEquals(Set.of(), SurveyResults.shownGroups(Map.of(), 5));
    }

    @Test
    void aSingleSmallGroupCannotBeWorkedOutByTakingTheOthersFromTheTotal() {
        // 20 people: 17 frontline and 3 managers. Hiding only the managers would reveal them as 20 - 17.
        assertEquals(Set.of(), SurveyResults.shownGroups(Map.of("frontline", 17L, "managers", 3L), 5));
        // With a third group, the smallest shown group is hidden too: 3 + 6 hidden, 30 still shown.
        assertEquals(Set.of("frontline"), SurveyResults.shownGroups(Map.of("frontline", 30L, "managers", 3L, "support", 6L), 5));
        // Two small groups that add up to less than the threshold pull in a third.
        assertEquals(Set.of("d"), SurveyResults.shownGroups(Map.of("a", 1L, "b", 2L, "c", 8L, "d", 40L), 5));
        // A group of exactly the threshold is shown; no group of 1 to 4 is ever shown.
        assertEquals(Set.of("a", "b"), SurveyResults.shownGroups(Map.of("a", 5L, "b", 5L), 5));
    }

    @Test
    void whatIsHiddenInABreakdownIsNeverASmallGroup() {
        // Every split of up to 34 answers into up to 4 groups: the hidden groups add up to 0 or at least 5.
        for (int a = 0; a <= 12; a++) {
            for (int b = 0; b <= 12; b++) {
                for (int c = 0; c <= 6; c++) {
                    for (int d = 0; d <= 4; d++) {
                        Map<String, Long> sizes = new java.util.HashMap<>();
                        long[] n = { a, b, c, d };
                        for (int i = 0; i < 4; i++) {
                            if (n[i] > 0) {
                                sizes.put("g" + i, n[i]);
                            }
                        }
                        Set<String> shown = SurveyResults.shownGroups(sizes, 5);
                        long hidden = sizes.entrySet().stream().filter(e -> !shown.contains(e.getKey())).mapToLong(Map.Entry::getValue).sum();
                        // All hidden: the breakdown shows nothing beyond the total, which is itself never under the threshold.
                        assertTrue(hidden == 0 || hidden >= 5 || shown.isEmpty(), sizes + " hides " + hidden);
                        assertTrue(shown.stream().allMatch(g -> sizes.get(g) >= 5), sizes + " shows a small group");
                    }
                }
            }
        }
    }

    @Test
    void overlappingAreasAreCountedOnceUnderTheirExactCombination() {
        assertEquals("Portsmouth", SurveyResults.areasLabel("PORTSMOUTH"));
        assertEquals("Hampshire and Portsmouth", SurveyResults.areasLabel("PORTSMOUTH,HAMPSHIRE"));
        assertEquals("Hampshire, Isle of Wight and Southampton", SurveyResults.areasLabel("SOUTHAMPTON,HAMPSHIRE,ISLE_OF_WIGHT"));
        assertEquals("Not given", SurveyResults.areasLabel(null));
    }

    @Test
    void anAgencyWithFewerThanFiveAnswersShowsNoResultsToItsLeadOrModerators() {
        Cycle cycle = liveCycleWithResponses();
        Agency small = fixtures.anAgency().inAreas(Area.PORTSMOUTH).create();
        fixtures.surveyResponses(3).forAgency(small).inCycle(cycle).create();
        WebSession.signedIn(fixtures.lead(small).email).get("/survey-results?cycle=" + cycle.id).then().statusCode(200)
                .body(containsString("Fewer than 5 responses"))
                .body(not(containsString("app-chart__bar")));
        WebSession moderator = WebSession.signedIn(fixtures.moderator(Area.PORTSMOUTH).email);
        moderator.get("/survey-results?cycle=" + cycle.id + "&agency=" + small.id).then().body(containsString("Fewer than 5 responses"));
        moderator.get("/survey-results/results.csv?cycle=" + cycle.id + "&agency=" + small.id).then()
                .body(containsString("fewer than 5 responses")).body(not(containsString("\"Yes\"")));
    }

    @Test
    void anAgencyLeadSeesChartsTablesBreakdownsAndTheHipsComparison() {
        Cycle cycle = liveCycleWithResponses();
        Agency agency = fixtures.anAgency().inAreas(Area.HAMPSHIRE).create();
        fixtures.surveyResponses(12).forAgency(agency).inCycle(cycle).freeText("More supervision please").create();
        fixtures.surveyResponses(2).forAgency(agency).inCycle(cycle).roleBand("MANAGER").create();
        WebSession lead = WebSession.signedIn(fixtures.lead(agency).email);
        String page = lead.get("/survey-results?cycle=" + cycle.id).then().statusCode(200)
                .body(containsString("14 responses"))
                .body(containsString("app-chart__bar"))
                .body(containsString("HIPS"))
                .body(containsString("By role"))
                .body(containsString("More supervision please"))
                .extract().asString();
        // Managers (2) are suppressed, and so are frontline (12): otherwise 14 - 12 gives the managers away.
        String flat = page.replaceAll("\\s+", " ");
        // Neither group is named: a "Manager" row, even empty, would say that a manager took part.
        assertTrue(flat.contains("<h2 class=\"govuk-heading-m\">By role</h2>"));
        assertTrue(flat.contains("Other groups</th> <td class=\"govuk-table__cell\" colspan=\"14\">not shown"));
        assertFalse(flat.contains("Manager</th>"));
        assertFalse(flat.contains("Frontline practitioner</th>"));
    }

    @Test
    void freeTextNeedsTenAnswersAndCsvCellsCannotRunAsFormulas() {
        Cycle cycle = liveCycleWithResponses();
        Agency agency = fixtures.anAgency().inAreas(Area.SOUTHAMPTON).create();
        fixtures.surveyResponses(6).forAgency(agency).inCycle(cycle).freeText("=HYPERLINK(\"http://evil.example\")").create();
        WebSession lead = WebSession.signedIn(fixtures.lead(agency).email);
        lead.get("/survey-results?cycle=" + cycle.id).then().body(containsString("shown only from agencies where at least 10 people have answered"))
                .body(not(containsString("evil.example")));
        assertEquals("\"'=SUM(A1)\"", org.s11portal.common.web.Csv.cell("=SUM(A1)"));
        assertEquals("\"say \"\"hi\"\"\"", org.s11portal.common.web.Csv.cell("say \"hi\""));
    }

    @Test
    void everyViewWorksWithNoAnswersAtAll() {
        Cycle cycle = liveCycleWithResponses();
        Agency agency = fixtures.anAgency().inAreas(Area.ISLE_OF_WIGHT).create();
        WebSession lead = WebSession.signedIn(fixtures.lead(agency).email);
        lead.get("/survey-results?cycle=" + cycle.id).then().statusCode(200).body(containsString("Fewer than 5 responses"));
        lead.get("/survey-results/results.csv?cycle=" + cycle.id).then().statusCode(200).body(containsString("fewer than 5 responses"));
        WebSession moderator = WebSession.signedIn(fixtures.moderator(Area.ISLE_OF_WIGHT).email);
        moderator.get("/survey-results?cycle=" + cycle.id).then().statusCode(200).body(containsString("Fewer than 5 responses"));
        moderator.get("/survey-results").then().statusCode(200);
        moderator.get("/survey-results?cycle=999999999").then().statusCode(404);
    }

    /** A cycle whose survey closed long enough ago for its results to be shown. */
    Cycle liveCycleWithResponses() {
        Cycle cycle = fixtures.aCycle().create();
        LocalDate today = clock.today();
        fixtures.surveyWindow(cycle, today.minusDays(30), today.minusDays(SurveyResultsService.DAYS_AFTER_CLOSING));
        return cycle;
    }

}
