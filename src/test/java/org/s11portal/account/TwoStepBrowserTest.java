package org.s11portal.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.s11portal.agency.Area;
import org.s11portal.common.config.PortalClock;
import org.s11portal.support.Browser;
import org.s11portal.support.BrowserTest;
import org.s11portal.support.Fixtures;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** A moderator's first sign-in in a real browser: set up the app from the page's key, the recovery codes, then home. */
@QuarkusTest
class TwoStepBrowserTest extends BrowserTest {

    @Inject
    Fixtures fixtures;

    @Inject
    PortalClock clock;

    @Inject
    EntityManager entityManager;

    @Test
    void aModeratorsFirstSignInSetsUpTheAppThenShowsTheRecoveryCodes() {
        User moderator = fixtures.moderator(Area.PORTSMOUTH);
        forgetTwoStep(moderator);
        Page page = password(moderator);

        page.waitForURL("**/sign-in/two-step/set-up");
        assertTrue(page.locator("img[src^='data:image/svg+xml']").isVisible(), "the QR code is shown");
        Browser.screenshot(page, "two-step-01-set-up");
        Browser.assertAccessible(page);
        String key = page.locator("#setup-key").textContent().trim();

        page.getByLabel("Code", new Page.GetByLabelOptions().setExact(true)).fill("12345");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue")).click();
        assertTrue(page.locator(".govuk-error-summary").textContent().contains("The code is not right"));
        Browser.assertAccessible(page);

        page.getByLabel("Code", new Page.GetByLabelOptions().setExact(true))
                .fill(Totp.code(Totp.fromBase32(key), Totp.step(clock.now())));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue")).click();

        page.waitForURL("**/sign-in/two-step/recovery-codes");
        assertEquals(10, page.locator("#recovery-codes li").count());
        Browser.screenshot(page, "two-step-02-recovery-codes");
        Browser.assertAccessible(page);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("I have saved my recovery codes")).click();

        page.waitForURL("**/home");
        Browser.assertAccessible(page);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Two-step sign-in")).click();
        page.waitForURL("**/account/two-step");
        assertTrue(page.locator(".govuk-summary-list").textContent().contains("10 of 10"));
        Browser.screenshot(page, "two-step-03-account");
        Browser.assertAccessible(page);

        // the next sign-in asks for the code (the helper types it), on a page that is accessible too
        Page next = password(moderator);
        next.waitForURL("**/sign-in/two-step");
        Browser.screenshot(next, "two-step-04-code");
        Browser.assertAccessible(next);
        next.getByLabel("Code", new Page.GetByLabelOptions().setExact(true)).fill(fixtures.twoStepCode(moderator.email));
        next.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue")).click();
        next.waitForURL("**/home");
    }

    @Test
    void aLeadsTurnOffPageIsAccessible() {
        User lead = fixtures.lead(fixtures.anAgency().inAreas(Area.HAMPSHIRE).create());
        fixtures.enrolTwoStep(lead, Fixtures.TWO_STEP_SECRET);
        Page page = browser.signedIn(lead.email, Fixtures.PASSWORD);
        page.navigate("/account/two-step");
        Browser.assertAccessible(page);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Turn off two-step sign-in")).click();
        page.waitForURL("**/account/two-step/turn-off");
        Browser.assertAccessible(page);
        page.getByLabel("Code from your authenticator app").fill(fixtures.twoStepCode(lead.email));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Turn off two-step sign-in")).click();
        page.waitForURL("**/account/two-step?done=off");
        assertTrue(page.locator(".govuk-notification-banner").textContent().contains("Two-step sign-in is off"));
        Browser.assertAccessible(page);
    }

    /** A new browser, past the first step: the email and password typed in and sent. */
    private Page password(User user) {
        Page page = browser.newPage();
        page.navigate("/sign-in");
        page.getByLabel("Email address").fill(user.email);
        page.getByLabel("Password").fill(Fixtures.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        return page;
    }

    @Transactional
    void forgetTwoStep(User user) {
        entityManager.createNativeQuery("DELETE FROM two_step WHERE user_id = ?1").setParameter(1, user.id).executeUpdate();
    }
}
