package org.s11portal.survey;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.s11portal.agency.Agency;
import org.s11portal.agency.Area;
import org.s11portal.common.config.PortalClock;
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
    PortalClock clock;

    @Inject
    Fixtures fixtures;

    @Test
    void aModeratorReadsClosedResultsAndTheSmallAgencyIsNowhere() {
        Cycle cycle = fixtures.aCycle().create();
        LocalDate today = clock.today();
        fixtures.surveyWindow(cycle, today.minusDays(30), today.minusDays(SurveyResultsService.DAYS_AFTER_CLOSING));
        Agency big = fixtures.anAgency().inAreas(Area.SOUTHAMPTON).create();
        Agency seven = fixtures.anAgency().inAreas(Area.SOUTHAMPTON, Area.HAMPSHIRE).create();
        Agency small = fixtures.anAgency().inAreas(Area.SOUTHAMPTON).create();
        fixtures.surveyResponses(10).forAgency(big).inCycle(cycle).areas("SOUTHAMPTON")
                .freeText("Written answer from the big agency").create();
        fixtures.surveyResponses(6).forAgency(big).inCycle(cycle).roleBand("MANAGER").areas("SOUTHAMPTON,HAMPSHIRE").create();
        fixtures.surveyResponses(7).forAgency(seven).inCycle(cycle).areas("HAMPSHIRE")
                .freeText("Written answer from the agency of seven").create();
        fixtures.surveyResponses(3).forAgency(small).inCycle(cycle).roleBand("SUPPORT").areas("SOUTHAMPTON")
                .freeText("Written answer from the small agency").create();

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
