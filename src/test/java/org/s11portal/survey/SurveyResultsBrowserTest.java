package org.s11portal.survey;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.s11portal.agency.Agency;
import org.s11portal.agency.Area;
import org.s11portal.cycle.Cycle;
import org.s11portal.support.Browser;
import org.s11portal.support.BrowserTest;
import org.s11portal.support.Fixtures;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The results page in Chromium: a moderator chooses a closed cycle and an agency; every state passes axe. */
@QuarkusTest
class SurveyResultsBrowserTest extends BrowserTest {

    @Inject
    Fixtures fixtures;

    @Test
    void aModeratorReadsClosedResultsAndTheSmallAgencyIsNowhere() {
        Cycle cycle = fixtures.liveCycle();
        fixtures.makeLive(cycle);
        LocalDate today = LocalDate.now();
        fixtures.surveyWindow(cycle, today.minusDays(30), today.minusDays(SurveyResultsService.DAYS_AFTER_CLOSING));
        Agency big = fixtures.agency(Area.SOUTHAMPTON);
        Agency seven = fixtures.agency(Area.SOUTHAMPTON, Area.HAMPSHIRE);
        Agency small = fixtures.agency(Area.SOUTHAMPTON);
        fixtures.surveyResponses(big, cycle, 10, "FRONTLINE", "SOUTHAMPTON", "Written answer from the big agency");
        fixtures.surveyResponses(big, cycle, 6, "MANAGER", "SOUTHAMPTON,HAMPSHIRE", null);
        fixtures.surveyResponses(seven, cycle, 7, "FRONTLINE", "HAMPSHIRE", "Written answer from the agency of seven");
        fixtures.surveyResponses(small, cycle, 3, "SUPPORT", "SOUTHAMPTON", "Written answer from the small agency");

        Page page = browser.signedIn(fixtures.moderator(Area.SOUTHAMPTON).email, Fixtures.PASSWORD);
        page.navigate("/survey-results");
        Browser.assertAccessible(page);
        page.selectOption("#cycle", String.valueOf(cycle.id));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show results")).click();
        page.waitForURL("**cycle=" + cycle.id + "**");
        String main = page.textContent("main");
        assertTrue(main.contains("23 responses"), main);
        assertTrue(main.contains("(1 agency here)"));
        assertTrue(main.contains("Written answer from the big agency"));
        assertFalse(main.contains("Written answer from the agency of seven"));
        assertFalse(main.contains("Written answer from the small agency"));
        Browser.screenshot(page, "survey-results-01-all-agencies");
        Browser.assertAccessible(page);

        page.selectOption("#agency", String.valueOf(small.id));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show results")).click();
        page.waitForURL("**agency=" + small.id + "**");
        assertTrue(page.textContent("main").contains("Fewer than 5 responses"));
        Browser.screenshot(page, "survey-results-02-small-agency");
        Browser.assertAccessible(page);
    }
}
