package org.s11portal.tooladmin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.s11portal.support.Browser;
import org.s11portal.support.BrowserTest;
import org.s11portal.support.Fixtures;
import org.s11portal.tool.Tool;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * In a real Chromium, the HIPS admin copies the latest version, rewords a question, previews it, publishes it and
 * downloads it as YAML; then an import shows a file's problems.
 */
@QuarkusTest
class ToolVersionBrowserTest extends BrowserTest {

    @Inject
    Fixtures fixtures;

    static Page.GetByRoleOptions named(String name) {
        return new Page.GetByRoleOptions().setName(name).setExact(true);
    }

    static void check(Page page, String screenshot) {
        Browser.screenshot(page, screenshot);
        Browser.assertAccessible(page);
    }

    @Test
    void copyEditPreviewAndPublish() {
        Tool latest = fixtures.aPublishedTool(3, 2);
        String version = (2100 + ThreadLocalRandom.current().nextInt(800)) + "." + ThreadLocalRandom.current().nextInt(1, 999);
        Page admin = browser.signedIn(fixtures.admin(null).email, Fixtures.PASSWORD);

        admin.getByRole(AriaRole.LINK, named("Tool versions")).click();
        admin.waitForURL("**/admin/tools");
        check(admin, "tools-1-list");

        admin.getByRole(AriaRole.BUTTON, named("Copy the latest (" + latest.version + ")")).click();
        admin.waitForURL("**/admin/tools/new");
        admin.getByLabel("New version").fill("26");
        admin.getByRole(AriaRole.BUTTON, named("Make the draft")).click();
        assertTrue(admin.locator(".govuk-error-summary").textContent().contains("like 2026.1"));
        check(admin, "tools-2-copy-error");
        admin.getByLabel("New version").fill(version);
        admin.getByLabel("Title").fill("Self-assessment " + version);
        admin.getByRole(AriaRole.BUTTON, named("Make the draft")).click();
        admin.waitForURL("**/admin/tools/*?done=copied");
        check(admin, "tools-3-draft");

        admin.getByRole(AriaRole.LINK, named("Change T2.Q1")).click();
        admin.waitForURL("**/questions/*");
        admin.getByLabel("Question", new Page.GetByLabelOptions().setExact(true)).fill("");
        admin.getByRole(AriaRole.BUTTON, named("Save the question")).click();
        assertTrue(admin.locator(".govuk-error-summary").textContent().contains("Enter the question"));
        check(admin, "tools-4-question-error");
        admin.getByLabel("Question", new Page.GetByLabelOptions().setExact(true)).fill("How do leaders know safeguarding works for children?");
        admin.getByLabel("Guidance (optional)").fill("Name the audit and what it found.");
        admin.getByRole(AriaRole.BUTTON, named("Save the question")).click();
        admin.waitForURL("**/admin/tools/*?done=question*");
        assertTrue(admin.locator("#question-" + questionId(admin, "T2.Q1")).textContent().contains("How do leaders know"));

        admin.getByRole(AriaRole.LINK, named("Preview T2")).click();
        admin.waitForURL("**/preview/T2");
        assertTrue(admin.locator(".app-preview-banner").textContent().contains("Preview"));
        assertTrue(admin.locator("main").textContent().contains("How do leaders know safeguarding works for children?"));
        assertTrue(admin.locator("textarea").first().isDisabled());
        check(admin, "tools-5-preview");
        admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Next standard")).click();
        admin.waitForURL("**/preview/T3");
        admin.getByRole(AriaRole.LINK, named("Back to version " + version)).click();

        admin.getByRole(AriaRole.BUTTON, named("Check and publish")).click();
        admin.waitForURL("**/publish");
        assertTrue(admin.locator("#changes").textContent().contains("T2.Q1"));
        check(admin, "tools-6-check");
        admin.getByRole(AriaRole.BUTTON, named("Publish version " + version)).click();
        admin.waitForURL("**/admin/tools/*?done=published");
        assertTrue(admin.locator(".govuk-notification-banner").textContent().contains("is published"));
        assertEquals(0, admin.getByRole(AriaRole.LINK, named("Change T2.Q1")).count());
        check(admin, "tools-7-published");
        Download yaml = admin.waitForDownload(() -> admin.getByRole(AriaRole.LINK, named("Export as a tool file (YAML)")).click());
        assertEquals("s11-tool-" + version + ".yaml", yaml.suggestedFilename());
        assertEquals(ToolFile.read(yaml(yaml), ToolFile.Format.YAML).file().version(), version);

        admin.navigate("/admin/tools/import");
        admin.setInputFiles("#file", new com.microsoft.playwright.options.FilePayload("bad.json", "application/json",
                "{\"format\":\"s11-tool/1\"}".getBytes()));
        admin.getByRole(AriaRole.BUTTON, named("Check the file")).click();
        assertTrue(admin.locator("#import-problems").textContent().contains("version: required"));
        check(admin, "tools-8-import-errors");
        admin.setInputFiles("#file", new com.microsoft.playwright.options.FilePayload("shared.yaml", "application/yaml",
                "format: s11-tool/1\nversion: 2026.1\n".getBytes()));
        admin.getByRole(AriaRole.BUTTON, named("Check the file")).click();
        assertTrue(admin.locator("#import-problems").textContent().contains("version: must be text, in quotes"));
    }

    static byte[] yaml(Download download) {
        try {
            return java.nio.file.Files.readAllBytes(download.path());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static long questionId(Page page, String code) {
        return QuarkusTransaction.requiringNew().call(() -> org.s11portal.tool.Question.<org.s11portal.tool.Question>find(
                "code = ?1 and standard.tool.id = ?2", code,
                Long.parseLong(page.url().replaceAll(".*/admin/tools/(\\d+).*", "$1"))).firstResult().id);
    }
}
