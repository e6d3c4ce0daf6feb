package org.s11portal.survey;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.s11portal.agency.Agency;
import org.s11portal.agency.Area;
import org.s11portal.common.config.PortalClock;
import org.s11portal.cycle.Cycle;
import org.s11portal.support.Fixtures;
import org.s11portal.support.WebSession;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The results page's question filter and the pages of written answers, over HTTP: never a 500. */
@QuarkusTest
class SurveyResultsPagingTest {

    @Inject
    PortalClock clock;

    @Inject
    Fixtures fixtures;

    @Test
    void theQuestionFilterShowsOneQuestionAndExplainsAnUnknownOne() {
        Cycle cycle = closedCycle();
        Agency agency = fixtures.anAgency().inAreas(Area.PORTSMOUTH).create();
        fixtures.surveyResponses(12).forAgency(agency).inCycle(cycle).areas("PORTSMOUTH").freeText("A written answer").create();
        WebSession lead = WebSession.signedIn(fixtures.lead(agency).email);
        String base = "/survey-results?cycle=" + cycle.id;

        String one = lead.get(base + "&question=3").then().statusCode(200)
                .body(containsString("3. I know what to do and who to contact"))
                .body(not(containsString("1. I know who the safeguarding lead")))
                .body(not(containsString("A written answer")))
                .body(not(containsString("govuk-error-summary")))
                .extract().asString();
        assertEquals(1, count(one, "class=\"app-result\""));
        assertTrue(one.contains("<option value=\"3\" selected>"), "the filter keeps the chosen question");

        for (String bad : List.of("99", "0", "abc", "1%27%20or%201=1", "-1")) {
            String all = lead.get(base + "&question=" + bad).then().statusCode(200)
                    .body(containsString("govuk-error-summary"))
                    .body(containsString("<a href=\"#question\">Choose a question from the list, or all questions</a>"))
                    .body(containsString("govuk-select--error"))
                    .body(containsString("<title>Error: Staff survey results"))
                    .extract().asString();
            assertEquals(SurveyDefinition.QUESTIONS.size(), count(all, "class=\"app-result\""), "everything is shown for " + bad);
        }

        lead.get(base + "&question=written").then().statusCode(200)
                .body(containsString("A written answer"))
                .body(not(containsString("app-chart__bar")))
                .body(not(containsString("By role")));
        lead.get(base + "&question=").then().statusCode(200).body(not(containsString("govuk-error-summary")));
    }

    @Test
    void writtenAnswersComeTwentyFiveAPageInOneOrderAndABadPageIsNotFound() {
        Cycle cycle = closedCycle();
        Agency agency = fixtures.anAgency().inAreas(Area.ISLE_OF_WIGHT).create();
        for (int i = 1; i <= 30; i++) {
            fixtures.surveyResponses(1).forAgency(agency).inCycle(cycle).areas("ISLE_OF_WIGHT")
                    .freeText("Paged answer number " + i).create();
        }
        WebSession moderator = WebSession.signedIn(fixtures.moderator(Area.ISLE_OF_WIGHT).email);
        String base = "/survey-results?cycle=" + cycle.id + "&agency=" + agency.id;

        List<String> first = answers(moderator.get(base).then().statusCode(200).extract().asString());
        List<String> page1 = answers(moderator.get(base + "&comments=1").then().statusCode(200)
                .body(containsString("Answers 1 to 25 of 30"))
                .body(containsString("aria-current=\"page\""))
                .body(containsString("comments=2#comments"))
                .extract().asString());
        List<String> page2 = answers(moderator.get(base + "&comments=2").then().statusCode(200)
                .body(containsString("Answers 26 to 30 of 30"))
                .extract().asString());
        assertEquals(25, first.size());
        assertEquals(first, page1, "the order is the view's, the same on every request");
        assertEquals(page1, answers(moderator.get(base + "&comments=1").asString()));
        assertEquals(5, page2.size());
        List<String> both = new ArrayList<>(page1);
        both.addAll(page2);
        assertEquals(30, new HashSet<>(both).size(), "no answer repeats or is skipped across the pages");

        for (String bad : List.of("0", "-2", "3", "abc", "99999999999", "1.5")) {
            moderator.get(base + "&comments=" + bad).then().statusCode(404).body(containsString("Page not found"));
        }
        moderator.get(base + "&comments=").then().statusCode(200);
    }

    @Test
    void everyRowOfTheComparisonHasItsHipsCellAndBreakdownsAreHeadedInWords() {
        Cycle cycle = closedCycle();
        Agency agency = fixtures.anAgency().inAreas(Area.HAMPSHIRE).create();
        fixtures.surveyResponses(12).forAgency(agency).inCycle(cycle).areas("HAMPSHIRE").create();
        String page = WebSession.signedIn(fixtures.lead(agency).email).get("/survey-results?cycle=" + cycle.id).then()
                .statusCode(200).extract().asString();
        // The answers alternate between the first two options: the others are at 0 %, in this agency and HIPS-wide.
        int bars = SurveyDefinition.QUESTIONS.stream().mapToInt(q -> q.options().size()).sum();
        assertEquals(bars, count(page, "govuk-table__cell--numeric app-secondary\">"), "one HIPS cell per answer row");
        assertTrue(page.contains("app-secondary\">0%</td>"), "a share of 0 % is shown, not left out");
        assertTrue(page.contains("Q1</span> Knows the lead</th>"), "breakdown columns are headed in words");
    }

    static List<String> answers(String page) {
        List<String> answers = new ArrayList<>();
        Matcher m = Pattern.compile("<li>(Paged answer number \\d+)</li>").matcher(page);
        while (m.find()) {
            answers.add(m.group(1));
        }
        return answers;
    }

    static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
            n++;
        }
        return n;
    }

    Cycle closedCycle() {
        Cycle cycle = fixtures.aCycle().create();
        LocalDate today = clock.today();
        fixtures.surveyWindow(cycle, today.minusDays(40), today.minusDays(SurveyResultsService.DAYS_AFTER_CLOSING));
        return cycle;
    }
}
