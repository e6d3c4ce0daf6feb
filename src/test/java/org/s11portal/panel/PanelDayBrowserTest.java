package org.s11portal.panel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.s11portal.account.User;
import org.s11portal.agency.Agency;
import org.s11portal.agency.Area;
import org.s11portal.assessment.Assessment;
import org.s11portal.assessment.AssessmentState;
import org.s11portal.common.config.PortalClock;
import org.s11portal.cycle.Cycle;
import org.s11portal.support.Browser;
import org.s11portal.support.BrowserTest;
import org.s11portal.support.Fixtures;
import org.s11portal.support.WebSession;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * A panel day in a real Chromium: plan, agenda, item, findings, outcome, next, then the letters (make, edit, preview,
 * issue) and the lead downloading theirs; axe on every page, a screenshot per step.
 */
@QuarkusTest
class PanelDayBrowserTest extends BrowserTest {

    @Inject
    Fixtures fixtures;

    @Inject
    PanelTestData data;

    @Inject
    PortalClock clock;

    private Assessment submitted(Cycle cycle, Area... areas) {
        Agency agency = fixtures.anAgency().inAreas(areas).create();
        return data.submittedThroughThePages(agency, cycle);
    }

    private static void step(Page page, String name) {
        Browser.assertAccessible(page);
        Browser.screenshot(page, "panel-" + name);
    }

    @Test
    void aModeratorPlansAPanelRunsItsAgendaAndIssuesItsLettersWhichTheLeadDownloads() throws java.io.IOException {
        Cycle cycle = fixtures.aCycle().withTool().create();
        Assessment first = submitted(cycle, Area.HAMPSHIRE, Area.PORTSMOUTH);
        Assessment second = submitted(cycle, Area.ISLE_OF_WIGHT, Area.SOUTHAMPTON);
        User moderator = fixtures.moderator(Area.HAMPSHIRE);

        Page page = browser.signedIn(moderator.email, Fixtures.PASSWORD);
        step(page, "01-home");
        page.locator("#panel-days-link").click();
        page.waitForURL("**/panels");
        assertTrue(page.textContent("#waiting-for-panel").contains("2 submissions"));
        step(page, "02-panel-days");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Plan a panel day")).click();
        page.waitForURL("**/panels/new");
        step(page, "03-plan-form");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Plan the panel day")).click();
        page.waitForSelector(".govuk-error-summary");
        assertTrue(page.textContent(".govuk-error-summary").contains("Enter the date of the panel day"));
        step(page, "04-plan-form-errors");

        LocalDate day = clock.today().plusDays(21);
        page.fill("#heldOn-day", String.valueOf(day.getDayOfMonth()));
        page.fill("#heldOn-month", String.valueOf(day.getMonthValue()));
        page.fill("#heldOn-year", String.valueOf(day.getYear()));
        page.check("#kind");
        page.getByLabel(moderator.displayName + " (Hampshire)").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Plan the panel day")).click();
        page.waitForSelector(".govuk-notification-banner--success");
        long panelId = Long.parseLong(page.url().replaceAll(".*/panels/(\\d+).*", "$1"));
        List<AgendaItem> planned = data.items(panelId);
        assertEquals(2, planned.size());
        step(page, "05-agenda");

        // the second goes first
        AgendaItem lower = planned.get(1);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Move up " + lower.assessment.agency.name)).click();
        page.waitForURL("**/panels/" + panelId + "#item-" + lower.id);
        List<AgendaItem> ordered = data.items(panelId);
        assertEquals(lower.id, ordered.get(0).id);
        assertTrue(page.locator(".app-agenda__item").first().textContent().contains(lower.assessment.agency.name));
        step(page, "06-agenda-reordered");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Start with the first submission")).click();
        page.waitForURL("**/items/" + ordered.get(0).id);
        assertTrue(page.textContent("h1").contains(ordered.get(0).assessment.agency.name));
        assertTrue(page.locator("#flag-list li[data-kind='TAKE_UP_BELOW_TARGET']").count() == 1);
        step(page, "07-item");

        page.check("#T1-agrees-no");
        page.check("#T1-panelRating-PART");
        page.fill("#T1-ratingReason", "Evidence of impact is thin");
        page.fill("#T1-strengths", "A clear safeguarding policy, known to staff");
        page.fill("#T1-areasForDevelopment", "Show what changed for children");
        page.fill("#T1-privateNotes", "Ask about the board at the next meeting");
        page.locator("#finding-T1").getByLabel("Early Help").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the panel's view of T1")).click();
        page.waitForSelector(".govuk-notification-banner--success");
        assertTrue(page.textContent(".govuk-notification-banner").contains("The panel's view of T1 is saved"));
        assertEquals("A clear safeguarding policy, known to staff", page.inputValue("#T1-strengths"));
        assertTrue(page.locator("#finding-T1").getByLabel("Early Help").isChecked(), "the theme is saved with T1");
        assertTrue(!page.locator("#finding-T2").getByLabel("Early Help").isChecked(), "and only with T1");
        step(page, "08-finding-saved");

        LocalDate due = clock.today().plusMonths(3);
        page.check("#outcome-ACCEPTED_WITH_ACTIONS");
        page.selectOption("#action1-standard", "T2");
        page.fill("#action1-description", "Audit supervision records for impact on children");
        page.fill("#action1-due-day", String.valueOf(due.getDayOfMonth()));
        page.fill("#action1-due-month", String.valueOf(due.getMonthValue()));
        page.fill("#action1-due-year", String.valueOf(due.getYear()));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record the outcome")).click();
        page.waitForURL("**recorded=1**");
        assertTrue(page.textContent("#outcome-status").contains("Accepted with required actions"));
        assertTrue(page.textContent("#required-actions").contains("Audit supervision records for impact on children"));
        step(page, "10-outcome-recorded");

        page.locator("#next-submission").click();
        page.waitForURL("**/items/" + ordered.get(1).id);
        step(page, "11-next-item");
        page.check("#outcome");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record the outcome")).click();
        page.waitForURL("**recorded=1**");
        step(page, "12-second-outcome");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Back to the agenda").setExact(true)).last().click();
        page.waitForSelector("#decided");
        assertTrue(page.textContent("#decided").contains("2 of 2"));
        step(page, "13-agenda-finished");

        assertEquals(AssessmentState.MODERATED, fixtures.reload(first).state);
        assertEquals(AssessmentState.MODERATED, fixtures.reload(second).state);
        assertEquals(1, data.requiredByPanel(fixtures.reload(ordered.get(0).assessment)).size());

        // the letters: made from the panel's record, one edited and previewed, all issued; the lead downloads theirs
        Agency firstAgency = ordered.get(0).assessment.agency;
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Make the letters (2)")).click();
        page.waitForURL("**made=2**");
        assertTrue(page.textContent(".govuk-notification-banner").contains("2 draft letters made"));
        step(page, "14-letters-made");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Check and edit the letter to " + firstAgency.name)).click();
        page.waitForURL("**/letters/*");
        assertEquals("A clear safeguarding policy, known to staff", page.getByLabel("What the agency does well").inputValue());
        step(page, "15-letter-draft");
        page.getByLabel("What the agency does well").fill("A clear safeguarding policy, known to staff.\n\nSupervision is regular.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save and preview")).click();
        page.waitForURL("**/preview");
        String letter = page.locator(".app-letter-sheet").textContent();
        assertTrue(letter.contains("Supervision is regular."), "the edited paragraph");
        assertTrue(letter.contains("Partly in place") && letter.contains("Show what changed for children")
                && letter.contains("Audit supervision records for impact on children") && letter.contains("Early Help"),
                "the panel's rating, areas for development, required action and theme");
        assertTrue(!letter.contains("Ask about the board"), "private notes never reach a letter");
        step(page, "16-letter-preview");

        page.navigate("/panels/" + panelId);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Issue all draft letters (2)")).click();
        page.waitForURL("**issued=2**");
        assertTrue(page.textContent(".govuk-notification-banner").contains("2 letters issued"));
        step(page, "17-letters-issued");
        assertEquals(AssessmentState.FEEDBACK_ISSUED, fixtures.reload(first).state);
        assertEquals(AssessmentState.FEEDBACK_ISSUED, fixtures.reload(second).state);

        Page lead = browser.signedIn(fixtures.lead(firstAgency).email, Fixtures.PASSWORD);
        lead.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Your feedback letter")).first().click();
        lead.waitForURL("**/feedback-letter");
        step(lead, "18-lead-letters");
        com.microsoft.playwright.Download download = lead.waitForDownload(
                () -> lead.locator("#letters a[href$='/pdf']").first().click());
        byte[] pdf = java.nio.file.Files.readAllBytes(download.path());
        assertEquals("%PDF", new String(pdf, 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
        lead.navigate("/assessments/" + ordered.get(0).assessment.id + "/view");
        assertTrue(lead.textContent("#panel-view + table").contains("Partly in place"), "the panel's rating beside the agency's");
        step(lead, "19-lead-panel-view");
    }
}
