package org.s11portal.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.s11portal.agency.Agency;
import org.s11portal.agency.Area;
import org.s11portal.cycle.Cycle;
import org.s11portal.support.Browser;
import org.s11portal.support.BrowserTest;
import org.s11portal.support.Fixtures;
import org.s11portal.support.OwnDatabase;
import org.s11portal.support.WebSession;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Media;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;

/** The printed poster keeps the survey address readable; Back after a corrected survey never resubmits. */
@QuarkusTest
@TestProfile(OwnDatabase.class)
class SurveyPosterAndHistoryBrowserTest extends BrowserTest {

    /** A4 is 210 mm wide: 794 CSS pixels. */
    static final int A4_WIDTH = 794;
    static final int A4_HEIGHT = 1123;

    @Inject
    Fixtures fixtures;

    @Test
    void posterBreaksTheAddressOnlyAfterASlash() {
        Agency agency = surveyOpen();
        token(agency);
        Page page = browser.signedIn(fixtures.lead(agency).email, Fixtures.PASSWORD);
        page.setViewportSize(A4_WIDTH, A4_HEIGHT);
        page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
        page.navigate("/staff-survey/poster");
        Browser.screenshot(page, "poster-01-a4-print");

        String shown = page.locator(".app-poster__url").textContent();
        assertTrue(shown.matches(Pattern.quote(OwnDatabase.PUBLIC_URL) + "/survey/[A-Za-z0-9_-]{20,}"), shown);
        assertTrue(page.locator(".app-poster__qr").isVisible(), "the QR code stays");
        List<String> lines = renderedLines(page, ".app-poster__url");
        assertEquals(shown, String.join("", lines));
        assertTrue(lines.size() >= 2, "expected the address to need more than one line at A4: " + lines);
        for (int i = 0; i < lines.size() - 1; i++) {
            assertTrue(lines.get(i).endsWith("/"), "the address breaks mid-word: " + lines);
        }
        Number overflow = (Number) page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertEquals(0, overflow.intValue(), "the poster is wider than A4");

        // The same at a narrow screen: still only after a slash.
        page.setViewportSize(360, 800);
        lines = renderedLines(page, ".app-poster__url");
        for (int i = 0; i < lines.size() - 1; i++) {
            assertTrue(lines.get(i).endsWith("/"), "the address breaks mid-word on a phone: " + lines);
        }
        Browser.screenshot(page, "poster-02-narrow");
    }

    @Test
    void backFromThanksAfterAValidationErrorDoesNotResubmit() {
        Agency agency = surveyOpen();
        String token = token(agency);

        Page page = browser.newPage(1280, 800);
        page.navigate("/survey/" + token);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send my answers")).click();
        page.waitForSelector(".govuk-error-summary");

        page.locator("label[for='roleBand']").click();
        for (SurveyDefinition.Question q : SurveyDefinition.QUESTIONS) {
            page.locator("label[for='" + q.field() + "']").click();
        }
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send my answers")).click();
        page.waitForURL("**/thanks");

        // Without the fix Chromium refuses to show a POST result from history (net::ERR_CACHE_MISS, "Confirm Form
        // Resubmission") and Playwright's goBack throws.
        Response back = page.goBack();
        Browser.screenshot(page, "survey-history-01-back-from-thanks");
        assertNotNull(back, "going back loaded nothing");
        assertEquals("GET", back.request().method());
        assertEquals(200, back.status());
        assertTrue(page.url().endsWith("/survey/" + token), page.url());
        assertTrue(page.locator("h1").textContent().contains("Staff safeguarding survey"));
    }

    /** The text of each line box the element's address is laid out on, top to bottom. */
    @SuppressWarnings("unchecked")
    private static List<String> renderedLines(Page page, String selector) {
        return (List<String>) page.evaluate("""
                selector => {
                  const element = document.querySelector(selector)
                  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT)
                  const lines = []
                  let top = null
                  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                    for (let i = 0; i < node.data.length; i++) {
                      const range = document.createRange()
                      range.setStart(node, i)
                      range.setEnd(node, i + 1)
                      const rect = range.getClientRects()[0]
                      if (!rect) continue
                      if (top === null || rect.top > top + rect.height / 2) {
                        lines.push('')
                        top = rect.top
                      }
                      lines[lines.length - 1] += node.data[i]
                    }
                  }
                  return lines
                }""", selector);
    }

    private Agency surveyOpen() {
        Cycle cycle = fixtures.aCycle().create();
        return fixtures.anAgency().inAreas(Area.ISLE_OF_WIGHT).create();
    }

    private String token(Agency agency) {
        WebSession lead = WebSession.signedIn(fixtures.lead(agency).email);
        lead.get("/staff-survey");
        lead.post("/staff-survey/link", Map.of());
        lead.post("/staff-survey/headcount", Map.of("headcount", "12"));
        Matcher matcher = Pattern.compile("/survey/([A-Za-z0-9_-]{20,})").matcher(lead.get("/staff-survey").asString());
        assertTrue(matcher.find());
        return matcher.group(1);
    }
}
