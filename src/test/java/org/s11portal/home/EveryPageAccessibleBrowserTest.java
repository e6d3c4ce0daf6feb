package org.s11portal.home;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.s11portal.home.EveryPage.Records;
import org.s11portal.home.EveryPage.Route;
import org.s11portal.support.Browser;
import org.s11portal.support.BrowserTest;
import org.s11portal.support.OwnDatabase;
import org.s11portal.support.WebSession;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.Cookie;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;

/**
 * Issue 9, "done when": the newcomer's walk, automated. Every page of the minimal and the maximal record set
 * ({@link EveryPage}) is opened in headless Chromium by every role that reaches it: no error page, no violation of
 * axe-core (WCAG 2.2 AA), and a screenshot of the top of each under {@code target/screenshots/every-page/}.
 *
 * <p>Each record set is walked in the states that show the most: the minimal one as made; the maximal one
 * submitted (survey open), then returned again with the survey closed. Every page is opened; axe runs on each
 * role's first page (its layout) and then on each page whose {@code <main>} has a structure not checked yet
 * ({@link #MAIN_SHAPE}): the same template showing other words is not checked twice.
 */
@QuarkusTest
@TestProfile(OwnDatabase.class)
class EveryPageAccessibleBrowserTest extends BrowserTest {

    /**
     * The admins' pages are the moderator's templates without the moderator's actions: they are walked with the
     * minimal record, the long records by the two roles whose pages differ most.
     */
    private static final Set<String> LEAD_AND_MODERATOR = Set.of(EveryPage.LEAD, EveryPage.MODERATOR);

    /**
     * The structure of {@code <main>} as axe sees it, without the data: each element's tag, its attributes (the
     * values of those that decide roles, names, states and colours; for the rest only whether they are there, and
     * whether id references resolve and ids are unique), whether it has text of its own; runs of siblings with the
     * same structure count once. Two pages with the same shape differ only in words, links and ids, so axe's WCAG
     * rules give both the same answer: the second is not checked again.
     */
    private static final String MAIN_SHAPE = """
            () => {
              const keep = /^(class|role|type|lang|dir|style|scope|colspan|rowspan|tabindex|hidden|disabled|checked|open|autocomplete|inputmode|spellcheck|data-module|aria-(?!describedby|labelledby|controls|owns|activedescendant).*)$/;
              const refs = /^(for|headers|aria-describedby|aria-labelledby|aria-controls|aria-owns|aria-activedescendant)$/;
              const ids = {};
              document.querySelectorAll('[id]').forEach(e => ids[e.id] = (ids[e.id] || 0) + 1);
              const shape = e => {
                const attributes = [...e.attributes].map(a => keep.test(a.name) ? a.name + '=' + a.value
                    : refs.test(a.name) ? a.name + (a.value.split(/\s+/).every(id => ids[id]) ? '' : '!')
                    : a.name === 'id' ? 'id' + (ids[a.value] > 1 ? '!' : '') : a.name).sort().join(' ');
                const text = [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()) ? '"' : '';
                const children = [];
                for (const child of e.children) {
                  const s = shape(child);
                  if (children[children.length - 1] !== s) children.push(s);
                }
                return '<' + e.tagName + ' ' + attributes + text + '>' + children.join('') + '</>';
              };
              return shape(document.querySelector('main'));
            }
            """;

    /** Shapes of {@code <main>} already checked by axe in this class. */
    private static final Set<String> SHAPES_CHECKED = new HashSet<>();

    @TestHTTPResource("/")
    URL base;

    @Inject
    EveryPage everyPage;

    @Test
    void everyPageOfAMinimalRecordIsAccessibleToEveryRole() {
        Records r = everyPage.minimal();
        assertEquals(List.of(), walk(r, "minimal", EveryPage.ROLES));
    }

    @Test
    void everyPageOfAMaximalRecordIsAccessibleToEveryRole() {
        Records r = everyPage.maximal();
        List<String> failures = new ArrayList<>(walk(r, "maximal", LEAD_AND_MODERATOR));
        failures.addAll(walk(everyPage.returnedAgainWithSurveyClosed(r), "maximal-returned", LEAD_AND_MODERATOR));
        assertEquals(List.of(), failures);
    }

    /** Opens each page as each role; answers what went wrong, one line per page. */
    private List<String> walk(Records r, String label, Set<String> roles) {
        List<String> failures = new ArrayList<>();
        int opened = 0;
        int checked = 0;
        long navigating = 0, checking = 0;
        for (Map.Entry<String, WebSession> role : r.sessions().entrySet()) {
            if (!roles.contains(role.getKey())) {
                continue;
            }
            try (BrowserContext context = browserContextOf(role.getValue())) {
                Page page = context.newPage();
                Set<String> seen = new HashSet<>();
                boolean layoutChecked = false;
                for (Route route : everyPage.routes(r)) {
                    if (!route.page() || !route.roles().contains(role.getKey()) || !seen.add(route.path())) {
                        continue;
                    }
                    opened++;
                    String where = label + " / " + role.getKey() + " " + route.path() + ": ";
                    long t0 = System.nanoTime();
                    Response response = page.navigate(route.path());
                    navigating += System.nanoTime() - t0;
                    if (response == null || response.status() != 200) {
                        failures.add(where + (response == null ? "no response" : response.status()));
                        continue;
                    }
                    if (!page.url().endsWith(route.path()) && !seen.add(page.url().replaceFirst("^https?://[^/]+", ""))) {
                        continue; // sent on to a page already checked (signed in, /sign-in is the home page)
                    }
                    if (page.locator("main#main-content").count() != 1) {
                        failures.add(where + "no main content");
                        continue;
                    }
                    // the layout around <main> depends only on the role: checked with the role's first page
                    if (layoutChecked && !SHAPES_CHECKED.add(mainShape(page))) {
                        continue;
                    }
                    layoutChecked = true;
                    checked++;
                    long t1 = System.nanoTime();
                    try {
                        Browser.assertAccessible(page);
                    } catch (AssertionError violation) {
                        failures.add(where + violation.getMessage());
                    }
                    Browser.screenshot(page, "every-page/" + label + "-" + role.getKey().replace(' ', '-') + "-"
                            + String.format("%03d", checked) + path(route.path()), false);
                    checking += System.nanoTime() - t1;
                }
            }
        }
        System.out.printf("every-page walk %s: opened %d, checked %d, navigating %d ms, axe and screenshots %d ms%n",
                label, opened, checked, navigating / 1_000_000, checking / 1_000_000);
        assertTrue(opened > 20 * roles.size(), "opened " + opened + " pages");
        return failures;
    }

    /** A browser signed in as this session: its cookies, so sign-in throttling and bcrypt are not paid again. */
    private BrowserContext browserContextOf(WebSession session) {
        BrowserContext context = browser.newPage().context();
        List<Cookie> cookies = new ArrayList<>();
        session.cookies().forEach((name, value) -> cookies.add(new Cookie(name, value).setUrl(base.toString())));
        context.addCookies(cookies);
        return context;
    }

    private static String mainShape(Page page) {
        return (String) page.evaluate(MAIN_SHAPE);
    }

    private static String path(String path) {
        return path.replaceAll("[^A-Za-z0-9]+", "-");
    }
}
