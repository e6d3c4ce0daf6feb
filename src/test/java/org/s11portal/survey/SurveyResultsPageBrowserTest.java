package org.s11portal.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.s11portal.agency.Agency;
import org.s11portal.agency.Area;
import org.s11portal.common.config.PortalClock;
import org.s11portal.cycle.Cycle;
import org.s11portal.support.Browser;
import org.s11portal.support.BrowserTest;
import org.s11portal.support.Fixtures;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * The results page of a closed cycle in Chromium (issue 9, points 9 and 10): comparison tables have a HIPS cell in
 * every row, chart text is in the page's font at a legible size, breakdowns are headed in words, written answers are
 * paged, and the question filter narrows the page. Every state passes axe.
 */
@QuarkusTest
class SurveyResultsPageBrowserTest extends BrowserTest {

    @Inject
    PortalClock clock;

    @Inject
    Fixtures fixtures;

    @Test
    void theResultsPageIsShortLegibleAndPaged() {
        Cycle cycle = fixtures.aCycle().create();
        LocalDate today = clock.today();
        fixtures.surveyWindow(cycle, today.minusDays(30), today.minusDays(SurveyResultsService.DAYS_AFTER_CLOSING));
        Agency agency = fixtures.anAgency().inAreas(Area.PORTSMOUTH).create();
        Agency other = fixtures.anAgency().inAreas(Area.PORTSMOUTH).create();
        for (int i = 1; i <= 40; i++) {
            fixtures.surveyResponses(1).forAgency(agency).inCycle(cycle).roleBand(i % 4 == 0 ? "MANAGER" : "FRONTLINE")
                    .areas("PORTSMOUTH")
                    .freeText("Browser comment " + i + ": more time for supervision and clearer referral routes").create();
        }
        fixtures.surveyResponses(12).forAgency(other).inCycle(cycle).areas("PORTSMOUTH").create();

        Page page = browser.signedIn(fixtures.moderator(Area.PORTSMOUTH).email, Fixtures.PASSWORD);
        String view = "/survey-results?cycle=" + cycle.id + "&agency=" + agency.id;
        page.navigate(view);
        assertTrue(page.textContent("main").contains("40 responses"));

        // Point 10: every row of every comparison table has as many cells as its header (HIPS 0 % included).
        List<?> mismatches = (List<?>) page.evaluate("() => [...document.querySelectorAll('table.app-results-table')]"
                + ".flatMap(t => { const n = t.tHead.rows[0].cells.length;"
                + " return [...t.tBodies[0].rows].filter(r => r.cells.length !== n).map(r => t.caption.textContent + ': ' + r.cells[0].textContent); })");
        assertEquals(List.of(), mismatches, "rows missing a cell");
        assertEquals(4, ((Number) page.evaluate("() => document.querySelector('table.app-results-table').tHead.rows[0].cells.length")).intValue());

        // Point 10: chart text in the page's body font, at a legible size on the page.
        String bodyFont = (String) page.evaluate("() => getComputedStyle(document.querySelector('p.govuk-body')).fontFamily");
        List<?> fonts = (List<?>) page.evaluate("() => [...new Set([...document.querySelectorAll('svg.app-chart text')]"
                + ".map(t => getComputedStyle(t).fontFamily))]");
        assertEquals(List.of(bodyFont), fonts);
        double smallest = ((Number) page.evaluate("() => Math.min(...[...document.querySelectorAll('svg.app-chart text')]"
                + ".map(t => parseFloat(getComputedStyle(t).fontSize)))")).doubleValue();
        assertTrue(smallest >= 18, "chart text is " + smallest + "px in the chart's units");
        double shown = ((Number) page.evaluate("() => { const svg = document.querySelector('svg.app-chart');"
                + " return parseFloat(getComputedStyle(svg.querySelector('text')).fontSize) * svg.getBoundingClientRect().width / svg.viewBox.baseVal.width; }"))
                .doubleValue();
        assertTrue(shown >= 14, "chart text shows at " + shown + "px");

        // Point 10: breakdown headings name the question in words; numbers right-aligned under right-aligned headings.
        List<?> headings = (List<?>) page.evaluate("() => [...document.querySelectorAll('table.app-breakdown')]"
                + ".flatMap(t => [...t.tHead.rows[0].cells].slice(1).map(th => th.textContent.trim()))");
        assertFalse(headings.isEmpty());
        for (Object heading : headings) {
            assertTrue(String.valueOf(heading).matches("Q\\d+:? .*[A-Za-z]{4,}.*"), "heading in words: " + heading);
        }
        List<?> misaligned = (List<?>) page.evaluate("() => [...document.querySelectorAll('table.app-breakdown')].flatMap(t => {"
                + " const heads = [...t.tHead.rows[0].cells];"
                + " return [...t.tBodies[0].rows].flatMap(r => [...r.cells].filter(c => c.tagName === 'TD' && c.colSpan === 1).map((c, i) => {"
                + "   const h = heads[i + 1].getBoundingClientRect(), b = c.getBoundingClientRect();"
                + "   return Math.abs(h.right - b.right) > 1 || getComputedStyle(c).textAlign !== getComputedStyle(heads[i + 1]).textAlign"
                + "     ? r.cells[0].textContent + ' column ' + (i + 1) : null; }).filter(x => x)); })");
        assertEquals(List.of(), misaligned, "breakdown cells not aligned with their heading");
        assertEquals(1280, ((Number) page.evaluate("() => document.documentElement.scrollWidth")).intValue(),
                "nothing makes the page wider than the window");
        assertEquals(List.of(), page.evaluate("() => [...document.querySelectorAll('.app-breakdown-container')]"
                + ".filter(c => c.scrollWidth > c.clientWidth).map(c => c.getAttribute('aria-label'))"),
                "the breakdowns of all fourteen questions fit the page without scrolling");
        Browser.screenshot(page, "survey-results-10-agency-view");
        Browser.assertAccessible(page);

        // Point 9: written answers are collapsed, paged 25 at a time, in one order.
        assertFalse(page.isVisible(".app-comments li"), "written answers start collapsed");
        page.locator("#comments summary").click();
        Set<String> first = comments(page);
        assertEquals(25, first.size());
        assertTrue(page.isVisible("nav.govuk-pagination"));
        Browser.assertAccessible(page);
        page.locator("nav.govuk-pagination").getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Page 2")).click();
        page.waitForURL("**comments=2**");
        assertTrue(page.isVisible(".app-comments li"), "the details stay open on page 2");
        Set<String> second = comments(page);
        assertEquals(15, second.size());
        Set<String> all = new HashSet<>(first);
        all.addAll(second);
        assertEquals(40, all.size(), "no comment repeats across pages and none is skipped");
        Browser.screenshot(page, "survey-results-11-comments-page-2");
        Browser.assertAccessible(page);
        page.locator("nav.govuk-pagination").getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Previous page")).click();
        page.waitForURL("**comments=1**");
        assertEquals(first, comments(page), "page 1 again shows the same answers");

        // Point 9: the question filter narrows the page.
        page.navigate(view);
        double everything = height(page);
        page.selectOption("#question", "8");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show results")).click();
        page.waitForURL("**question=8**");
        assertEquals(1, page.locator(".app-result").count());
        assertTrue(page.textContent("main").contains("8. I would feel safe raising a concern"));
        assertEquals(2, ((Number) page.evaluate("() => document.querySelector('table.app-breakdown').tHead.rows[0].cells.length")).intValue());
        double one = height(page);
        assertTrue(one < everything / 2, "one question: " + one + "px, all: " + everything + "px");
        Browser.screenshot(page, "survey-results-12-one-question");
        Browser.assertAccessible(page);

        // Point 9: an unknown question is explained with the error summary, and everything is shown.
        page.navigate(view + "&question=42");
        assertTrue(page.isVisible(".govuk-error-summary"));
        assertTrue(page.textContent(".govuk-error-summary").contains("Choose a question from the list"));
        assertTrue(page.isVisible("#question-error"));
        assertEquals(SurveyDefinition.QUESTIONS.size(), page.locator(".app-result").count());
        Browser.screenshot(page, "survey-results-13-unknown-question");
        Browser.assertAccessible(page);
    }

    static Set<String> comments(Page page) {
        List<?> texts = (List<?>) page.evaluate("() => [...document.querySelectorAll('.app-comments li')].map(li => li.textContent)");
        Set<String> set = new java.util.LinkedHashSet<>();
        texts.forEach(t -> set.add(String.valueOf(t)));
        assertEquals(texts.size(), set.size(), "a comment repeats on one page");
        return set;
    }

    static double height(Page page) {
        return ((Number) page.evaluate("() => document.documentElement.scrollHeight")).doubleValue();
    }
}
