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
import org.s11portal.support.WebSession;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.Cookie;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * Issue 9, "done when": the newcomer's walk, automated. Every page of the minimal and the maximal record set
 * ({@link EveryPage}) is opened in headless Chromium by every role that reaches it: no error page, no violation of
 * axe-core (WCAG 2.2 AA), and a screenshot of the top of each under {@code target/screenshots/every-page/}.
 *
 * <p>Each record set is walked in the states that show the most: the minimal one as made; the maximal one
 * submitted (survey open), then returned again with the survey closed. Pages that differ only by which question they show (history and files of each question) are opened for the
 * first question only; {@link EveryPageRendersTest} requests all of them.
 */
@QuarkusTest
class EveryPageAccessibleBrowserTest extends BrowserTest {

    /**
     * The admins' pages are the moderator's templates without the moderator's actions: they are walked with the
     * minimal record, the long records by the two roles whose pages differ most.
     */
    private static final Set<String> LEAD_AND_MODERATOR = Set.of(EveryPage.LEAD, EveryPage.MODERATOR);

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
        int checked = 0;
        for (Map.Entry<String, WebSession> role : r.sessions().entrySet()) {
            if (!roles.contains(role.getKey())) {
                continue;
            }
            try (BrowserContext context = browserContextOf(role.getValue())) {
                Page page = context.newPage();
                Set<String> seen = new HashSet<>();
                for (Route route : everyPage.routes(r)) {
                    if (!route.page() || !route.roles().contains(role.getKey()) || !seen.add(oneQuestion(route.path()))) {
                        continue;
                    }
                    checked++;
                    String where = label + " / " + role.getKey() + " " + route.path() + ": ";
                    Response response = page.navigate(route.path());
                    if (response == null || response.status() != 200) {
                        failures.add(where + (response == null ? "no response" : response.status()));
                        continue;
                    }
                    if (!page.url().endsWith(route.path()) && !seen.add(oneQuestion(page.url().replaceFirst("^https?://[^/]+", "")))) {
                        continue; // sent on to a page already checked (signed in, /sign-in is the home page)
                    }
                    if (page.locator("main#main-content").count() != 1) {
                        failures.add(where + "no main content");
                        continue;
                    }
                    try {
                        Browser.assertAccessible(page);
                    } catch (AssertionError violation) {
                        failures.add(where + violation.getMessage());
                    }
                    Browser.screenshot(page, "every-page/" + label + "-" + role.getKey().replace(' ', '-') + "-"
                            + String.format("%03d", checked) + path(route.path()), false);
                }
            }
        }
        assertTrue(checked > 20 * roles.size(), "opened " + checked + " pages");
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

    /** History and files pages of every question are one template each: the first question stands for all. */
    private static String oneQuestion(String path) {
        return path.replaceFirst("/questions/\\d+/", "/questions/N/");
    }

    private static String path(String path) {
        return path.replaceAll("[^A-Za-z0-9]+", "-");
    }
}
