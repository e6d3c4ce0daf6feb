package org.s11portal.assessment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.s11portal.support.Browser;
import org.s11portal.support.BrowserTest;
import org.s11portal.support.Fixtures;

import com.microsoft.playwright.Page;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * A moderator, in a real Chromium, opens an assessment that was resubmitted, returned and edited again: every
 * page shows version 2 as submitted, never the agency's newer draft; an agency that never submitted shows
 * "Not submitted yet". axe-core on every page.
 */
@QuarkusTest
class DraftPrivacyBrowserTest extends BrowserTest {

    @Inject
    DraftScenario scenario;

    @Test
    void aModeratorSeesTheResubmittedVersionNotTheNewerDraft() {
        DraftScenario.Made made = scenario.make();
        Page page = browser.signedIn(made.moderatorEmail(), Fixtures.PASSWORD);

        page.navigate(made.base() + "/standards/T1");
        page.waitForURL("**" + made.base() + "/view#standard-T1");
        String main = page.textContent("main");
        assertTrue(main.contains(DraftScenario.SUBMITTED));
        assertTrue(main.contains("version 2"));
        assertTrue(main.contains("changes it has not yet submitted are not shown"));
        assertFalse(main.contains(DraftScenario.DRAFT));
        assertFalse(main.contains(DraftScenario.DRAFT_ACTION));
        assertFalse(main.contains("draft-only-notes.txt"));
        assertTrue(page.locator("a[href='" + made.base() + "/files/" + made.submittedFileId() + "']").isVisible());
        // the summary boxes use the page's font, not the browser's default serif
        assertEquals(page.evaluate("getComputedStyle(document.querySelector('main p.govuk-body')).fontFamily"),
                page.evaluate("getComputedStyle(document.querySelector('.app-flag')).fontFamily"));
        Browser.screenshot(page, "draft-privacy-moderator-view");
        Browser.assertAccessible(page);

        page.navigate(made.base() + "/questions/" + made.question().id + "/history");
        main = page.textContent("main");
        assertTrue(main.contains(DraftScenario.SUBMITTED));
        assertFalse(main.contains(DraftScenario.DRAFT));
        Browser.screenshot(page, "draft-privacy-moderator-history");
        Browser.assertAccessible(page);

        page.navigate(made.quietBase());
        page.waitForURL("**" + made.quietBase() + "/view");
        main = page.textContent("main");
        assertTrue(main.contains("Not submitted yet"));
        assertTrue(main.contains(made.quietAgency().name));
        assertFalse(main.contains(DraftScenario.NEVER_SUBMITTED));
        Browser.screenshot(page, "draft-privacy-not-submitted-yet");
        Browser.assertAccessible(page);
    }
}
