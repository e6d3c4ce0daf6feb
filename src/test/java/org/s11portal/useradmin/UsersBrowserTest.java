package org.s11portal.useradmin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.s11portal.account.User;
import org.s11portal.agency.Agency;
import org.s11portal.agency.Area;
import org.s11portal.mail.MailSender;
import org.s11portal.mail.MailServer;
import org.s11portal.support.Browser;
import org.s11portal.support.BrowserTest;
import org.s11portal.support.Fixtures;

import com.icegreen.greenmail.util.GreenMailUtil;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

/**
 * In a real Chromium, axe on every page: an admin invites a lead, the lead opens the link from the email as delivered,
 * sets a password and signs in; the user pages of a minimal account (no agency, partnership or dates) and a full one.
 */
@QuarkusTest
class UsersBrowserTest extends BrowserTest {

    static final Pattern INVITATION = Pattern.compile("https?://[^/\\s]+(/invitations/[A-Za-z0-9_-]+)");

    @Inject
    Fixtures fixtures;

    @Inject
    MailSender sender;

    MailServer server;

    @BeforeAll
    void startServer() {
        server = MailServer.running();
        deliver();
    }


    void deliver() {
        MailServer.deliverAll(sender);
    }

    static void checked(Page page, String name) {
        Browser.screenshot(page, name, true);
        Browser.assertAccessible(page);
    }

    @Test
    void anAdminInvitesALeadWhoSetsAPasswordAndSignsIn() throws Exception {
        Agency agency = fixtures.anAgency().inAreas(Area.PORTSMOUTH).create();
        User minimal = fixtures.moderator(null);
        String email = UsersResourceTest.email();

        Page admin = browser.signedIn(fixtures.admin(null).email, Fixtures.PASSWORD);
        admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Users").setExact(true)).click();
        admin.waitForURL("**/admin/users");
        checked(admin, "users-1-list");
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Invite a user")).click();
        admin.waitForURL("**/admin/users/new");
        checked(admin, "users-2-invite");
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send invitation")).click();
        admin.waitForSelector(".govuk-error-summary");
        checked(admin, "users-3-invite-errors");
        admin.getByLabel("Full name").fill("Lena Lead");
        admin.getByLabel("Email address").fill(email);
        admin.getByLabel("Agency lead", new Page.GetByLabelOptions().setExact(true)).check();
        admin.getByLabel("Agency (for an agency lead)").selectOption(String.valueOf(agency.id));
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send invitation")).click();
        admin.waitForURL("**/admin/users/*?done=invited");
        assertTrue(admin.locator(".govuk-notification-banner").textContent().contains("An invitation has been sent"));
        checked(admin, "users-4-invited");
        admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Resend invitation for Lena Lead")).click();
        admin.waitForURL("**/resend-invitation");
        checked(admin, "users-5-confirm");

        deliver();
        List<MimeMessage> received = server.receivedBy(email);
        assertEquals(1, received.size());
        Matcher link = INVITATION.matcher(GreenMailUtil.getBody(received.get(0)).replace("=\r\n", ""));
        assertTrue(link.find(), "the delivered email holds the link");

        Page lead = browser.newPage();
        lead.navigate(link.group(1));
        checked(lead, "users-6-set-password");
        lead.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill("short");
        lead.getByLabel("Confirm password").fill("short");
        lead.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Set password")).click();
        lead.waitForSelector(".govuk-error-summary");
        checked(lead, "users-7-set-password-error");
        lead.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(AccountLinksTest.NEW_PASSWORD);
        lead.getByLabel("Confirm password").fill(AccountLinksTest.NEW_PASSWORD);
        lead.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Set password")).click();
        lead.waitForURL("**/sign-in?ready=true");
        assertTrue(lead.content().contains("Your account is ready: sign in"));
        checked(lead, "users-8-ready");
        lead.getByLabel("Email address").fill(email);
        lead.getByLabel("Password").fill(AccountLinksTest.NEW_PASSWORD);
        lead.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        lead.waitForURL("**/home");
        assertTrue(lead.content().contains(agency.name));

        lead.navigate(link.group(1));
        assertTrue(lead.content().contains("This link cannot be used"));
        checked(lead, "users-9-link-used");

        // a full account (agency, invited and accepted dates) and a minimal one (none of them)
        User full = UserLinks.user(email);
        admin.navigate("/admin/users/" + full.id);
        assertTrue(admin.locator("#agencies").textContent().contains(agency.name));
        checked(admin, "users-10-full");
        admin.navigate("/admin/users/" + minimal.id);
        assertTrue(admin.locator("#user").textContent().contains("Not invited through the portal"));
        checked(admin, "users-11-minimal");
        admin.navigate("/admin/users?role=MODERATOR&status=deactivated");
        checked(admin, "users-12-filtered");
    }

    @Test
    void theForgottenPasswordPagesAreAccessible() {
        Page page = browser.newPage();
        page.navigate("/sign-in");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Forgotten your password?")).click();
        page.waitForURL("**/sign-in/forgotten");
        checked(page, "users-13-forgotten");
        page.getByLabel("Email address").fill(UsersResourceTest.email());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send reset link")).click();
        page.waitForURL("**/sign-in/forgotten/sent");
        checked(page, "users-14-sent");
        page.navigate("/password-reset/not-a-real-token");
        assertTrue(page.content().contains("This link cannot be used"));
        checked(page, "users-15-reset-unusable");
    }
}
