package org.s11portal.cycleadmin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.s11portal.agency.Agency;
import org.s11portal.agency.Area;
import org.s11portal.common.config.PortalClock;
import org.s11portal.cycle.Cycle;
import org.s11portal.support.Browser;
import org.s11portal.support.BrowserTest;
import org.s11portal.support.Fixtures;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * In a real Chromium, with axe on every page: the HIPS admin sets up a cycle from nothing (create, a mistake shown and
 * corrected, check, open), the lead of an agency taking part starts their self-assessment, and the admin adds a
 * checkpoint, extends the due date and closes the cycle.
 */
@QuarkusTest
class CycleAdminBrowserTest extends BrowserTest {

    @Inject
    Fixtures fixtures;

    @Inject
    PortalClock clock;

    @AfterEach
    void closeOurCycles() {
        QuarkusTransaction.requiringNew().run(() -> Cycle.update("status = ?1 where name like ?2 and status = ?3",
                Cycle.Status.CLOSED, CycleAdminTest.PREFIX + "%", Cycle.Status.OPEN));
    }

    @Test
    void theHipsAdminSetsUpAndOpensACycleAndALeadStartsTheirSelfAssessment() {
        long tool = fixtures.aCycle().withTool().inStatus(Cycle.Status.CLOSED).withoutParticipants().create().tool.id;
        Agency agency = fixtures.anAgency().inAreas(Area.HAMPSHIRE, Area.PORTSMOUTH).create();
        var lead = fixtures.lead(agency);
        String name = Fixtures.unique(CycleAdminTest.PREFIX);
        LocalDate opens = clock.today().minusDays(1);

        Page admin = browser.signedIn(fixtures.admin(null).email, Fixtures.PASSWORD);
        admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Cycles").setExact(true)).click();
        admin.waitForURL("**/admin/cycles");
        Browser.screenshot(admin, "cycles-1-list");
        Browser.assertAccessible(admin);

        admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Create a cycle")).click();
        admin.waitForURL("**/admin/cycles/new");
        assertTrue(admin.locator("#which").isChecked(), "every active agency takes part by default");
        Browser.assertAccessible(admin);
        admin.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill(name);
        admin.locator("input[name=tool][value='" + tool + "']").check();
        fill(admin, "year1Opens", opens);
        fill(admin, "year1Due", opens.plusDays(30));
        fill(admin, "surveyOpens", opens);
        fill(admin, "surveyCloses", opens.plusDays(30));
        fill(admin, "panel1", opens.plusDays(50));
        fill(admin, "lettersBy", opens.plusDays(80));
        fill(admin, "year2Due", opens.plusMonths(10));
        // a mistake: the cycle closes before year 2 is due
        fill(admin, "closes", opens.plusMonths(9));
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create the cycle")).click();
        assertTrue(admin.locator(".govuk-error-summary").textContent()
                .contains("The cycle must close after the year 2 progress update is due"));
        assertEquals(name, admin.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).inputValue());
        Browser.screenshot(admin, "cycles-2-form-error");
        Browser.assertAccessible(admin);
        fill(admin, "closes", opens.plusYears(2));
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create the cycle")).click();
        admin.waitForURL("**/admin/cycles/*?done=created");
        assertTrue(admin.locator("h1").textContent().contains("Draft"));
        Browser.screenshot(admin, "cycles-3-draft");
        Browser.assertAccessible(admin);

        admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Check and open the cycle")).click();
        admin.waitForURL("**/open");
        Browser.screenshot(admin, "cycles-4-check");
        Browser.assertAccessible(admin);
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Open cycle")).click();
        admin.waitForURL("**?done=opened");
        assertTrue(admin.locator("h1").textContent().contains("Open"));
        Browser.screenshot(admin, "cycles-5-open");
        Browser.assertAccessible(admin);
        String cyclePath = admin.url().replaceFirst("^https?://[^/]+", "").replaceFirst("\\?.*$", "");

        Page leadPage = browser.signedIn(lead.email, Fixtures.PASSWORD);
        assertTrue(leadPage.locator("main").textContent().contains(name));
        leadPage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start your self-assessment")).click();
        leadPage.waitForURL("**/assessments/*");
        assertTrue(leadPage.locator("main").textContent().contains(agency.name));
        Browser.screenshot(leadPage, "cycles-6-lead-self-assessment", false);

        admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Add a year 2 checkpoint")).click();
        admin.waitForURL("**/checkpoints/new");
        Browser.assertAccessible(admin);
        admin.getByLabel("Title").fill("Progress update by spring");
        fill(admin, "dueOn", opens.plusMonths(6));
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add the checkpoint")).click();
        admin.waitForURL("**?done=checkpoints*");
        assertTrue(admin.locator("#checkpoints + dl").textContent().contains("Progress update by spring"));

        admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Extend the due date for everyone")).click();
        admin.waitForURL("**/extend");
        Browser.assertAccessible(admin);
        fill(admin, "newDue", opens.plusDays(37));
        admin.getByLabel("Reason").fill("Half-term holiday");
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Extend the due date")).click();
        admin.waitForURL("**?done=extended");
        assertTrue(admin.locator("#extensions + ul").textContent().contains("Half-term holiday"));
        Browser.screenshot(admin, "cycles-7-extended");
        Browser.assertAccessible(admin);

        admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Close the cycle")).click();
        admin.waitForURL("**/close");
        Browser.screenshot(admin, "cycles-8-close");
        Browser.assertAccessible(admin);
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Close the cycle")).click();
        admin.waitForURL("**?done=closed");
        assertTrue(admin.locator("h1").textContent().contains("Closed"));
        Browser.screenshot(admin, "cycles-9-closed");
        Browser.assertAccessible(admin);
        assertTrue(cyclePath.startsWith("/admin/cycles/"));
    }

    private static void fill(Page page, String name, LocalDate date) {
        Locator day = page.locator("#" + name + "-day");
        day.fill(String.valueOf(date.getDayOfMonth()));
        page.locator("#" + name + "-month").fill(String.valueOf(date.getMonthValue()));
        page.locator("#" + name + "-year").fill(String.valueOf(date.getYear()));
    }
}
