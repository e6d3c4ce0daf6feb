package org.s11portal.home;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;


import org.junit.jupiter.api.Test;
import org.s11portal.account.User;
import org.s11portal.agency.Agency;
import org.s11portal.agency.Area;
import org.s11portal.cycle.Cycle;
import org.s11portal.support.Browser;
import org.s11portal.support.BrowserTest;
import org.s11portal.support.Fixtures;
import org.s11portal.support.OwnDatabase;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;

/** Each role signs in in a real Chromium, lands on its home page, and axe-core finds nothing to fix. */
@QuarkusTest
@TestProfile(OwnDatabase.class)
class HomePagesBrowserTest extends BrowserTest {

    @Inject
    Fixtures fixtures;

    @Test
    void publicPagesAreAccessible() {
        Page page = browser.newPage();
        page.navigate("/");
        Browser.screenshot(page, "start");
        Browser.assertAccessible(page);

        page.navigate("/sign-in");
        Browser.screenshot(page, "sign-in");
        Browser.assertAccessible(page);

        page.navigate("/accessibility");
        Browser.assertAccessible(page);

        page.navigate("/no-such-page");
        Browser.screenshot(page, "not-found");
        Browser.assertAccessible(page);
    }

    @Test
    void signInErrorsAreSummarisedAndLinked() {
        Page page = browser.newPage();
        page.navigate("/sign-in");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        page.waitForSelector(".govuk-error-summary");
        Browser.screenshot(page, "sign-in-errors");
        Browser.assertAccessible(page);

        page.locator(".govuk-error-summary a[href='#email']").click();
        assertEquals("email", page.evaluate("document.activeElement.id"));
    }

    @Test
    void agencyLeadHome() {
        Cycle cycle = fixtures.aCycle().create();
        Agency agency = fixtures.anAgency().inAreas(Area.HAMPSHIRE, Area.ISLE_OF_WIGHT).create();
        fixtures.anAssessment().forAgency(agency).inCycle(cycle).inProgress().create();
        User lead = fixtures.lead(agency);

        Page page = browser.signedIn(lead.email, Fixtures.PASSWORD);
        assertTrue(page.textContent("main").contains(agency.name));
        Browser.screenshot(page, "home-agency-lead");
        Browser.assertAccessible(page);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(agency.name)).click();
        page.waitForURL("**/agencies/" + agency.id);
        Browser.screenshot(page, "agency-profile");
        Browser.assertAccessible(page);
    }

    @Test
    void moderatorHome() {
        fixtures.anAgency().inAreas(Area.PORTSMOUTH, Area.SOUTHAMPTON).create();
        User moderator = fixtures.moderator(Area.PORTSMOUTH);

        Page page = browser.signedIn(moderator.email, Fixtures.PASSWORD);
        Browser.screenshot(page, "home-moderator");
        Browser.assertAccessible(page);

        page.getByLabel("Area").selectOption("PORTSMOUTH");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show agencies")).click();
        page.waitForURL("**/home?area=PORTSMOUTH");
        Browser.assertAccessible(page);
    }

    @Test
    void partnershipAdminHome() {
        Agency agency = fixtures.anAgency().inAreas(Area.PORTSMOUTH).create();
        User admin = fixtures.admin(null);

        Page page = browser.signedIn(admin.email, Fixtures.PASSWORD);
        Browser.screenshot(page, "home-admin");
        Browser.assertAccessible(page);

        page.navigate("/agencies/" + agency.id);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record the extension")).click();
        page.waitForSelector(".govuk-error-summary");
        Browser.screenshot(page, "agency-extension-errors");
        Browser.assertAccessible(page);
    }

    @Test
    void signOutFromTheHeader() {
        User moderator = fixtures.moderator(Area.HAMPSHIRE);
        Page page = browser.signedIn(moderator.email, Fixtures.PASSWORD);
        page.locator(".app-account").getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions()
                .setName("Sign out")).click();
        page.waitForURL("**/sign-in?signedOut=true");
        assertTrue(page.textContent("main").contains("You have signed out"));
        page.navigate("/home");
        page.waitForURL("**/sign-in?next=**");
    }

    @Test
    void theIdleWarningAppearsBeforeTimeoutAndStaySignedInKeepsTheSession() {
        // a lead: signed in by the password alone, so the form below is the whole sign-in
        User lead = fixtures.lead(fixtures.anAgency().inAreas(Area.SOUTHAMPTON).create());
        Page page = browser.newPage();
        page.clock().install();
        page.navigate("/sign-in");
        page.getByLabel("Email address").fill(lead.email);
        page.getByLabel("Password").fill(Fixtures.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        page.waitForURL("**/home");

        page.clock().fastForward("28:30");
        page.locator("#session-timeout").waitFor();
        assertTrue(page.locator("#session-timeout").isVisible());
        assertEquals("session-timeout-extend", page.evaluate("document.activeElement.id"));
        Browser.screenshot(page, "session-timeout-warning");
        Browser.assertAccessible(page);

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Stay signed in")).click();
        page.locator("#session-timeout").waitFor(new com.microsoft.playwright.Locator.WaitForOptions()
                .setState(com.microsoft.playwright.options.WaitForSelectorState.HIDDEN));
        page.navigate("/home");
        assertTrue(page.url().endsWith("/home"), page.url());
    }
}
