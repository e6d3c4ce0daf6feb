package org.s11portal.assessment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.s11portal.account.User;
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
import jakarta.transaction.Transactional;

/**
 * The agency lead's whole journey in a real Chromium: start, answer, try to submit a gap with no action
 * (blocked, and the error link leads to the fix), add a SMART action, submit. A screenshot per step,
 * axe-core on every page.
 */
@QuarkusTest
class SelfAssessmentJourneyBrowserTest extends BrowserTest {

    @Inject
    PortalClock clock;

    @Inject
    Fixtures fixtures;

    private static void step(Page page, String name) {
        Browser.screenshot(page, "journey-" + name);
        Browser.assertAccessible(page);
    }

    private static void signOffAndSubmit(Page page) {
        page.getByLabel("Senior officer's full name").fill("Dr Jane Senior");
        page.getByLabel("Their role").fill("Director of Nursing");
        page.getByLabel("This senior officer has signed off").check();
        click(page, AriaRole.BUTTON, "Submit self-assessment");
    }

    private static void fillDate(Page page, String field, LocalDate date) {
        page.locator("#" + field + "-day").fill(String.valueOf(date.getDayOfMonth()));
        page.locator("#" + field + "-month").fill(String.valueOf(date.getMonthValue()));
        page.locator("#" + field + "-year").fill(String.valueOf(date.getYear()));
    }

    private static void click(Page page, AriaRole role, String name) {
        page.getByRole(role, new Page.GetByRoleOptions().setName(name).setExact(true)).click();
    }

    @Test
    void fillTryToSubmitWithAGapFixItAndSubmit() {
        Cycle cycle = fixtures.aCycle().withTool().create();
        Agency agency = fixtures.anAgency().inAreas(Area.HAMPSHIRE, Area.SOUTHAMPTON).create();
        User lead = fixtures.lead(agency);

        Page page = browser.signedIn(lead.email, Fixtures.PASSWORD);
        step(page, "01-home");
        click(page, AriaRole.BUTTON, "Start your self-assessment");
        page.waitForURL("**/assessments/*");
        step(page, "02-task-list");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("T1 Test standard 1")).click();
        page.waitForURL("**/standards/T1");
        step(page, "03-standard-empty");
        page.getByLabel("Fully in place").first().check();
        page.locator("textarea[name$='-evidence']").nth(0).fill("Board minutes show quarterly safeguarding reports.");
        page.locator("textarea[name$='-impact']").nth(0).fill("Re-audit: 18 of 20 cases correct, up from 11.");
        page.getByLabel("Partly in place").nth(1).check();
        page.locator("textarea[name$='-evidence']").nth(1).fill("Staff survey: 60% know who to report to.");
        click(page, AriaRole.BUTTON, "Save and continue");
        page.waitForURL("**/standards/T2");

        for (int i = 0; i < 2; i++) {
            page.getByLabel("Fully in place").nth(i).check();
            page.locator("textarea[name$='-evidence']").nth(i).fill("Evidence " + i);
            page.locator("textarea[name$='-impact']").nth(i).fill("Impact " + i);
        }
        step(page, "04-standard-filled");
        click(page, AriaRole.BUTTON, "Save and continue");
        page.waitForURL("**/actions");
        step(page, "05-action-plan-gap");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Check answers and submit")).click();
        page.waitForURL("**/check");
        signOffAndSubmit(page);
        page.waitForSelector(".govuk-error-summary");
        assertTrue(page.textContent(".govuk-error-summary").contains("Standard 1, Test standard 1, is partly or not in place: add at least one SMART action"));
        step(page, "06-submit-blocked");

        page.locator(".govuk-error-summary a", new Page.LocatorOptions().setHasText("Standard 1, Test standard 1, is partly or not in place")).click();
        page.waitForURL("**/actions/new?standard=T1");
        assertEquals("T1", page.locator("#standard").inputValue());
        step(page, "07-new-action");
        page.getByLabel("The gap").fill("Not all staff know who to report concerns to.");
        page.getByLabel("Specific: what will be done").fill("Brief every team on the reporting route.");
        page.getByLabel("Measurable: how you will know it worked").fill("Survey: 90% know who to report to.");
        page.getByLabel("Owner (a role, such as Named Nurse, not a person's name)").fill("Named Nurse for Safeguarding");
        page.getByLabel("Achievable: resources it needs").fill("Two hours per team from the safeguarding team.");
        LocalDate start = clock.today();
        LocalDate target = clock.today().plusMonths(3);
        fillDate(page, "startDate", start);
        fillDate(page, "targetDate", target);
        click(page, AriaRole.BUTTON, "Save action");
        page.waitForURL("**/actions?saved=*");
        assertTrue(page.textContent("main").contains("SMART"));
        step(page, "08-action-plan-smart");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Check answers and submit")).click();
        page.waitForURL("**/check");
        step(page, "09-check-answers");
        signOffAndSubmit(page);
        page.waitForURL("**/submitted");
        assertTrue(page.textContent(".govuk-panel").contains("Self-assessment submitted"));
        step(page, "10-submitted");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("View and print what you submitted")).click();
        page.waitForURL("**/view?version=1");
        step(page, "11-view");
    }

    @Test
    void aDraftAutosavesWithoutPressingSave() {
        Cycle cycle = fixtures.aCycle().withTool().create();
        Agency agency = fixtures.anAgency().inAreas(Area.PORTSMOUTH).create();
        Assessment assessment = fixtures.anAssessment().forAgency(agency).inCycle(cycle).inProgress().create();
        User lead = fixtures.lead(agency);
        Page page = browser.signedIn(lead.email, Fixtures.PASSWORD);
        page.navigate("/assessments/" + assessment.id + "/standards/T1");
        page.locator("textarea[name$='-evidence']").first().fill("Typed, never saved by a button");
        page.waitForSelector("#autosave-status:has-text('Draft saved')");
        page.navigate("/assessments/" + assessment.id + "/standards/T1");
        assertEquals("Typed, never saved by a button", page.locator("textarea[name$='-evidence']").first().inputValue());
    }

}
