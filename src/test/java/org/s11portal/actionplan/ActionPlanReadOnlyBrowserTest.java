package org.s11portal.actionplan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.s11portal.account.User;
import org.s11portal.agency.Agency;
import org.s11portal.agency.Area;
import org.s11portal.assessment.ActionItem;
import org.s11portal.assessment.Assessment;
import org.s11portal.cycle.Cycle;
import org.s11portal.support.Browser;
import org.s11portal.support.BrowserTest;
import org.s11portal.support.Fixtures;
import org.s11portal.support.WebSession;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** Issue 9.4 in a real Chromium: a submitted plan reads as read-only, says why, and axe finds nothing. */
@QuarkusTest
class ActionPlanReadOnlyBrowserTest extends BrowserTest {

    @Inject
    Fixtures fixtures;

    @Test
    void aSubmittedPlanIsReadOnlyAndAccessible() {
        Cycle cycle = fixtures.aCycle().withTool().create();
        Agency agency = fixtures.anAgency().inAreas(Area.PORTSMOUTH).create();
        Assessment assessment = fixtures.anAssessment().forAgency(agency).inCycle(cycle).inProgress().create();
        fixtures.answerAllFully(assessment, cycle);
        ActionItem action = fixtures.anAction(assessment, fixtures.questions(cycle).get(0)).create();
        User lead = fixtures.lead(agency);
        String base = "/assessments/" + assessment.id;
        WebSession session = WebSession.signedIn(lead.email);
        session.get(base + "/check");
        session.post(base + "/submit", Map.of("declaredByName", "Dr Jane Senior", "declaredRole", "Director", "confirm", "yes"))
                .then().statusCode(303);

        Page page = browser.signedIn(lead.email, Fixtures.PASSWORD);
        page.navigate(base + "/actions");
        assertTrue(page.locator("#plan-locked").textContent().contains("cannot be changed unless a moderator returns it"));
        assertEquals(0, page.locator("main form").count(), "no form on the plan");
        assertEquals(0, page.locator("main a[href*='/actions/']").count(), "no link to change an action");
        Browser.screenshot(page, "action-plan-submitted");
        Browser.assertAccessible(page);

        page.navigate(base + "/actions/new?standard=T1");
        assertTrue(page.url().endsWith(base + "/actions"), "the new-action page leads back to the plan: " + page.url());

        page.navigate(base + "/actions/" + action.id);
        assertEquals(0, page.locator("main form").count(), "the action is shown without a form");
        assertTrue(page.locator("#plan-locked").isVisible());
        Browser.screenshot(page, "action-submitted-read-only");
        Browser.assertAccessible(page);

        // a change sent anyway (an old tab, a form kept open since before submission): the page a person then sees
        page.evaluate("""
                token => {
                  const form = document.createElement('form');
                  form.method = 'post';
                  form.action = location.pathname;
                  for (const [name, value] of Object.entries({ 'csrf-token': token, standard: 'T1',
                      action: 'Text typed in an old tab', version: '0' })) {
                    const input = document.createElement('input');
                    input.type = 'hidden'; input.name = name; input.value = value;
                    form.appendChild(input);
                  }
                  document.body.appendChild(form);
                  form.submit();
                }""", page.locator("input[name='csrf-token']").first().inputValue());
        page.waitForSelector("#not-saved");
        assertTrue(page.textContent("main").contains("Text typed in an old tab"));
        assertEquals(0, page.locator("main form").count());
        Browser.screenshot(page, "action-change-refused");
        Browser.assertAccessible(page);
    }
}
