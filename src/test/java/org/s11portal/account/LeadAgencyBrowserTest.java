package org.s11portal.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

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

/**
 * In a real Chromium, axe on every page: a lead of two agencies sees which one they work for in the header and on their
 * home page, changes it from the header, and an admin adds and removes a lead's agencies (the last one refused).
 */
@QuarkusTest
class LeadAgencyBrowserTest extends BrowserTest {

    @Inject
    Fixtures fixtures;

    static void checked(Page page, String name) {
        Browser.screenshot(page, name, true);
        Browser.assertAccessible(page);
    }

    @Test
    void aLeadOfTwoAgenciesChangesTheAgencyTheyWorkFor() {
        fixtures.aCycle().withTool().create();
        List<Agency> agencies = LeadAgencyTest.byName(fixtures.anAgency().inAreas(Area.PORTSMOUTH).create(),
                fixtures.anAgency().inAreas(Area.HAMPSHIRE, Area.SOUTHAMPTON).create());
        User lead = fixtures.leadOf(agencies.get(1), agencies.get(0));

        Page page = browser.signedIn(lead.email, Fixtures.PASSWORD);
                assertEquals("Working for " + agencies.get(0).name + " Change agency you are working for",
                page.locator("#lead-agency").textContent().replaceAll("\\s+", " ").trim());
        assertTrue(page.locator("#working-for").textContent().contains(agencies.get(0).name));
        checked(page, "lead-agency-1-home");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Change agency you are working for")).click();
        page.waitForURL("**/account/agency");
        checked(page, "lead-agency-2-change");
        assertTrue(page.getByLabel(agencies.get(0).name).isChecked());
        page.getByLabel(agencies.get(1).name).check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue")).click();
        page.waitForURL("**/home");

        assertTrue(page.locator("#lead-agency").textContent().contains(agencies.get(1).name));
        assertTrue(page.locator("#working-for").textContent().contains(agencies.get(1).name));
        checked(page, "lead-agency-3-home-after-change");
        page.setViewportSize(390, 844);
        Number overflow = (Number) page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertEquals(0, overflow.intValue(), "the page scrolls sideways on a phone");
    }

    @Test
    void anAdminAddsAndRemovesALeadsAgencies() {
        Agency own = fixtures.anAgency().inAreas(Area.PORTSMOUTH).create();
        Agency another = fixtures.anAgency().inAreas(Area.PORTSMOUTH).create();
        User lead = fixtures.lead(own);

        Page admin = browser.signedIn(fixtures.admin(Area.PORTSMOUTH).email, Fixtures.PASSWORD);
        admin.navigate("/admin/users/" + lead.id);
        checked(admin, "lead-agency-4-admin-one-agency");
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Remove " + own.name)).click();
        admin.waitForSelector(".govuk-error-summary");
        assertTrue(admin.locator(".govuk-error-summary").textContent().contains("is the only agency"));
        checked(admin, "lead-agency-5-admin-last-refused");

        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add agency")).click();
        admin.waitForSelector(".govuk-error-summary");
        assertTrue(admin.locator(".govuk-error-summary").textContent().contains("Select the agency to add"));
        checked(admin, "lead-agency-6-admin-add-error");
        admin.getByLabel("Add an agency").selectOption(String.valueOf(another.id));
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add agency")).click();
        admin.waitForURL("**?done=agency-added");
        assertTrue(admin.locator("#agencies").textContent().contains(another.name));
        checked(admin, "lead-agency-7-admin-two-agencies");
    }
}
