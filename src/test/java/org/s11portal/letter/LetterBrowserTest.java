package org.s11portal.letter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;

import org.junit.jupiter.api.Test;
import org.s11portal.agency.Area;
import org.s11portal.assessment.AssessmentState;
import org.s11portal.support.Browser;
import org.s11portal.support.BrowserTest;
import org.s11portal.support.Fixtures;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** In a real Chromium: a moderator edits, previews and issues a letter; the lead finds it from home and downloads it. */
@QuarkusTest
class LetterBrowserTest extends BrowserTest {

    @Inject
    LetterFixtures letters;

    @Inject
    Fixtures fixtures;

    @Test
    void editPreviewIssueAndTheLeadDownloads() throws IOException {
        LetterFixtures.Scenario s = letters.moderatedWithDraft(Area.HAMPSHIRE);
        String letter = "/letters/" + s.draft().id;

        Page moderator = browser.signedIn(s.moderator().email, Fixtures.PASSWORD);
        moderator.navigate("/assessments/" + s.assessment().id + "/letters");
        Browser.assertAccessible(moderator);
        moderator.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Edit the draft")).click();
        moderator.waitForURL("**" + letter);
        Browser.screenshot(moderator, "letter-1-edit");
        Browser.assertAccessible(moderator);
        moderator.getByLabel("What the agency does well").fill("Leaders know their safeguarding data well.\n\n<i>Markup</i> stays text.");
        moderator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save and preview")).click();
        moderator.waitForURL("**" + letter + "/preview");
        assertTrue(moderator.locator(".app-letter-sheet").textContent().contains("<i>Markup</i> stays text."));
        assertTrue(moderator.locator(".app-letter-sheet").textContent().contains(LetterFixtures.PANEL_DATE_TEXT));
        assertEquals(0, moderator.locator(".app-letter-sheet i").count(), "typed markup is not markup");
        assertEquals("DejaVu Sans", moderator.locator(".app-letter-sheet .letter").evaluate(
                "e => getComputedStyle(e).fontFamily.split(',')[0].replaceAll('\"', '')"), "the PDF's font on screen too");
        Browser.screenshot(moderator, "letter-2-preview");
        Browser.assertAccessible(moderator);
        moderator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Issue the letter")).click();
        moderator.waitForURL("**" + letter + "?issued=1");
        assertTrue(moderator.locator(".govuk-notification-banner").textContent().contains("The letter is issued"));
        Browser.screenshot(moderator, "letter-3-issued");
        Browser.assertAccessible(moderator);
        assertEquals(AssessmentState.FEEDBACK_ISSUED, fixtures.reload(s.assessment()).state);
        moderator.navigate(letter + "/reissue");
        Browser.assertAccessible(moderator);

        Page lead = browser.signedIn(s.lead().email, Fixtures.PASSWORD);
        Browser.assertAccessible(lead);
        lead.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Your feedback letter")).click();
        lead.waitForURL("**/feedback-letter");
        Browser.screenshot(lead, "letter-4-lead");
        Browser.assertAccessible(lead);
        Download download = lead.waitForDownload(() -> lead.locator("#letters a[href$='/pdf']").first().click());
        byte[] bytes = Files.readAllBytes(download.path());
        assertEquals(letters.reload(s.draft()).sha256, Sha256.hex(bytes), "the lead downloads the stored bytes");
        assertTrue(LetterRendererTest.text(bytes).contains("Leaders know their safeguarding data well."));
    }

    @Test
    void theConflictPageTheErrorSummaryAndARefusedIssueAreAccessible() {
        LetterFixtures.Scenario s = letters.withDraft(AssessmentState.SUBMITTED, Area.SOUTHAMPTON);
        String letter = "/letters/" + s.draft().id;
        Page first = browser.signedIn(s.moderator().email, Fixtures.PASSWORD);
        Page second = browser.signedIn(fixtures.moderator(Area.SOUTHAMPTON).email, Fixtures.PASSWORD);
        first.navigate(letter);
        second.navigate(letter);
        first.getByLabel("What the agency does well").fill("The first moderator's text.");
        first.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save and keep editing")).click();
        first.waitForURL("**" + letter + "?saved=1");
        second.getByLabel("What the agency does well").fill("The second moderator's text.");
        second.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save and keep editing")).click();
        second.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Someone else changed this letter while you were editing")).waitFor();
        assertTrue(second.content().contains("The first moderator's text."));
        assertTrue(second.content().contains("The second moderator's text."));
        Browser.screenshot(second, "letter-5-conflict");
        Browser.assertAccessible(second);

        first.getByLabel("What the agency does well").fill("x".repeat(LetterService.MAX_PARAGRAPHS + 1));
        first.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save and keep editing")).click();
        first.locator(".govuk-error-summary").waitFor();
        Browser.assertAccessible(first);

        first.navigate(letter + "/preview");
        first.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Issue the letter")).click();
        first.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("The letter was not issued")).waitFor();
        assertTrue(first.locator("#not-issued").textContent().contains("submitted, not [moderated]"));
        Browser.screenshot(first, "letter-6-not-issued");
        Browser.assertAccessible(first);
        assertEquals(AssessmentState.SUBMITTED, fixtures.reload(s.assessment()).state);
    }
}
