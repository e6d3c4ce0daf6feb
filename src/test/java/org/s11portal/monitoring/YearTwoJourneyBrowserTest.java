package org.s11portal.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.s11portal.account.User;
import org.s11portal.agency.Area;
import org.s11portal.assessment.ActionStatus;
import org.s11portal.assessment.AssessmentState;
import org.s11portal.common.config.PortalClock;
import org.s11portal.cycle.Cycle;
import org.s11portal.support.Browser;
import org.s11portal.support.BrowserTest;
import org.s11portal.support.Fixtures;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * Year 2 in a real Chromium, from the letter to closed: the lead confirms the agreed plan and posts progress with
 * evidence (a file attached) and a checkpoint return; the moderator filters overdue, asks for more (the lead sees it on their home
 * page), records the year-2 conclusion and closes the agency's cycle. Axe on every page, a screenshot per step.
 */
@QuarkusTest
class YearTwoJourneyBrowserTest extends BrowserTest {

    @Inject
    Fixtures fixtures;

    @Inject
    YearTwoData data;

    @Inject
    PortalClock clock;

    private static void step(Page page, String name) {
        Browser.assertAccessible(page);
        Browser.screenshot(page, "year2-" + name);
    }

    private static void click(Page page, AriaRole role, String name) {
        page.getByRole(role, new Page.GetByRoleOptions().setName(name).setExact(true)).click();
    }

    @Test
    void fromTheLetterToClosed() {
        Cycle cycle = fixtures.aCycle().withTool().create();
        Checkpoint checkpoint = data.checkpoint(cycle, "Progress update by the spring", clock.today().plusDays(10));
        YearTwoData.Plan plan = data.plan(cycle, Area.HAMPSHIRE, AssessmentState.FEEDBACK_ISSUED, 2);
        data.setAction(plan.action(1), ActionStatus.ON_TRACK, clock.today().minusMonths(3), clock.today().minusDays(3));
        YearTwoData.Plan onTrack = data.plan(cycle, Area.HAMPSHIRE, AssessmentState.MONITORING, 1);
        User moderator = fixtures.moderator(Area.HAMPSHIRE);

        // the lead: from the home page to the plan, confirm it, post progress with evidence, send the return
        Page lead = browser.signedIn(plan.lead().email, Fixtures.PASSWORD);
        click(lead, AriaRole.LINK, "Your action plan for " + cycle.name);
        lead.waitForURL("**" + plan.path());
        step(lead, "01-lead-plan-to-agree");
        click(lead, AriaRole.BUTTON, "Confirm the agreed action plan");
        lead.waitForSelector(".govuk-notification-banner--success");
        assertTrue(lead.textContent("#overdue-count").contains("1 action is overdue"));
        assertTrue(lead.locator(".govuk-summary-card").first().getAttribute("id").equals("action-" + plan.action(1)),
                "the overdue action first");
        step(lead, "02-lead-plan-agreed");
        lead.locator("#action-" + plan.action(0)).getByRole(AriaRole.LINK).first().click();
        lead.waitForURL("**/actions/" + plan.action(0));
        step(lead, "03-lead-update-form");
        lead.check("#status-COMPLETE");
        lead.fill("#done", "Workshops held for all six teams");
        lead.setInputFiles("#files", new FilePayload("notes.html", "text/html",
                "<html><script>alert(1)</script></html>".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        click(lead, AriaRole.BUTTON, "Post the update");
        lead.waitForSelector(".govuk-error-summary");
        assertTrue(lead.textContent(".govuk-error-summary").contains("Say what changed for children"));
        assertTrue(lead.textContent("#files-error").contains("The file notes.html must be a PDF"), "the refused file is named");
        assertTrue(lead.textContent("#files-again").contains("notes.html"), "and is to be chosen again");
        assertEquals("Workshops held for all six teams", lead.inputValue("#done"), "nothing typed is lost");
        step(lead, "04-lead-update-errors");
        lead.fill("#childrenChange", "Referrals now say what the child needs, and fewer are returned by the front door");
        lead.fill("#evidence", "Referral audit – 40 cases, March");
        lead.setInputFiles("#files", new FilePayload("Referral audit.pdf", "application/pdf", ProgressUpdateFilesTest.PDF));
        step(lead, "04b-lead-update-file-chosen");
        click(lead, AriaRole.BUTTON, "Post the update");
        lead.waitForSelector(".govuk-notification-banner--success");
        assertTrue(lead.textContent("#action-" + plan.action(0)).contains("Referral audit – 40 cases, March"));
        assertTrue(lead.textContent("#action-" + plan.action(0)).contains("Complete"));
        Locator file = lead.locator("#action-" + plan.action(0)).getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName("Referral audit.pdf"));
        assertTrue(file.getAttribute("href").startsWith(plan.path() + "/files/"), "the file posted with the update is listed");
        file.scrollIntoViewIfNeeded();
        step(lead, "04c-lead-update-with-file");
        click(lead, AriaRole.LINK, "Send your checkpoint return for " + checkpoint.title);
        lead.fill("#summary", "One action complete with evidence; one overdue, new date agreed with the board");
        step(lead, "05-lead-checkpoint-return");
        click(lead, AriaRole.BUTTON, "Send the return");
        lead.waitForSelector(".govuk-notification-banner--success");
        assertTrue(lead.textContent("#checkpoint-" + checkpoint.id).contains("Answered on time"));

        // the moderator: year 2 monitoring, overdue only, the agency, ask for more
        Page mod = browser.signedIn(moderator.email, Fixtures.PASSWORD);
        mod.locator("#year-two-link").click();
        mod.waitForURL("**/monitoring");
        if (!mod.locator("#cycle").inputValue().equals(String.valueOf(cycle.id))) {
            mod.selectOption("#cycle", String.valueOf(cycle.id));
        }
        mod.selectOption("#filter", "overdue");
        click(mod, AriaRole.BUTTON, "Show agencies");
        mod.waitForURL("**filter=overdue**");
        String rows = mod.textContent("table");
        assertTrue(rows.contains(plan.agency().name), rows);
        assertFalse(rows.contains(onTrack.agency().name), "only agencies with overdue actions");
        step(mod, "06-moderator-overdue");
        click(mod, AriaRole.LINK, plan.agency().name);
        mod.waitForURL("**" + plan.moderatorPath());
        assertEquals(1, mod.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Referral audit.pdf")).count(),
                "the moderator sees the update's file");
        step(mod, "07-moderator-agency");
        mod.fill("#request", "Please send the new date for the overdue action and who agreed it");
        click(mod, AriaRole.BUTTON, "Ask for more information");
        mod.waitForSelector(".govuk-notification-banner--success");

        lead.navigate("/home");
        assertTrue(lead.textContent("main").contains("Please send the new date for the overdue action"));
        step(lead, "08-lead-home-request");

        // the year-2 panel check: conclusion, then close
        mod.fill("#conclusion", "Good progress: one action complete with evidence of impact; the overdue one has a new date.");
        click(mod, AriaRole.BUTTON, "Record the conclusion");
        mod.waitForSelector(".govuk-notification-banner--success");
        step(mod, "09-moderator-concluded");
        click(mod, AriaRole.BUTTON, "Close this agency's cycle");
        mod.waitForSelector("#closed");
        step(mod, "10-moderator-closed");
        assertEquals(AssessmentState.CLOSED, data.state(plan.assessment()));

        lead.navigate(plan.path());
        assertTrue(lead.textContent("#closed").contains("This cycle is closed"));
        assertEquals(0, lead.getByText("Post an update").count(), "read-only once closed");
        step(lead, "11-lead-closed");
    }
}
