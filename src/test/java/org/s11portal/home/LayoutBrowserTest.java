package org.s11portal.home;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.s11portal.account.User;
import org.s11portal.agency.Agency;
import org.s11portal.agency.Area;
import org.s11portal.assessment.Assessment;
import org.s11portal.assessment.AssessmentState;
import org.s11portal.cycle.Cycle;
import org.s11portal.support.Browser;
import org.s11portal.support.BrowserTest;
import org.s11portal.support.Fixtures;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** The shared layout at a laptop width: the header stays compact with a long name; status tags never wrap. */
@QuarkusTest
class LayoutBrowserTest extends BrowserTest {

    /** 60 characters: long, but a real person's full name with titles can be this long. */
    static final String LONG_NAME = "Dr Alexandra Catherine Montgomery-Fitzwilliam-Smythe-Jones A";

    @Inject
    Fixtures fixtures;

    @Test
    void headerStaysOnTwoRowsAtMostWithALongName() {
        assertEquals(60, LONG_NAME.length());
        Cycle cycle = fixtures.aCycle().create();
        Agency agency = fixtures.anAgency().inAreas(Area.HAMPSHIRE).create();

        Page shortName = browser.signedIn(fixtures.lead(agency).email, Fixtures.PASSWORD);
        shortName.setViewportSize(1280, 800);
        double oneRow = headerHeight(shortName);

        User lead = fixtures.lead(agency);
        rename(lead, LONG_NAME);
        Page page = browser.signedIn(lead.email, Fixtures.PASSWORD);
        page.setViewportSize(1280, 800);
        Browser.screenshot(page, "layout-01-long-name-1280");
        double height = headerHeight(page);
        assertTrue(height <= 2 * oneRow + 1,
                "header is " + height + "px high with a 60-character name, one row is " + oneRow + "px");

        // The full name stays in the page for assistive technology, and as a tooltip where it is cut short.
        String name = page.locator(".app-account__name").textContent();
        assertTrue(name.contains(LONG_NAME), name);
        assertEquals(LONG_NAME, page.locator(".app-account__person").getAttribute("title"));
        // Sign out is still on screen and inside the page width.
        var signOut = page.locator(".app-account__form button").boundingBox();
        assertTrue(signOut.x + signOut.width <= 1280, "Sign out is off screen at x=" + signOut.x);
        Browser.assertAccessible(page);

        // On a phone the account is in the menu; the long name never makes the page scroll sideways.
        page.setViewportSize(390, 844);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Menu")).click();
        Browser.screenshot(page, "layout-05-long-name-phone-menu");
        Number overflow = (Number) page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertEquals(0, overflow.intValue(), "the page scrolls sideways on a phone");
        signOut = page.locator(".app-account__form button").boundingBox();
        assertTrue(signOut.x >= 0 && signOut.x + signOut.width <= 390, "Sign out is off screen at x=" + signOut.x);
        Browser.assertAccessible(page);
    }

    @Test
    void statusTagsStayOnOneLine() {
        Cycle cycle = fixtures.aCycle().withTool().create();
        Agency agency = fixtures.anAgency().inAreas(Area.HAMPSHIRE).create();
        fixtures.anAssessment().forAgency(agency).inCycle(cycle).inState(AssessmentState.FEEDBACK_ISSUED).create();
        User lead = fixtures.lead(agency);
        Page page = browser.signedIn(lead.email, Fixtures.PASSWORD);
        page.setViewportSize(1280, 800);
        Browser.screenshot(page, "layout-02-home-tag");
        assertTagsOnOneLine(page, 1);

        Agency other = fixtures.anAgency().inAreas(Area.SOUTHAMPTON).create();
        Assessment assessment = fixtures.anAssessment().forAgency(other).inCycle(cycle).inProgress().create();
        Page moderator = browser.signedIn(fixtures.moderator(Area.HAMPSHIRE).email, Fixtures.PASSWORD);
        moderator.setViewportSize(1280, 800);
        Browser.screenshot(moderator, "layout-03-moderator-home-tags");
        assertTagsOnOneLine(moderator, 1);

        Page otherLead = browser.signedIn(fixtures.lead(other).email, Fixtures.PASSWORD);
        otherLead.setViewportSize(1280, 800);
        otherLead.navigate("/assessments/" + assessment.id);
        Browser.screenshot(otherLead, "layout-04-task-list-tags");
        assertTagsOnOneLine(otherLead, 2);
    }

    /** Every status tag in the main content is one line high: one box, no taller than its line height and padding. */
    @SuppressWarnings("unchecked")
    private static void assertTagsOnOneLine(Page page, int atLeast) {
        List<String> wrapped = (List<String>) page.evaluate("""
                () => [...document.querySelectorAll('main .govuk-tag')].flatMap(tag => {
                  const style = getComputedStyle(tag)
                  const oneLine = parseFloat(style.lineHeight) + parseFloat(style.paddingTop) + parseFloat(style.paddingBottom)
                  const height = tag.getBoundingClientRect().height
                  return height > oneLine + 1 ? [tag.textContent + ' is ' + height + 'px high, one line is ' + oneLine] : []
                })""");
        int tags = page.locator("main .govuk-tag").count();
        assertTrue(tags >= atLeast, "expected status tags on " + page.url() + ", found " + tags);
        assertTrue(wrapped.isEmpty(), String.join("; ", wrapped) + " on " + page.url());
        assertFalse(page.locator("main .govuk-tag").first().textContent().isBlank());
    }

    private static double headerHeight(Page page) {
        return page.locator(".govuk-service-navigation").boundingBox().height;
    }

    @Transactional
    void rename(User user, String displayName) {
        User managed = User.findById(user.id);
        managed.displayName = displayName;
    }
}
