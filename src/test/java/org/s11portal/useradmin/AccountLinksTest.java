package org.s11portal.useradmin;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.s11portal.account.Roles;
import org.s11portal.account.User;
import org.s11portal.agency.Agency;
import org.s11portal.agency.Area;
import org.s11portal.mail.Emails;
import org.s11portal.mail.MailSender;
import org.s11portal.mail.MailServer;
import org.s11portal.mail.OutboxMessage;
import org.s11portal.support.Fixtures;
import org.s11portal.support.TestClock;
import org.s11portal.support.WebSession;

import com.icegreen.greenmail.util.GreenMailUtil;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

/** Invitation and password-reset links: one-time, expiring, replaced by newer ones, hidden from the Emails page. */
@QuarkusTest
class AccountLinksTest {

    static final String NEW_PASSWORD = "purple-lantern-orchard-42";

    @Inject
    Fixtures fixtures;

    @Inject
    MailSender sender;

    MailServer server;

    @BeforeEach
    void startServer() {
        server = MailServer.running();
        MailServer.deliverAll(sender); // what other classes left in the outbox
    }


    User invitedLead(WebSession admin, Agency agency) {
        return UserLinks.invite(admin, UsersResourceTest.email(), Roles.AGENCY_LEAD, String.valueOf(agency.id), null);
    }

    @Test
    void anInvitationWorksOnceThenSignsInWithTheNewPassword() {
        Agency agency = fixtures.anAgency().inAreas(Area.HAMPSHIRE).create();
        WebSession admin = WebSession.signedIn(fixtures.admin(Area.HAMPSHIRE).email);
        User invited = invitedLead(admin, agency);
        String link = UserLinks.newestLink(invited.email, UserEmails.INVITATION);

        WebSession.anonymous().get(link).then().statusCode(200).body(containsString("Set your password"))
                .body(containsString(invited.displayName));
        assertEquals(400, UserLinks.setPassword(link, "password").statusCode(), "too short");
        WebSession typo = WebSession.anonymous();
        typo.get(link);
        typo.post(link, Map.of("password", NEW_PASSWORD, "confirmPassword", NEW_PASSWORD + "x")).then().statusCode(400)
                .body(containsString("Enter the same password in both boxes"));

        Response accepted = UserLinks.setPassword(link, NEW_PASSWORD);
        assertEquals(303, accepted.statusCode());
        assertEquals("/sign-in?ready=true", accepted.header("Location"));
        WebSession.anonymous().get("/sign-in?ready=true").then().body(containsString("Your account is ready: sign in"));
        User after = UserLinks.user(invited.email);
        assertNotNull(after.acceptedAt);
        assertTrue(after.passwordHash.startsWith("$2"), "bcrypt");
        assertEquals(303, WebSession.anonymous().signIn(invited.email, NEW_PASSWORD).statusCode());

        // once only
        WebSession.anonymous().get(link).then().statusCode(404).body(containsString("This link cannot be used"))
                .body(containsString("Ask your partnership admin"));
        assertEquals(404, UserLinks.setPassword(link, "another-long-password-9").statusCode());
        assertEquals(303, WebSession.anonymous().signIn(invited.email, NEW_PASSWORD).statusCode());
        admin.get("/admin/users/" + invited.id).then().body(containsString("Active")).body(not(containsString("Not yet")));
    }

    @Test
    void anInvitationExpiresAfterSevenDays() {
        Agency agency = fixtures.anAgency().inAreas(Area.HAMPSHIRE).create();
        WebSession admin = WebSession.signedIn(fixtures.admin(Area.HAMPSHIRE).email);
        User invited = invitedLead(admin, agency);
        String link = UserLinks.newestLink(invited.email, UserEmails.INVITATION);

        TestClock.get().advance(Duration.ofDays(7).minusMinutes(1));
        WebSession.anonymous().get(link).then().statusCode(200);
        TestClock.get().advance(Duration.ofMinutes(2));
        WebSession.anonymous().get(link).then().statusCode(404).body(containsString("This link cannot be used"));
        assertEquals(404, UserLinks.setPassword(link, NEW_PASSWORD).statusCode());
        assertEquals(null, UserLinks.user(invited.email).passwordHash);
    }

    @Test
    void resendingReplacesTheOldLinkAndDeactivationStopsAny() {
        Agency agency = fixtures.anAgency().inAreas(Area.HAMPSHIRE).create();
        WebSession admin = WebSession.signedIn(fixtures.admin(Area.HAMPSHIRE).email);
        User invited = invitedLead(admin, agency);
        String first = UserLinks.newestLink(invited.email, UserEmails.INVITATION);

        assertEquals(303, admin.post("/admin/users/" + invited.id + "/resend-invitation", Map.of()).statusCode());
        String second = UserLinks.newestLink(invited.email, UserEmails.INVITATION);
        assertFalse(first.equals(second));
        assertEquals(2, UserLinks.emails(invited.email, UserEmails.INVITATION).size(), "the resend is a new email");
        WebSession.anonymous().get(first).then().statusCode(404);
        WebSession.anonymous().get(second).then().statusCode(200);
        assertEquals(List.of("Invited user", "Resent invitation"),
                UserLinks.logged(invited.id).stream().map(c -> c.action).toList());

        assertEquals(303, admin.post("/admin/users/" + invited.id + "/deactivate", Map.of()).statusCode());
        WebSession.anonymous().get(second).then().statusCode(404);
        assertEquals(303, admin.post("/admin/users/" + invited.id + "/reactivate", Map.of()).statusCode());
        WebSession.anonymous().get(second).then().statusCode(404);
    }

    @Test
    void theEmailsPageHidesTheLinkThatOnlyTheMailboxGets() throws Exception {
        Agency agency = fixtures.anAgency().inAreas(Area.HAMPSHIRE).create();
        WebSession admin = WebSession.signedIn(fixtures.admin(Area.HAMPSHIRE).email);
        User invited = invitedLead(admin, agency);
        OutboxMessage email = UserLinks.newestEmail(invited.email, UserEmails.INVITATION);
        String token = email.oneTimeLink.substring(email.oneTimeLink.lastIndexOf('/') + 1);

        for (WebSession reader : List.of(admin, WebSession.signedIn(fixtures.admin(null).email))) {
            reader.get("/emails/" + email.id).then().statusCode(200).body(containsString(Emails.ONE_TIME_LINK))
                    .body(not(containsString(token)));
            reader.get("/emails/" + email.id + "/html").then().statusCode(200).body(containsString(Emails.ONE_TIME_LINK))
                    .body(not(containsString(token)));
        }

        MailServer.deliverAll(sender);
        List<MimeMessage> received = server.receivedBy(invited.email);
        assertEquals(1, received.size());
        String delivered = GreenMailUtil.getBody(received.get(0));
        assertTrue(delivered.contains(token), "the mailbox gets the link");
        assertFalse(delivered.contains(Emails.ONE_TIME_LINK));
        assertEquals(null, QuarkusTransaction.requiringNew().call(
                () -> OutboxMessage.<OutboxMessage>findById(email.id).oneTimeLink), "forgotten once sent");
        admin.get("/emails/" + email.id).then().body(not(containsString(token)));
    }

    @Test
    void forgottenPasswordAnswersTheSameWhetherOrNotTheEmailExists() {
        Agency agency = fixtures.anAgency().inAreas(Area.PORTSMOUTH).create();
        User lead = fixtures.lead(agency);
        User deactivated = fixtures.lead(agency);
        fixtures.deactivate(deactivated);
        String unknown = UsersResourceTest.email();

        WebSession.anonymous().get("/sign-in").then().body(containsString("href=\"/sign-in/forgotten\""));
        Response known = forgotten(WebSession.anonymousFrom("127.0.0.11"), lead.email);
        Response nobody = forgotten(WebSession.anonymousFrom("127.0.0.11"), unknown);
        Response inactive = forgotten(WebSession.anonymousFrom("127.0.0.11"), deactivated.email);
        for (Response response : List.of(nobody, inactive)) {
            assertEquals(known.statusCode(), response.statusCode());
            assertEquals(known.header("Location"), response.header("Location"));
            assertEquals(known.asString(), response.asString());
        }
        assertEquals(303, known.statusCode());
        String page = WebSession.anonymous().get(known.header("Location")).then().statusCode(200).extract().asString();
        assertTrue(page.contains("Check your email"));
        assertEquals(1, UserLinks.emails(lead.email, UserEmails.PASSWORD_RESET).size());
        assertTrue(UserLinks.emails(deactivated.email, UserEmails.PASSWORD_RESET).isEmpty());
        assertTrue(UserLinks.emails(unknown, UserEmails.PASSWORD_RESET).isEmpty());

        WebSession.anonymous().post("/sign-in/forgotten", Map.of("email", "")).then().statusCode(400);
    }

    @Test
    void forgottenPasswordCannotFloodAMailbox() {
        User lead = fixtures.lead(fixtures.anAgency().inAreas(Area.PORTSMOUTH).create());
        for (int i = 0; i < ResetRequestLimit.PER_EMAIL + 3; i++) {
            // from ever new addresses: the per-email count applies whatever the address
            Response response = forgotten(WebSession.anonymousFrom("127.0.1." + (20 + i)), lead.email);
            assertEquals(303, response.statusCode(), "the same answer when limited");
        }
        assertEquals(ResetRequestLimit.PER_EMAIL, UserLinks.emails(lead.email, UserEmails.PASSWORD_RESET).size());
    }

    @Test
    void forgottenPasswordCannotMailManyFromOneAddress() {
        User lead = fixtures.lead(fixtures.anAgency().inAreas(Area.PORTSMOUTH).create());
        for (int i = 0; i < ResetRequestLimit.PER_ADDRESS; i++) {
            assertEquals(303, forgotten(WebSession.anonymousFrom("127.0.2.1"), UsersResourceTest.email()).statusCode());
        }
        assertEquals(303, forgotten(WebSession.anonymousFrom("127.0.2.1"), lead.email).statusCode(), "the same answer");
        assertTrue(UserLinks.emails(lead.email, UserEmails.PASSWORD_RESET).isEmpty());
        forgotten(WebSession.anonymousFrom("127.0.2.2"), lead.email);
        assertEquals(1, UserLinks.emails(lead.email, UserEmails.PASSWORD_RESET).size(), "another address may ask");
    }

    private static Response forgotten(WebSession session, String email) {
        session.get("/sign-in/forgotten");
        return session.post("/sign-in/forgotten", Map.of("email", email));
    }

    @Test
    void aResetLinkSetsANewPasswordEndsEverySessionAndWorksOnce() {
        User lead = fixtures.lead(fixtures.anAgency().inAreas(Area.PORTSMOUTH).create());
        WebSession elsewhere = WebSession.signedIn(lead.email);
        elsewhere.get("/home").then().statusCode(200);
        forgotten(WebSession.anonymousFrom("127.0.0.12"), lead.email);
        String older = UserLinks.newestLink(lead.email, UserEmails.PASSWORD_RESET);
        forgotten(WebSession.anonymousFrom("127.0.0.12"), lead.email);
        String link = UserLinks.newestLink(lead.email, UserEmails.PASSWORD_RESET);
        WebSession.anonymous().get(older).then().statusCode(404).body(containsString("Ask for a new password reset link"));

        WebSession.anonymous().get(link).then().statusCode(200).body(containsString("Choose a new password"));
        Response reset = UserLinks.setPassword(link, NEW_PASSWORD);
        assertEquals(303, reset.statusCode());
        assertEquals("/sign-in?passwordChanged=true", reset.header("Location"));

        Response next = elsewhere.get("/home");
        assertEquals(302, next.statusCode(), "sent to sign in");
        assertTrue(next.header("Location").startsWith("/sign-in"));
        assertEquals(400, WebSession.anonymous().signIn(lead.email, Fixtures.PASSWORD).statusCode());
        assertEquals(303, WebSession.anonymous().signIn(lead.email, NEW_PASSWORD).statusCode());
        assertEquals(404, UserLinks.setPassword(link, "yet-another-password-7").statusCode());
    }

    @Test
    void aResetLinkExpiresAfterAnHour() {
        User lead = fixtures.lead(fixtures.anAgency().inAreas(Area.PORTSMOUTH).create());
        WebSession admin = WebSession.signedIn(fixtures.admin(Area.PORTSMOUTH).email);
        admin.get("/admin/users/" + lead.id + "/send-password-reset").then().statusCode(200);
        assertEquals(303, admin.post("/admin/users/" + lead.id + "/send-password-reset", Map.of()).statusCode());
        assertEquals(List.of("Sent password reset link"), UserLinks.logged(lead.id).stream().map(c -> c.action).toList());
        String link = UserLinks.newestLink(lead.email, UserEmails.PASSWORD_RESET);

        TestClock.get().advance(Duration.ofHours(1).plusMinutes(1));
        WebSession.anonymous().get(link).then().statusCode(404);
        assertEquals(404, UserLinks.setPassword(link, NEW_PASSWORD).statusCode());
        assertEquals(303, WebSession.anonymous().signIn(lead.email, Fixtures.PASSWORD).statusCode(), "unchanged");
    }
}
