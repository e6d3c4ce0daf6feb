package org.s11portal.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.deque.html.axecore.args.AxeRunOnlyOptions;
import com.deque.html.axecore.args.AxeRunOptions;
import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import io.quarkus.arc.Arc;

/**
 * A real headless Chromium (Debian's, found by `make test`) driven by Playwright without any browser
 * download. One per test class: open pages, take screenshots under target/screenshots, and run axe-core.
 */
public final class Browser implements AutoCloseable {

    public static final Path SCREENSHOTS = Paths.get("target", "screenshots");
    /** WCAG 2.2 AA and everything below it. */
    private static final List<String> AXE_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");
    private static final AxeRunOptions AXE_OPTIONS = axeOptions();

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser browser;
    private final String baseUrl;

    public Browser(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(chromium())
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic")));
    }

    /** A fresh browser context (no cookies) with a desktop viewport. */
    public Page newPage() {
        return newPage(1280, 900);
    }

    public Page newPage(int width, int height) {
        return browser.newContext(new NewContextOptions().setViewportSize(width, height).setBaseURL(baseUrl))
                .newPage();
    }

    /** Signs in through the real form and waits for the landing page. */
    public Page signedIn(String email, String password) {
        Page page = newPage();
        page.navigate("/sign-in");
        page.getByLabel("Email address").fill(email);
        page.getByLabel("Password").fill(password);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Sign in")).click();
        page.waitForURL(url -> url.contains("/home") || url.contains("/sign-in/two-step"));
        if (page.url().contains("/sign-in/two-step") && !page.url().contains("/set-up")) {
            // two-step sign-in: the code the user's authenticator app shows now
            page.getByLabel("Code", new Page.GetByLabelOptions().setExact(true))
                    .fill(Arc.container().instance(Fixtures.class).get().twoStepCode(email));
            page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                    new Page.GetByRoleOptions().setName("Continue")).click();
        }
        page.waitForURL("**/home");
        return page;
    }

    public static void screenshot(Page page, String name) {
        screenshot(page, name, true);
    }

    /** The whole page, or only what the window shows (much cheaper on a long page). */
    public static void screenshot(Page page, String name, boolean fullPage) {
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(fullPage));
    }

    /**
     * Fails with every axe-core violation on the page, described well enough to fix. The portal's pages have no
     * frames, so axe runs in the page itself ("legacy mode"): the frame-by-frame mode opens an extra blank page
     * for every check and doubles its cost. Every rule runs; only the violations are reported in full (for the
     * passes axe sends one example each, not every element of a long page with its HTML).
     */
    public static void assertAccessible(Page page) {
        AxeResults results = new AxeBuilder(page).options(AXE_OPTIONS).setLegacyMode(true).analyze();
        List<Rule> violations = results.getViolations();
        if (!violations.isEmpty()) {
            fail("axe-core found " + violations.size() + " violation(s) on " + page.url() + ":\n"
                    + violations.stream()
                            .map(v -> "- " + v.getId() + " (" + v.getImpact() + "): " + v.getHelp() + " at "
                                    + v.getNodes().stream().map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", ")))
                            .collect(Collectors.joining("\n")));
        }
    }

    private static AxeRunOptions axeOptions() {
        AxeRunOnlyOptions tags = new AxeRunOnlyOptions();
        tags.setType("tag");
        tags.setValues(AXE_TAGS);
        AxeRunOptions options = new AxeRunOptions();
        options.setRunOnly(tags);
        options.setResultTypes(List.of("violations"));
        return options;
    }

    private static Path chromium() {
        String configured = System.getenv("S11_CHROMIUM");
        Path path = Paths.get(configured == null || configured.isBlank() ? "/usr/bin/chromium" : configured);
        if (!Files.isExecutable(path)) {
            fail("No Chromium at " + path + ": run `make test`, which installs Debian's chromium, or set S11_CHROMIUM");
        }
        return path;
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
