package org.s11portal.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.s11portal.agency.Agency;
import org.s11portal.agency.Area;
import org.s11portal.common.config.PortalClock;
import org.s11portal.support.Browser;
import org.s11portal.support.BrowserTest;
import org.s11portal.support.Fixtures;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** In a real Chromium: an admin goes from home to the Emails page and reads an email as it would arrive. */
@QuarkusTest
class EmailsBrowserTest extends BrowserTest {

    @Inject
    Fixtures fixtures;

    @Inject
    Emails emails;

    @Inject
    Outbox outbox;

    @Inject
    PortalClock clock;

    /** The letter feature's pair, the most common email. */
    @Inject
    @Location("mail/letterIssued")
    Template letterIssued;

    @Test
    void anAdminReadsAFailedEmailAsItWouldArrive() {
        Agency agency = fixtures.anAgency().inAreas(Area.SOUTHAMPTON).create();
        var lead = fixtures.lead(agency);
        QuarkusTransaction.requiringNew().run(() -> emails.toAgencyLeads(agency.id,
                letterIssued.data("agencyName", agency.name).data("link", emails.link("/feedback-letter")),
                "test", String.valueOf(agency.id), "Your Section 11 feedback letter is ready"));
        OutboxMessage email = QuarkusTransaction.requiringNew().call(() -> OutboxMessage.<OutboxMessage>find(
                "agencyId", agency.id).firstResult());
        var now = clock.now();
        QuarkusTransaction.requiringNew().run(() -> OutboxMessage.update(
                "attempts = 2, lastError = ?1, lastAttemptAt = ?2, nextAttemptAt = ?3 where id = ?4",
                "io.netty.channel.AbstractChannel$AnnotatedConnectException: Connection refused: smtp.example.org/192.0.2.1:587",
                now, now.plusSeconds(120), email.id));

        Page admin = browser.signedIn(fixtures.admin(Area.SOUTHAMPTON).email, Fixtures.PASSWORD);
        admin.navigate("/home");
        admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Emails").setExact(true)).click();
        admin.waitForURL("**/emails");
        assertTrue(admin.locator("#backlog").textContent().contains("Connection refused"));
        Browser.screenshot(admin, "mail-1-emails");
        Browser.assertAccessible(admin);

        admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Your Section 11 feedback letter is ready to "
                + lead.email)).click();
        admin.waitForURL("**/emails/" + email.id);
        assertTrue(admin.locator("#text-part").textContent().contains(emails.link("/feedback-letter")));
        var frame = admin.frameLocator("iframe.app-email-frame");
        assertEquals(emails.link("/feedback-letter"), frame.getByRole(AriaRole.LINK).getAttribute("href"));
        assertTrue(frame.locator("body").textContent().contains(agency.name));
        Browser.screenshot(admin, "mail-2-email", true);
        Browser.assertAccessible(admin);
    }
}
