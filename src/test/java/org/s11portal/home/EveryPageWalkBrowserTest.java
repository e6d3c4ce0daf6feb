package org.s11portal.home;

import static java.util.stream.Collectors.joining;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.s11portal.home.EveryPage.MAIN;

import java.net.URL;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.s11portal.home.EveryPage.Records;
import org.s11portal.home.EveryPage.Route;
import org.s11portal.support.Browser;
import org.s11portal.support.BrowserTest;
import org.s11portal.support.OwnDatabase;
import org.s11portal.support.WebSession;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Cookie;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/**
 * Issue 9, "done when": the newcomer's walk, automated, over a minimal and a maximal record set ({@link EveryPage}),
 * each in the states that show the most (the minimal one as made, then with its survey closed and no answers; the
 * maximal one submitted with the survey open, then returned again with the survey closed).
 * <ol>
 * <li>Every role GETs every route: 200 or 303 (a redirect is followed once and must land on a page), never a 5xx,
 * a refusal for routes that are not theirs, and every HTML page has the layout's main.</li>
 * <li>Headless Chromium opens, as each role, the role's first page (its layout) and every page whose {@code <main>}
 * has a structure not seen yet ({@link #mainShape}), and runs axe-core (WCAG 2.2 AA) on it, with a screenshot
 * under {@code target/screenshots/every-page/}. The same template showing other words is not opened twice: axe's
 * rules would give it the same answer. The admins' pages are the moderator's templates without the moderator's
 * actions, so the maximal record is opened by the lead and the moderator only.</li>
 * </ol>
 */
@QuarkusTest
@TestProfile(OwnDatabase.class)
class EveryPageWalkBrowserTest extends BrowserTest {

    private static final Set<String> LEAD_AND_MODERATOR = Set.of(EveryPage.LEAD, EveryPage.MODERATOR);

    /** Attributes whose values decide roles, names, states and colours: part of the shape with their values. */
    private static final Pattern KEEP = Pattern.compile("^(class|role|type|lang|dir|style|scope|colspan|rowspan|tabindex"
            + "|hidden|disabled|checked|open|autocomplete|inputmode|spellcheck|data-module"
            + "|aria-(?!describedby|labelledby|controls|owns|activedescendant).*)$");
    /** Attributes naming other elements' ids: part of the shape as "resolves or not". */
    private static final Pattern REFERENCES = Pattern.compile(
            "^(for|headers|aria-describedby|aria-labelledby|aria-controls|aria-owns|aria-activedescendant)$");

    /** Shapes of {@code <main>} already opened and checked by axe in this class. */
    private static final Set<String> SHAPES_CHECKED = new HashSet<>();

    @TestHTTPResource("/")
    URL base;

    @Inject
    EveryPage everyPage;

    @Test
    void everyPageOfAMinimalRecordRendersAndIsAccessibleToEveryRole() {
        Records r = everyPage.minimal();
        List<String> failures = new ArrayList<>(walk(r, EveryPage.ROLES));
        // the survey closed with no answers at all: results pages with nothing to show
        failures.addAll(walk(everyPage.withSurveyClosed(r, ", survey closed"), EveryPage.ROLES));
        assertEquals(List.of(), failures);
    }

    @Test
    void everyPageOfAMaximalRecordRendersAndIsAccessibleToEveryRole() {
        Records r = everyPage.maximal();
        List<String> failures = new ArrayList<>(walk(r, LEAD_AND_MODERATOR));
        failures.addAll(walk(everyPage.returnedAgainWithSurveyClosed(r), LEAD_AND_MODERATOR));
        assertEquals(List.of(), failures);
    }

    @Test
    void everyPageOfAPanelsLetterRendersAndIsAccessibleToEveryRole() {
        Records lettered = everyPage.lettered();
        List<String> failures = new ArrayList<>(walk(lettered, LEAD_AND_MODERATOR));
        failures.addAll(walk(everyPage.withLetterIssued(lettered), LEAD_AND_MODERATOR));
        assertEquals(List.of(), failures);
    }

    @Test
    void everyPageOfAClosedCycleRendersReadOnlyAndIsAccessibleToEveryRole() {
        Records closed = everyPage.withCycleClosed(everyPage.lettered());
        // a closed cycle's change forms refuse to open (409, "This cycle is closed"): the only answers that are not pages
        String refused = ".* / HIPS admin GET /admin/cycles/" + closed.cycle().id + "/(extend|close|participants|checkpoints/new): 409";
        assertEquals(List.of(), walk(closed, LEAD_AND_MODERATOR).stream().filter(f -> !f.matches(refused)).toList());
        WebSession moderator = closed.sessions().get(EveryPage.MODERATOR);
        String letter = moderator.get("/letters/" + closed.letterId()).asString();
        assertTrue(letter.contains("This cycle closed on") && !letter.contains("Save and preview"), "the draft letter reads only");
        String item = moderator.get("/panels/" + closed.panelId() + "/items/" + closed.agendaItemId()).asString();
        assertTrue(item.contains("This cycle closed on") && !item.contains("/findings/"), "the panel's findings read only");
    }

    @Test
    void everyPageOfYearTwoRendersAndIsAccessibleToEveryRole() {
        Records issued = everyPage.withLetterIssued(everyPage.lettered());
        assertEquals(List.of(), walk(everyPage.inYearTwo(issued), LEAD_AND_MODERATOR));
    }

    /** Both walks of one record set; answers what went wrong, one line per request or page. */
    private List<String> walk(Records r, Set<String> browserRoles) {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<String, WebSession> role : r.sessions().entrySet()) {
            Map<String, String> pages = new LinkedHashMap<>();
            for (Route route : everyPage.routes(r)) {
                checked++;
                String failure = fetch(role.getKey(), role.getValue(), route, pages);
                if (failure != null) {
                    failures.add(r.label() + " / " + role.getKey() + " GET " + route.path() + ": " + failure);
                }
            }
            if (browserRoles.contains(role.getKey())) {
                failures.addAll(open(r.label(), role.getKey(), role.getValue(), pages));
            }
        }
        assertTrue(checked > 100, "walked " + checked + " requests");
        return failures;
    }

    /**
     * GETs one route as one role; answers what is wrong with the answer, or null. A page of the role's is added to
     * {@code pages} (path → HTML of the page it lands on).
     */
    private static String fetch(String role, WebSession session, Route route, Map<String, String> pages) {
        Response response = session.get(route.path());
        int status = response.statusCode();
        if (status >= 500) {
            return status + " (a crash)";
        }
        if (!route.roles().contains(role)) {
            // not theirs: refused or sent elsewhere, never a crash and never the page itself
            return Set.of(303, 403, 404).contains(status) ? null : "expected a refusal, got " + status;
        }
        if (status == 303) {
            String location = response.header("Location");
            Response landed = session.get(location.replaceFirst("^https?://[^/]+", "").replaceFirst("#.*$", ""));
            if (landed.statusCode() != 200 || !landed.asString().contains(MAIN)) {
                return "303 to " + location + " which answered " + landed.statusCode();
            }
            if (route.page()) {
                pages.put(route.path(), landed.asString());
            }
            return null;
        }
        if (status != 200) {
            return String.valueOf(status);
        }
        if (route.page()) {
            String html = response.asString();
            if (!html.contains(MAIN)) {
                return "200 without the layout's <main>";
            }
            pages.put(route.path(), html);
        }
        return null;
    }

    /** Opens in Chromium, as this role, its first page and each page of a shape not checked yet, and runs axe. */
    private List<String> open(String label, String role, WebSession session, Map<String, String> pages) {
        List<String> failures = new ArrayList<>();
        int opened = 0;
        long took = System.nanoTime();
        try (BrowserContext context = browserContextOf(session)) {
            Page page = context.newPage();
            for (Map.Entry<String, String> entry : pages.entrySet()) {
                // the layout around <main> depends only on the role: checked with the role's first page
                if (!SHAPES_CHECKED.add(mainShape(entry.getValue())) && opened > 0) {
                    continue;
                }
                opened++;
                String where = label + " / " + role + " " + entry.getKey() + ": ";
                com.microsoft.playwright.Response response = page.navigate(entry.getKey());
                if (response == null || response.status() != 200) {
                    failures.add(where + (response == null ? "no response" : response.status()));
                    continue;
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
                Browser.screenshot(page, "every-page/" + label.replaceAll("[^A-Za-z0-9]+", "-") + "-"
                        + role.replace(' ', '-') + "-" + String.format("%03d", opened) + path(entry.getKey()), false);
            }
        }
        System.out.printf("every-page walk %s / %s: %d pages fetched, %d opened in the browser and checked, %d ms%n",
                label, role, pages.size(), opened, (System.nanoTime() - took) / 1_000_000);
        assertTrue(pages.size() > 20, label + " / " + role + ": only " + pages.size() + " pages");
        return failures;
    }

    /**
     * The structure of a page's {@code <main>} as axe sees it, without the data: each element's tag, its attributes
     * (the values of those that decide roles, names, states and colours; for the rest only whether they are there,
     * and whether id references resolve and ids are unique), whether it has text of its own; runs of siblings with
     * the same structure count once. Two pages with the same shape differ only in words, links and ids.
     */
    static String mainShape(String html) {
        Document document = Jsoup.parse(html);
        Map<String, Integer> ids = new HashMap<>();
        document.select("[id]").forEach(e -> ids.merge(e.id(), 1, Integer::sum));
        Element main = document.selectFirst("main");
        return main == null ? "" : shape(main, ids);
    }

    private static String shape(Element element, Map<String, Integer> ids) {
        String attributes = element.attributes().asList().stream().map(a -> {
            String name = a.getKey();
            if (KEEP.matcher(name).matches()) {
                return name + "=" + a.getValue();
            }
            if (REFERENCES.matcher(name).matches()) {
                return name + (Arrays.stream(a.getValue().trim().split("\\s+")).allMatch(ids::containsKey) ? "" : "!");
            }
            return name.equals("id") ? "id" + (ids.getOrDefault(a.getValue(), 0) > 1 ? "!" : "") : name;
        }).sorted().collect(joining(" "));
        String text = element.textNodes().stream().anyMatch(t -> !t.isBlank()) ? "\"" : "";
        StringBuilder children = new StringBuilder();
        String previous = null;
        for (Element child : element.children()) {
            String shape = shape(child, ids);
            if (!shape.equals(previous)) {
                children.append(shape);
            }
            previous = shape;
        }
        return "<" + element.tagName() + " " + attributes + text + ">" + children + "</>";
    }

    /** A browser signed in as this session: its cookies, so sign-in throttling and bcrypt are not paid again. */
    private BrowserContext browserContextOf(WebSession session) {
        BrowserContext context = browser.newPage().context();
        List<Cookie> cookies = new ArrayList<>();
        session.cookies().forEach((name, value) -> cookies.add(new Cookie(name, value).setUrl(base.toString())));
        context.addCookies(cookies);
        return context;
    }

    private static String path(String path) {
        return path.replaceAll("[^A-Za-z0-9]+", "-");
    }
}
