package org.s11portal.survey;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.s11portal.agency.Agency;
import org.s11portal.agency.Area;
import org.s11portal.common.config.PortalClock;
import org.s11portal.cycle.Cycle;
import org.s11portal.support.Fixtures;
import org.s11portal.support.WebSession;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * Each test is an attack an insider could make with what the results pages and CSVs show, and asserts that the
 * small group it aims at cannot be recovered. Each of them recovered the group before the disclosure rules of
 * docs/staff-survey-privacy.md ("Shown"): the comments say how.
 */
@QuarkusTest
class SurveyResultsAttackTest {

    static final int THRESHOLD = 5;

    @Inject
    PortalClock clock;

    @Inject
    Fixtures fixtures;

    /**
     * The attack of the issue: all agencies in scope, minus each agency in scope, leaves the small agency's answers.
     * Before: the all-agencies total counted the small agency (23), while its own page was hidden.
     */
    @Test
    void subtractingEachAgencyFromTheScopeTotalRecoversNothing() {
        Cycle cycle = closedCycle();
        Agency big1 = fixtures.anAgency().inAreas(Area.PORTSMOUTH).create();
        Agency big2 = fixtures.anAgency().inAreas(Area.PORTSMOUTH).create();
        Agency small = fixtures.anAgency().inAreas(Area.PORTSMOUTH).create();
        Agency elsewhere = fixtures.anAgency().inAreas(Area.HAMPSHIRE).create();
        fixtures.surveyResponses(12).forAgency(big1).inCycle(cycle).areas("PORTSMOUTH").create();
        fixtures.surveyResponses(8).forAgency(big2).inCycle(cycle).areas("PORTSMOUTH").create();
        fixtures.surveyResponses(3).forAgency(small).inCycle(cycle).areas("PORTSMOUTH").create();
        fixtures.surveyResponses(30).forAgency(elsewhere).inCycle(cycle).areas("HAMPSHIRE").create();
        WebSession moderator = WebSession.signedIn(fixtures.moderator(Area.PORTSMOUTH).email);

        Map<String, Long> all = counts(csv(moderator, cycle, null), "All");
        Map<String, Long> sumOfAgencies = new HashMap<>();
        for (Agency agency : List.of(big1, big2, small)) {
            counts(csv(moderator, cycle, agency), "All").forEach((k, v) -> sumOfAgencies.merge(k, v, Long::sum));
        }
        assertFalse(all.isEmpty());
        all.forEach((cell, count) -> assertEquals(count, sumOfAgencies.getOrDefault(cell, 0L),
                "all-agencies figure minus the agencies' own figures leaves something for " + cell));
        assertEquals(20L, responses(csv(moderator, cycle, null), "All"), "the small agency is not in the total");
        moderator.get("/survey-results?cycle=" + cycle.id).then().statusCode(200)
                .body(containsString("20 responses"))
                .body(containsString("(1 agency here)"));
        moderator.get("/survey-results?cycle=" + cycle.id + "&agency=" + small.id).then()
                .body(containsString("Fewer than 5 responses"))
                .body(not(containsString("app-chart__bar")));
    }

    /**
     * Free text: before, the all-agencies list held every comment once the scope had 10 answers, so a comment in it
     * but in no agency's own list came from the small agency.
     */
    @Test
    void differencingWrittenAnswersRecoversNoSmallAgencysComment() {
        Cycle cycle = closedCycle();
        Agency big = fixtures.anAgency().inAreas(Area.SOUTHAMPTON).create();
        Agency middle = fixtures.anAgency().inAreas(Area.SOUTHAMPTON).create();
        Agency small = fixtures.anAgency().inAreas(Area.SOUTHAMPTON).create();
        fixtures.surveyResponses(12).forAgency(big).inCycle(cycle).freeText("Comment from the big agency").create();
        fixtures.surveyResponses(7).forAgency(middle).inCycle(cycle).freeText("Comment from the middle agency").create();
        fixtures.surveyResponses(3).forAgency(small).inCycle(cycle).freeText("Comment from the small agency").create();
        WebSession moderator = WebSession.signedIn(fixtures.moderator(Area.SOUTHAMPTON).email);

        List<String> allList = comments(moderator.get("/survey-results?cycle=" + cycle.id).asString());
        List<String> union = new ArrayList<>();
        for (Agency agency : List.of(big, middle, small)) {
            union.addAll(comments(moderator.get("/survey-results?cycle=" + cycle.id + "&agency=" + agency.id).asString()));
        }
        assertEquals(12, allList.size());
        assertEquals(sorted(union), sorted(allList), "the all-agencies list is exactly the union of the agencies' lists");
        assertFalse(allList.contains("Comment from the small agency"));
        assertFalse(allList.contains("Comment from the middle agency"), "7 answers are fewer than the 10 free text needs");
    }

    /**
     * Overlapping groups: one answer may name several areas. Before, "Portsmouth" (11) and "Hampshire" (7) were both
     * shown and Portsmouth + Hampshire - total (17) gave the one person who named both, answer by answer.
     */
    @Test
    void overlappingAreasCannotBePlayedAgainstTheTotal() {
        Cycle cycle = closedCycle();
        Agency joint = fixtures.anAgency().inAreas(Area.PORTSMOUTH, Area.HAMPSHIRE).create();
        fixtures.surveyResponses(10).forAgency(joint).inCycle(cycle).areas("PORTSMOUTH").create();
        fixtures.surveyResponses(6).forAgency(joint).inCycle(cycle).areas("HAMPSHIRE").create();
        fixtures.surveyResponses(1).forAgency(joint).inCycle(cycle).roleBand("MANAGER").areas("HAMPSHIRE,PORTSMOUTH").create();
        WebSession moderator = WebSession.signedIn(fixtures.moderator(Area.PORTSMOUTH).email);
        List<List<String>> csv = csv(moderator, cycle, joint);

        assertNoSmallGroupDerivable(csv);
        Map<String, Long> groups = groupResponses(csv, "By area");
        assertEquals(Map.of("By area (each answer counted once, under the areas it gave): Portsmouth", 10L), groups);
        // The hidden combination is not even named: its row would say that someone works in both areas.
        assertFalse(csv.stream().anyMatch(row -> row.get(1).contains("Hampshire")));
        assertTrue(csv.stream().anyMatch(row -> row.get(1).endsWith(": Other groups") && row.get(4).startsWith("not shown")));
    }

    /**
     * Filters: the all-agencies "Manager" row minus one agency's "Manager" row. Before, the all-agencies row counted
     * every manager (6 + 1), the agency's 6 were shown, and the difference was the other agency's one manager.
     */
    @Test
    void breakdownRowsOfTheScopeAddUpOnlyWhatTheAgenciesShow() {
        Cycle cycle = closedCycle();
        Agency a = fixtures.anAgency().inAreas(Area.ISLE_OF_WIGHT).create();
        Agency b = fixtures.anAgency().inAreas(Area.ISLE_OF_WIGHT).create();
        fixtures.surveyResponses(10).forAgency(a).inCycle(cycle).create();
        fixtures.surveyResponses(6).forAgency(a).inCycle(cycle).roleBand("MANAGER").create();
        fixtures.surveyResponses(10).forAgency(b).inCycle(cycle).create();
        fixtures.surveyResponses(6).forAgency(b).inCycle(cycle).roleBand("SUPPORT").create();
        fixtures.surveyResponses(1).forAgency(b).inCycle(cycle).roleBand("MANAGER").create();
        WebSession moderator = WebSession.signedIn(fixtures.moderator(Area.ISLE_OF_WIGHT).email);

        List<List<String>> all = csv(moderator, cycle, null);
        Map<String, Long> sumOfAgencies = new HashMap<>();
        for (Agency agency : List.of(a, b)) {
            List<List<String>> own = csv(moderator, cycle, agency);
            assertNoSmallGroupDerivable(own);
            counts(own, null).forEach((k, v) -> sumOfAgencies.merge(k, v, Long::sum));
        }
        counts(all, null).forEach((cell, count) -> {
            if (!cell.startsWith("By sector")) {
                assertEquals(count, sumOfAgencies.getOrDefault(cell, 0L), "scope figure differs from the agencies' for " + cell);
            }
        });
        assertEquals(6L, groupResponses(all, "By role").get("By role: Manager"));
        assertEquals(33L, responses(all, "All"));
    }

    /**
     * Over time: before, a survey still open showed its results, so the page before and after one more answer gave
     * that answer away. Now nothing is shown until the second day after the survey closes.
     */
    @Test
    void comparingResultsBeforeAndAfterOneMoreAnswerShowsNothing() {
        Cycle earlier = closedCycle();
        Cycle cycle = fixtures.aCycle().create();
        Agency agency = fixtures.anAgency().inAreas(Area.HAMPSHIRE).create();
        fixtures.surveyResponses(8).forAgency(agency).inCycle(cycle).create();
        WebSession lead = WebSession.signedIn(fixtures.lead(agency).email);
        WebSession moderator = WebSession.signedIn(fixtures.moderator(Area.HAMPSHIRE).email);
        String before = main(lead.get("/survey-results?cycle=" + cycle.id).asString());
        String beforeModerator = main(moderator.get("/survey-results?cycle=" + cycle.id + "&agency=" + agency.id).asString());
        lead.get("/survey-results/results.csv?cycle=" + cycle.id).then().statusCode(404);

        fixtures.surveyResponses(1).forAgency(agency).inCycle(cycle).roleBand("MANAGER").freeText("One more answer").create();

        assertEquals(before, main(lead.get("/survey-results?cycle=" + cycle.id).asString()));
        assertEquals(beforeModerator, main(moderator.get("/survey-results?cycle=" + cycle.id + "&agency=" + agency.id).asString()));
        lead.get("/survey-results/results.csv?cycle=" + cycle.id).then().statusCode(404);
        moderator.get("/survey-results/results.csv?cycle=" + cycle.id + "&agency=" + agency.id).then().statusCode(404);
        assertTrue(before.contains("will be available from"));
        assertFalse(before.contains("app-chart__bar"));
        assertFalse(before.contains("responses."));
        assertTrue(before.contains("See the results of the "), "a link to a closed cycle's results, such as " + earlier.name);

        // Closed yesterday: late forms may still be arriving, nothing yet. Closed two days ago: the results, once.
        LocalDate today = clock.today();
        fixtures.surveyWindow(cycle, today.minusDays(30), today.minusDays(SurveyResultsService.DAYS_AFTER_CLOSING - 1));
        assertTrue(main(lead.get("/survey-results?cycle=" + cycle.id).asString()).contains("will be available from"));
        fixtures.surveyWindow(cycle, today.minusDays(30), today.minusDays(SurveyResultsService.DAYS_AFTER_CLOSING));
        lead.get("/survey-results?cycle=" + cycle.id).then().body(containsString("9 responses"));
    }

    // --- what an attacker does with the CSV -------------------------------------------------------

    /**
     * For each breakdown of a view: no shown group is under the threshold, and the total minus the shown groups (the
     * answers hidden in that breakdown) is either nobody or at least the threshold.
     */
    static void assertNoSmallGroupDerivable(List<List<String>> csv) {
        long total = responses(csv, "All");
        Map<String, Long> perBreakdown = new HashMap<>();
        groupResponses(csv, "By").forEach((group, n) -> {
            assertTrue(n >= THRESHOLD, group + " is shown with " + n + " answers");
            perBreakdown.merge(group.substring(0, group.indexOf(':')), n, Long::sum);
        });
        perBreakdown.forEach((breakdown, shown) -> {
            long hidden = total - shown;
            assertTrue(hidden == 0 || hidden >= THRESHOLD, breakdown + ": total minus shown groups is " + hidden + " answers");
            assertTrue(hidden >= 0, breakdown + ": the groups overlap (" + shown + " in rows, " + total + " in all)");
        });
    }

    static List<List<String>> csv(WebSession session, Cycle cycle, Agency agency) {
        String body = session.get("/survey-results/results.csv?cycle=" + cycle.id + (agency == null ? "" : "&agency=" + agency.id))
                .then().statusCode(200).extract().asString();
        List<List<String>> rows = parse(body);
        return rows.subList(1, rows.size());
    }

    /** Count per (group, question, answer), for one group ("All") or every group (null). */
    static Map<String, Long> counts(List<List<String>> csv, String group) {
        Map<String, Long> counts = new HashMap<>();
        for (List<String> row : csv) {
            if ((group == null || row.get(1).equals(group)) && !row.get(5).isEmpty()) {
                counts.put(row.get(1) + " | " + row.get(2) + " | " + row.get(3), Long.parseLong(row.get(5)));
            }
        }
        return counts;
    }

    /** The number of answers behind a group's figures. */
    static long responses(List<List<String>> csv, String group) {
        return csv.stream().filter(row -> row.get(1).equals(group) && !row.get(5).isEmpty())
                .mapToLong(row -> Long.parseLong(row.get(4))).findFirst().orElse(0);
    }

    /** Answers per shown group whose name starts with the prefix. */
    static Map<String, Long> groupResponses(List<List<String>> csv, String prefix) {
        Map<String, Long> groups = new HashMap<>();
        csv.stream().filter(row -> row.get(1).startsWith(prefix) && !row.get(5).isEmpty())
                .forEach(row -> groups.put(row.get(1), Long.parseLong(row.get(4))));
        return groups;
    }

    static List<List<String>> parse(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else if (c != '\r') {
                cell.append(c);
            }
        }
        return rows;
    }

    static List<String> comments(String page) {
        List<String> comments = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<li>(Comment from [^<]*)</li>").matcher(page);
        while (m.find()) {
            comments.add(m.group(1));
        }
        return comments;
    }

    static List<String> sorted(List<String> list) {
        return list.stream().sorted().toList();
    }

    /** The page's main content, without the parts that change with every request (session countdown, tokens). */
    static String main(String page) {
        int start = page.indexOf("<main");
        int end = page.indexOf("</main>");
        return page.substring(start, end).replaceAll("value=\"[^\"]*\"", "");
    }

    Cycle closedCycle() {
        Cycle cycle = fixtures.aCycle().create();
        LocalDate today = clock.today();
        fixtures.surveyWindow(cycle, today.minusDays(40), today.minusDays(SurveyResultsService.DAYS_AFTER_CLOSING));
        return cycle;
    }
}
