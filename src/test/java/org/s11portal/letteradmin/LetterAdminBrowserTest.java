package org.s11portal.letteradmin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.s11portal.agency.Area;
import org.s11portal.letter.LetterTemplate;
import org.s11portal.support.Browser;
import org.s11portal.support.BrowserTest;
import org.s11portal.support.Fixtures;

import com.microsoft.playwright.FrameLocator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * In a real Chromium, axe on every page: a Portsmouth admin edits their local letter template, previews it on an
 * agency's record, meets a problem, saves a new version and reads the old one; the HIPS admin adds and renames a theme.
 */
@QuarkusTest
class LetterAdminBrowserTest extends BrowserTest {

    @Inject
    Fixtures fixtures;

    @Inject
    LetterAdminTestData data;

    @Test
    void aPartnershipAdminPreviewsAndSavesTheirLocalTemplate() {
        LetterAdminTestData.PanelRecord record = data.withOutcome(LocalDate.of(2030, 5, 14), Area.PORTSMOUTH);
        LetterTemplate before = data.current("LOCAL-PORTSMOUTH");

        Page admin = browser.signedIn(fixtures.admin(Area.PORTSMOUTH).email, Fixtures.PASSWORD);
        admin.navigate("/home");
        admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Letter templates")).click();
        admin.waitForURL("**/admin/letter-templates");
        Browser.assertAccessible(admin);
        Browser.screenshot(admin, "letter-admin-1-list");
        admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Local letter (Portsmouth)").setExact(true)).click();
        admin.waitForURL("**/admin/letter-templates/LOCAL-PORTSMOUTH");
        Browser.assertAccessible(admin);
        admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Edit the template")).click();
        admin.waitForURL("**/LOCAL-PORTSMOUTH/edit");
        Browser.assertAccessible(admin);
        Browser.screenshot(admin, "letter-admin-2-edit");

        admin.getByLabel("Template text").fill(before.source + "\n<p>Browser preview for {agencyName}.</p>");
        admin.getByLabel("Preview on").selectOption(String.valueOf(record.itemId()));
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Preview")).click();
        FrameLocator frame = admin.frameLocator("iframe.app-letter-preview");
        frame.getByText("Browser preview for " + record.agency().name + ".").waitFor();
        assertTrue(frame.locator("body").textContent().contains(LetterAdminTestData.STRENGTH));
        assertEquals("DejaVu Sans", frame.locator(".letter").first().evaluate(
                "e => getComputedStyle(e).fontFamily.split(',')[0].replaceAll('\"', '')"), "the letter's own font and styles");
        Browser.assertAccessible(admin);
        Browser.screenshot(admin, "letter-admin-3-preview", true);
        assertEquals(before.id, data.current("LOCAL-PORTSMOUTH").id, "a preview saves nothing");

        admin.getByLabel("Template text").fill(before.source + "\n<p>{agencyNmae}</p>");
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Preview")).click();
        assertTrue(admin.locator(".govuk-error-summary").textContent().contains("unknown field \"agencyNmae\""));
        assertTrue(admin.getByLabel("Template text").inputValue().endsWith("<p>{agencyNmae}</p>"), "the text is kept");
        Browser.assertAccessible(admin);
        Browser.screenshot(admin, "letter-admin-4-problem");

        admin.getByLabel("Template text").fill(before.source + "\n{! saved in the browser !}");
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save as version " + (before.version + 1))).click();
        admin.waitForURL("**/LOCAL-PORTSMOUTH?saved=" + (before.version + 1));
        assertTrue(admin.locator(".govuk-notification-banner").textContent().contains("Version " + (before.version + 1)));
        Browser.assertAccessible(admin);
        Browser.screenshot(admin, "letter-admin-5-saved");
        assertEquals(before.version + 1, data.current("LOCAL-PORTSMOUTH").version);

        admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Read version " + before.version)).click();
        admin.waitForURL("**/versions/" + before.version);
        Browser.assertAccessible(admin);
        admin.navigate("/admin/letter-templates/JOINT");
        Browser.assertAccessible(admin);
        admin.navigate("/admin/themes");
        Browser.assertAccessible(admin);
    }

    @Test
    void theHipsAdminAddsAndRenamesATheme() {
        Page admin = browser.signedIn(fixtures.admin(null).email, Fixtures.PASSWORD);
        admin.navigate("/home");
        admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Themes")).click();
        admin.waitForURL("**/admin/themes");
        Browser.assertAccessible(admin);
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add the theme")).click();
        assertTrue(admin.locator(".govuk-error-summary").textContent().contains("Enter the theme's name"));
        Browser.assertAccessible(admin);
        String name = Fixtures.unique("Neglect");
        admin.getByLabel("Name of the theme").fill(name);
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add the theme")).click();
        admin.waitForURL("**/admin/themes?done=added**");
        assertTrue(admin.locator("table").textContent().contains(name));
        Browser.assertAccessible(admin);
        Browser.screenshot(admin, "letter-admin-6-themes", true);
        admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Rename " + name)).click();
        Browser.assertAccessible(admin);
        admin.getByLabel("Name of the theme").fill(name + " and neglect of teenagers");
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the name")).click();
        admin.waitForURL("**/admin/themes?done=renamed**");
        assertTrue(admin.locator("table").textContent().contains(name + " and neglect of teenagers"));
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Retire " + name + " and neglect of teenagers")).click();
        admin.waitForURL("**/admin/themes?done=retired**");
        Browser.assertAccessible(admin);
        Browser.screenshot(admin, "letter-admin-7-retired");
    }
}
