package org.s11portal.audit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.s11portal.account.User;
import org.s11portal.agency.Area;
import org.s11portal.agency.Partnership;
import org.s11portal.support.Browser;
import org.s11portal.support.BrowserTest;
import org.s11portal.support.Fixtures;
import org.s11portal.support.SignedIn;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * In a real Chromium: a partnership admin goes from home to the audit log, filters it, and opens an entry with only
 * its "after" fields (a record created) and one with both sides and long values.
 */
@QuarkusTest
class AuditLogBrowserTest extends BrowserTest {

    @Inject
    Fixtures fixtures;

    @Inject
    AdminLog adminLog;

    @Inject
    SignedIn signedIn;

    @Test
    void anAdminFindsAChangeFromHomeAndReadsItBeforeAndAfter() {
        User admin = fixtures.admin(Area.HAMPSHIRE);
        String name = Fixtures.unique("New Forest Family Support");
        long created = signedIn.as(admin, () -> QuarkusTransaction.requiringNew().call(() -> adminLog.record(
                "Created agency", new AdminLog.Subject("Agency", 1L, name, List.of(Partnership.of(Area.HAMPSHIRE))),
                null, AdminLog.fields("name", name)).id));
        signedIn.as(admin, () -> QuarkusTransaction.requiringNew().call(() -> adminLog.record(
                "Changed agency", new AdminLog.Subject("Agency", 1L, name, List.of(Partnership.of(Area.HAMPSHIRE))),
                AdminLog.fields("name", name, "seniorLeadName", null, "notes", "x".repeat(400)),
                AdminLog.fields("name", name, "seniorLeadName", "Dr Amira Okonjo-Fairweather",
                        "notes", "A line\nand another " + "y".repeat(400))).id));

        Page page = browser.signedIn(admin.email, Fixtures.PASSWORD);
        page.navigate("/home");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Audit log").setExact(true)).click();
        page.waitForURL("**/admin/audit-log");
        page.getByLabel("Record", new Page.GetByLabelOptions().setExact(true)).fill(name);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filter")).click();
        assertTrue(page.locator("#changes").textContent().contains("Changed agency"));
        Browser.screenshot(page, "audit-1-log");
        Browser.assertAccessible(page);

        page.locator("#changes a").first().click();
        assertTrue(page.locator("#fields").textContent().contains("Dr Amira Okonjo-Fairweather"));
        assertTrue(page.locator("#fields").textContent().contains("Senior lead name"));
        Browser.screenshot(page, "audit-2-entry", true);
        Browser.assertAccessible(page);

        page.navigate("/admin/audit-log/" + created);
        assertTrue(page.locator("#fields").textContent().contains("None"));
        Browser.assertAccessible(page);

        page.navigate("/admin/audit-log?from-day=40&from-month=1&from-year=2026");
        assertTrue(page.locator(".govuk-error-summary").textContent().contains("Changed from must be a real date"));
        Browser.assertAccessible(page);
    }
}
