package org.s11portal.common.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.s11portal.agency.Area;
import org.s11portal.support.Browser;
import org.s11portal.support.BrowserTest;
import org.s11portal.support.Fixtures;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The pages for a refused request (413, 400) and an expired form, reached in a real Chromium, pass axe-core. */
@QuarkusTest
class ErrorPagesBrowserTest extends BrowserTest {

    @Inject
    Fixtures fixtures;

    /** Builds and submits a form from the page, as a browser would send it. */
    private static void submit(Page page, String action, String script) {
        page.waitForNavigation(() -> page.evaluate("([action, fill]) => { const f = document.createElement('form');"
                + " f.method = 'post'; f.action = action; new Function('f', fill)(f); document.body.appendChild(f); f.submit(); }",
                java.util.List.of(action, script)));
    }

    @Test
    void theTooLargePageIsAccessible() {
        Page page = browser.newPage();
        page.navigate("/");
        submit(page, "/survey/no-such-link", "const t = document.createElement('textarea'); t.name = 'freeText';"
                + " t.value = 'a'.repeat(200000); f.appendChild(t);");
        assertTrue(page.content().contains("What you sent is too large"), page.content());
        Browser.screenshot(page, "too-large");
        Browser.assertAccessible(page);
    }

    @Test
    void theBadRequestPageIsAccessible() {
        Page page = browser.newPage();
        page.navigate("/");
        submit(page, "/sign-in", "for (let i = 0; i < 1100; i++) { const h = document.createElement('input');"
                + " h.type = 'hidden'; h.name = 'f' + i; h.value = 'x'; f.appendChild(h); }");
        assertTrue(page.content().contains("There is a problem"), page.content());
        Browser.screenshot(page, "bad-request");
        Browser.assertAccessible(page);
    }

    @Test
    void theExpiredFormPageIsAccessibleAndSendAgainSignsIn() {
        // a lead: signed in by the password alone (a moderator's "Send again" leads on to the two-step code)
        String email = fixtures.lead(fixtures.anAgency().inAreas(Area.HAMPSHIRE).create()).email;
        Page page = browser.newPage();
        page.navigate("/sign-in");
        page.getByLabel("Email address").fill(email);
        page.getByLabel("Password").fill(Fixtures.PASSWORD);
        page.evaluate("() => { document.querySelector('input[name=\"csrf-token\"]').value = 'c3RhbGUtdG9rZW4tMTIzNA'; }");
        page.waitForNavigation(() -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click());
        assertTrue(page.content().contains("This form had expired"), page.content());
        Browser.screenshot(page, "expired-form");
        Browser.assertAccessible(page);

        page.getByLabel("Password").fill(Fixtures.PASSWORD);
        page.waitForNavigation(() -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send again")).click());
        assertTrue(page.url().endsWith("/home"), page.url());
    }
}
