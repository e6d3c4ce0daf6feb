package org.s11portal.cycleadmin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.s11portal.common.config.PortalClock;
import org.s11portal.mail.MailSender;
import org.s11portal.mail.MailServer;
import org.s11portal.support.Browser;
import org.s11portal.support.BrowserTest;
import org.s11portal.support.Fixtures;

import com.icegreen.greenmail.util.GreenMailUtil;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

/**
 * Issue 13, "done when", in a real Chromium with axe on every page: a partnership with nothing set up. The HIPS admin
 * imports the tool file that comes with the portal and publishes it, adds an agency, invites its lead (the invitation
 * arrives by email), the lead sets a password and signs in to find no self-assessment yet; the admin creates and
 * opens a cycle; the lead starts their self-assessment against the imported tool.
 */
@QuarkusTest
class NewPartnershipJourneyBrowserTest extends BrowserTest {

    private static final Pattern INVITATION = Pattern.compile("https?://[^/\\s]+(/invitations/[A-Za-z0-9_-]+)");
    private static final String LEAD_PASSWORD = "Harbour-Lights-Safeguarding-7";

    @Inject
    Fixtures fixtures;

    @Inject
    MailSender sender;

    @Inject
    PortalClock clock;

    MailServer server;

    @BeforeAll
    void startMailServer() {
        server = MailServer.running();
        deliver();
    }


    void deliver() {
        MailServer.deliverAll(sender);
    }

    @Test
    void fromNothingToALeadsSelfAssessment() {
        String version = "20" + ThreadLocalRandom.current().nextInt(50, 99) + "." + ThreadLocalRandom.current().nextInt(1, 1000);
        String agencyName = Fixtures.unique("Harbour Lights Family Centre");
        String leadEmail = Fixtures.unique("lead").replace(" ", ".") + "@harbour-lights.example";
        Page admin = browser.signedIn(fixtures.admin(null).email, Fixtures.PASSWORD);

        // the tool: the file that comes with the portal, imported and published
        link(admin, "Tool versions");
        admin.waitForURL("**/admin/tools");
        button(admin, "Import a tool file");
        admin.waitForURL("**/admin/tools/import");
        checked(admin, "setup-1-import-tool");
        byte[] shipped = admin.request().get("/admin/tools/import/hips-section-11-tool-2020.json").body();
        String file = new String(shipped, StandardCharsets.UTF_8).replace("\"version\": \"2020.1\"", "\"version\": \"" + version + "\"");
        admin.setInputFiles("#file", new FilePayload("hips-tool.json", "application/json", file.getBytes(StandardCharsets.UTF_8)));
        button(admin, "Check the file");
        admin.waitForURL("**/admin/tools/import/*");
        checked(admin, "setup-2-tool-check");
        button(admin, "Import as a draft");
        admin.waitForURL("**/admin/tools/*?done=imported");
        String toolId = admin.url().replaceFirst("^.*/admin/tools/(\\d+).*$", "$1");
        button(admin, "Check and publish");
        admin.waitForURL("**/publish");
        checked(admin, "setup-3-tool-publish");
        button(admin, "Publish version " + version);
        admin.waitForURL("**/admin/tools/" + toolId + "*");

        // the agency
        admin.navigate("/home");
        link(admin, "Agencies");
        link(admin, "Add an agency");
        admin.waitForURL("**/admin/agencies/new");
        admin.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill(agencyName);
        admin.getByLabel("Voluntary and community sector").check();
        admin.getByLabel("Portsmouth").check();
        admin.getByLabel("Headcount (optional)").fill("42");
        button(admin, "Add agency");
        admin.waitForURL("**/admin/agencies/*?done=created");
        checked(admin, "setup-4-agency");

        // its lead, invited by email
        admin.navigate("/home");
        link(admin, "Users");
        button(admin, "Invite a user");
        admin.waitForURL("**/admin/users/new");
        admin.getByLabel("Full name").fill("Robin Harbour");
        admin.getByLabel("Email address").fill(leadEmail);
        admin.getByLabel("Agency lead", new Page.GetByLabelOptions().setExact(true)).check();
        admin.getByLabel("Agency (for an agency lead)").selectOption(new com.microsoft.playwright.options.SelectOption()
                .setLabel(agencyName));
        button(admin, "Send invitation");
        admin.waitForURL("**/admin/users/*?done=invited");
        checked(admin, "setup-5-invited");
        deliver();
        List<MimeMessage> received = server.receivedBy(leadEmail);
        assertEquals(1, received.size(), "one invitation email");
        Matcher link = INVITATION.matcher(GreenMailUtil.getBody(received.get(0)).replace("=\r\n", ""));
        assertTrue(link.find(), "the email holds the invitation link");

        Page lead = browser.newPage();
        lead.navigate(link.group(1));
        checked(lead, "setup-6-set-password");
        lead.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(LEAD_PASSWORD);
        lead.getByLabel("Confirm password").fill(LEAD_PASSWORD);
        button(lead, "Set password");
        lead.waitForURL("**/sign-in?ready=true");
        lead.getByLabel("Email address").fill(leadEmail);
        lead.getByLabel("Password").fill(LEAD_PASSWORD);
        button(lead, "Sign in");
        lead.waitForURL("**/home");
        assertTrue(lead.locator("main").textContent().contains(agencyName));
        assertEquals(0, lead.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start your self-assessment"))
                .count(), "no cycle yet, so nothing to start");
        checked(lead, "setup-7-lead-before");

        // the cycle, opened with every active agency taking part
        String cycleName = Fixtures.unique(CycleAdminTest.PREFIX + " journey");
        LocalDate opens = clock.today();
        admin.navigate("/home");
        link(admin, "Cycles");
        link(admin, "Create a cycle");
        admin.waitForURL("**/admin/cycles/new");
        admin.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill(cycleName);
        admin.locator("input[name=tool][value='" + toolId + "']").check();
        date(admin, "year1Opens", opens);
        date(admin, "year1Due", opens.plusWeeks(10));
        date(admin, "surveyOpens", opens);
        date(admin, "surveyCloses", opens.plusWeeks(10));
        date(admin, "lettersBy", opens.plusWeeks(20));
        date(admin, "year2Due", opens.plusMonths(12));
        date(admin, "closes", opens.plusYears(2).minusDays(1));
        assertTrue(admin.locator("#which").isChecked(), "every active agency takes part by default, the new one too");
        button(admin, "Create the cycle");
        admin.waitForURL("**/admin/cycles/*?done=created");
        link(admin, "Check and open the cycle");
        admin.waitForURL("**/open");
        checked(admin, "setup-8-open-check");
        button(admin, "Open cycle");
        admin.waitForURL("**?done=opened");
        checked(admin, "setup-9-opened");

        // the lead finds their self-assessment, with the imported tool's standards
        lead.navigate("/home");
        assertTrue(lead.locator("main").textContent().contains(cycleName));
        button(lead, "Start your self-assessment");
        lead.waitForURL("**/assessments/*");
        String task = lead.locator("main").textContent();
        assertTrue(task.contains(agencyName), "the agency's own self-assessment");
        assertTrue(task.contains("Information sharing, escalation and whistleblowing"), "a standard of the imported tool");
        checked(lead, "setup-10-self-assessment");
    }

    private static void link(Page page, String name) {
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name).setExact(true)).first().click();
    }

    private static void button(Page page, String name) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true)).click();
    }

    private static void checked(Page page, String screenshot) {
        Browser.screenshot(page, screenshot);
        Browser.assertAccessible(page);
    }

    private static void date(Page page, String name, LocalDate date) {
        page.locator("#" + name + "-day").fill(String.valueOf(date.getDayOfMonth()));
        page.locator("#" + name + "-month").fill(String.valueOf(date.getMonthValue()));
        page.locator("#" + name + "-year").fill(String.valueOf(date.getYear()));
    }
}
