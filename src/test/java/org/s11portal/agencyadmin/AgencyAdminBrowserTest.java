package org.s11portal.agencyadmin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.s11portal.agency.Agency;
import org.s11portal.agency.Area;
import org.s11portal.support.Browser;
import org.s11portal.support.BrowserTest;
import org.s11portal.support.Fixtures;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * In a real Chromium, a Portsmouth admin adds an agency (after a refused first try), changes it, then imports a file
 * whose preview shows a problem, uploads the corrected file and imports it; axe checks every page on the way.
 */
@QuarkusTest
class AgencyAdminBrowserTest extends BrowserTest {

    @Inject
    Fixtures fixtures;

    private static void button(Page page, String name) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true)).click();
    }

    private static void link(Page page, String name) {
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name).setExact(true)).first().click();
    }

    private static void check(Page page, String screenshot) {
        Browser.screenshot(page, screenshot);
        Browser.assertAccessible(page);
    }

    @Test
    void anAdminCreatesEditsAndImportsAgencies() {
        String name = Fixtures.unique("Harbour Youth Project");
        Page admin = browser.signedIn(fixtures.admin(Area.PORTSMOUTH).email, Fixtures.PASSWORD);
        link(admin, "Agencies");
        admin.waitForURL("**/admin/agencies");
        check(admin, "agencies-1-list");

        link(admin, "Add an agency");
        admin.waitForURL("**/admin/agencies/new");
        check(admin, "agencies-2-new");
        admin.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill(name);
        admin.getByLabel("Headcount (optional)").fill("many");
        button(admin, "Add agency");
        assertTrue(admin.locator(".govuk-error-summary").textContent().contains("Select the agency's sector"));
        assertTrue(admin.locator(".govuk-error-summary").textContent().contains("Headcount must be a whole number"));
        assertEquals(name, admin.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).inputValue(), "what was typed is kept");
        check(admin, "agencies-3-new-errors");

        admin.getByLabel("Voluntary and community sector").check();
        admin.getByLabel("Isle of Wight").check();
        admin.getByLabel("Headcount (optional)").fill("85");
        admin.getByLabel("Senior lead's name (optional)").fill("Priya Shah");
        admin.getByLabel("Senior lead's email address (optional)").fill("priya.shah@example.org");
        button(admin, "Add agency");
        admin.waitForURL("**/admin/agencies/*?done=created");
        assertTrue(admin.locator("#agency-summary").textContent().contains("Works in two or more areas"));
        check(admin, "agencies-4-agency");

        admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Change Headcount")).click();
        admin.waitForURL("**/edit");
        check(admin, "agencies-5-edit");
        admin.getByLabel("Headcount (optional)").fill("90");
        button(admin, "Save changes");
        admin.waitForURL("**/admin/agencies/*?done=changed");
        assertTrue(admin.locator("#agency-summary").textContent().contains("90"));

        link(admin, "Archive this agency");
        admin.waitForURL("**/archive");
        check(admin, "agencies-6-archive");
        link(admin, "Cancel");
        link(admin, "Delete this agency");
        admin.waitForURL("**/delete");
        check(admin, "agencies-7-delete");

        admin.navigate("/admin/agencies/import");
        check(admin, "agencies-8-import");
        String bad = "name,sector,areas,headcount\n" + name + " Two,Police,Portsmouth,12\n" + name + " Three,Bakery,Portsmouth,\n";
        admin.setInputFiles("#file", new FilePayload("agencies.csv", "text/csv", bad.getBytes(StandardCharsets.UTF_8)));
        button(admin, "Upload and check");
        admin.waitForURL("**/admin/agencies/import/*");
        assertTrue(admin.locator("#import-summary").textContent().contains("2 rows, 1 problem in 1 row"));
        assertEquals(0, admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import 2 agencies")).count());
        check(admin, "agencies-9-preview-error");

        link(admin, "Upload a corrected file");
        admin.waitForURL("**/admin/agencies/import");
        String fixed = bad.replace("Bakery", "Education");
        admin.setInputFiles("#file", new FilePayload("agencies.csv", "text/csv", fixed.getBytes(StandardCharsets.UTF_8)));
        button(admin, "Upload and check");
        admin.waitForURL("**/admin/agencies/import/*");
        assertTrue(admin.locator("#import-summary").textContent().contains("2 agencies, no problems"));
        check(admin, "agencies-10-preview-ready");
        button(admin, "Import 2 agencies");
        admin.waitForURL("**/admin/agencies/import/done?count=2");
        assertTrue(admin.locator("#imported-count").textContent().contains("2 agencies have been added"));
        check(admin, "agencies-11-imported");

        Agency three = AgencyAdminData.byName(name + " Three");
        assertNotNull(three);
        assertEquals(1, three.areas.size());
        assertEquals(Area.PORTSMOUTH, three.areas.iterator().next().code);
    }
}
