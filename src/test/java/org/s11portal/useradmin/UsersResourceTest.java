package org.s11portal.useradmin;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.s11portal.account.Roles;
import org.s11portal.account.User;
import org.s11portal.account.UserSession;
import org.s11portal.agency.Agency;
import org.s11portal.agency.Area;
import org.s11portal.agency.Partnership;
import org.s11portal.audit.AdminChange;
import org.s11portal.mail.Emails;
import org.s11portal.mail.OutboxMessage;
import org.s11portal.support.Fixtures;
import org.s11portal.support.PageCost;
import org.s11portal.support.WebSession;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/** The users pages: scope (404 outside it), inviting with its errors, deactivating and reactivating, the log. */
@QuarkusTest
class UsersResourceTest {

    @Inject
    Fixtures fixtures;

    @Inject
    PageCost cost;

    static final List<String> ACTIONS = List.of("deactivate", "reactivate", "resend-invitation", "send-password-reset",
            "reset-two-step");

    static String email() {
        return Fixtures.unique("person").replace(" ", "-") + "@example.org";
    }

    static long partnershipId(Area area) {
        return QuarkusTransaction.requiringNew().call(() -> Partnership.of(area).id);
    }

    @Test
    void aPortsmouthAdminCannotSeeOrChangeSouthamptonOnlyAccounts() {
        Agency southampton = fixtures.anAgency().inAreas(Area.SOUTHAMPTON).create();
        Agency portsmouth = fixtures.anAgency().inAreas(Area.PORTSMOUTH).create();
        Agency joint = fixtures.anAgency().inAreas(Area.PORTSMOUTH, Area.SOUTHAMPTON).create();
        User southamptonLead = fixtures.lead(southampton);
        User southamptonModerator = fixtures.moderator(Area.SOUTHAMPTON);
        User hipsAdmin = fixtures.admin(null);
        User portsmouthLead = fixtures.lead(portsmouth);
        User jointLead = fixtures.lead(joint);
        WebSession admin = WebSession.signedIn(fixtures.admin(Area.PORTSMOUTH).email);
        // named to sort first: the list shows 50 a page by name, and the suite's database holds many more
        QuarkusTransaction.requiringNew().run(() -> {
            for (User user : List.of(southamptonLead, southamptonModerator, hipsAdmin, portsmouthLead, jointLead)) {
                User.<User>findById(user.id).displayName = "000 " + user.displayName;
            }
        });

        admin.get("/admin/users?page=1").then().statusCode(200)
                .body(containsString(portsmouthLead.email))
                .body(containsString(jointLead.email))
                .body(not(containsString(southamptonLead.email)))
                .body(not(containsString(southamptonModerator.email)))
                .body(not(containsString(hipsAdmin.email)));
        for (User outside : List.of(southamptonLead, southamptonModerator, hipsAdmin)) {
            admin.get("/admin/users/" + outside.id).then().statusCode(404);
            for (String action : ACTIONS) {
                admin.get("/admin/users/" + outside.id + "/" + action).then().statusCode(404);
                admin.post("/admin/users/" + outside.id + "/" + action, Map.of()).then().statusCode(404);
            }
        }
        // nothing happened to them
        assertTrue(UserLinks.user(southamptonLead.email).active);
        assertTrue(UserLinks.logged(southamptonLead.id).isEmpty());
        assertTrue(UserLinks.emails(southamptonLead.email, UserEmails.PASSWORD_RESET).isEmpty());
        admin.get("/admin/users/" + portsmouthLead.id).then().statusCode(200).body(containsString(portsmouth.name));
        admin.get("/admin/users/" + jointLead.id).then().statusCode(200);

        WebSession hips = WebSession.signedIn(hipsAdmin.email);
        hips.get("/admin/users/" + southamptonLead.id).then().statusCode(200);
        hips.get("/admin/users/" + southamptonModerator.id).then().statusCode(200)
                .body(containsString("Southampton Safeguarding Children Partnership"));
    }

    @Test
    void onlyAdminsReachTheUsersPages() {
        Agency agency = fixtures.anAgency().inAreas(Area.HAMPSHIRE).create();
        User lead = fixtures.lead(agency);
        WebSession.signedIn(lead.email).get("/admin/users").then().statusCode(403);
        WebSession.signedIn(fixtures.moderator(Area.HAMPSHIRE).email).get("/admin/users/" + lead.id).then().statusCode(403);
        WebSession.anonymous().get("/admin/users").then().statusCode(302);
    }

    @Test
    void anAdminInvitesALeadWhoHasNoPasswordYet() {
        Agency agency = fixtures.anAgency().inAreas(Area.PORTSMOUTH).create();
        User admin = fixtures.admin(Area.PORTSMOUTH);
        WebSession session = WebSession.signedIn(admin.email);
        String email = email();

        User invited = UserLinks.invite(session, email.toUpperCase(), Roles.AGENCY_LEAD, String.valueOf(agency.id), null);

        assertNotNull(invited, "stored with its email in lower case");
        assertNull(invited.passwordHash);
        assertEquals(List.of(agency.id), invited.agencies.stream().map(a -> a.id).toList());
        assertNotNull(invited.invitedAt);
        session.get("/admin/users/" + invited.id + "?done=invited").then().statusCode(200)
                .body(containsString("An invitation has been sent to " + email))
                .body(containsString("Invited, not yet accepted"))
                .body(containsString("Resend invitation"))
                .body(not(containsString("Send password reset link")));
        session.get("/admin/users?status=invited&role=AGENCY_LEAD").then().statusCode(200).body(containsString(email));
        session.get("/admin/users?status=active").then().statusCode(200).body(not(containsString(email)));

        OutboxMessage sent = UserLinks.newestEmail(email, UserEmails.INVITATION);
        assertEquals(agency.id, sent.agencyId);
        assertTrue(sent.textBody.contains(Emails.ONE_TIME_LINK));
        assertFalse(sent.textBody.contains("/invitations/"));
        assertFalse(sent.htmlBody.contains("/invitations/"));
        assertTrue(sent.oneTimeLink.contains("/invitations/"));

        List<AdminChange> log = UserLinks.logged(invited.id);
        assertEquals(List.of("Invited user"), log.stream().map(c -> c.action).toList());
        assertEquals("," + partnershipId(Area.PORTSMOUTH) + ",", log.get(0).partnershipIds);
        assertFalse(log.get(0).afterJson.contains(sent.oneTimeLink.substring(sent.oneTimeLink.lastIndexOf('/') + 1)));

        // an invited person cannot sign in, whatever they type
        assertEquals(400, WebSession.anonymous().signIn(email, "").statusCode());
        assertEquals(400, WebSession.anonymous().signIn(email, Fixtures.PASSWORD).statusCode());
    }

    @Test
    void theInvitationFormRefusesWhatItMust() {
        Agency portsmouth = fixtures.anAgency().inAreas(Area.PORTSMOUTH).create();
        Agency southampton = fixtures.anAgency().inAreas(Area.SOUTHAMPTON).create();
        User existing = fixtures.lead(portsmouth);
        WebSession admin = WebSession.signedIn(fixtures.admin(Area.PORTSMOUTH).email);
        admin.get("/admin/users/new").then().statusCode(200).body(containsString(portsmouth.name))
                .body(not(containsString(southampton.name))).body(not(containsString("All four")));

        refused(admin, Map.of("displayName", "", "email", "not an email", "role", ""),
                "Enter their full name", "Enter an email address in the correct format", "Select a role");
        refused(admin, Map.of("displayName", "Ann Other", "email", existing.email.toUpperCase(), "role", Roles.AGENCY_LEAD,
                "agencyId", String.valueOf(portsmouth.id)), "An account with this email address already exists");
        refused(admin, Map.of("displayName", "Ann Other", "email", email(), "role", Roles.AGENCY_LEAD, "agencyId", ""),
                "Select the agency they will lead");
        refused(admin, Map.of("displayName", "Ann Other", "email", email(), "role", Roles.AGENCY_LEAD,
                "agencyId", String.valueOf(southampton.id)), "Select the agency they will lead");
        refused(admin, Map.of("displayName", "Ann Other", "email", email(), "role", Roles.MODERATOR, "partnershipId", ""),
                "Select the partnership they will work for");
        refused(admin, Map.of("displayName", "Ann Other", "email", email(), "role", Roles.MODERATOR,
                "partnershipId", String.valueOf(partnershipId(Area.SOUTHAMPTON))), "you can invite people only to your own partnership");
        refused(admin, Map.of("displayName", "Ann Other", "email", email(), "role", Roles.PARTNERSHIP_ADMIN,
                "partnershipId", InviteForm.ALL_PARTNERSHIPS), "only the HIPS admin can invite a HIPS admin");

        // what was typed is kept
        admin.post("/admin/users/new", Map.of("displayName", "Kept Name", "email", "kept@", "role", Roles.MODERATOR))
                .then().statusCode(400).body(containsString("value=\"Kept Name\"")).body(containsString("value=\"kept@\""));

        // the HIPS admin may invite a HIPS admin and another partnership's moderator
        WebSession hips = WebSession.signedIn(fixtures.admin(null).email);
        User hipsAdmin = UserLinks.invite(hips, email(), Roles.PARTNERSHIP_ADMIN, null, InviteForm.ALL_PARTNERSHIPS);
        assertNull(hipsAdmin.partnership);
        assertNull(UserLinks.logged(hipsAdmin.id).get(0).partnershipIds, "a HIPS admin's entry is HIPS-wide");
        User moderator = UserLinks.invite(hips, email(), Roles.MODERATOR, null, String.valueOf(partnershipId(Area.SOUTHAMPTON)));
        assertEquals(Area.SOUTHAMPTON, QuarkusTransaction.requiringNew().call(() -> User.<User>findById(moderator.id).partnership.code));
    }

    private static void refused(WebSession admin, Map<String, String> form, String... messages) {
        long before = QuarkusTransaction.requiringNew().call(() -> User.count());
        Response response = admin.post("/admin/users/new", form);
        assertEquals(400, response.statusCode());
        for (String message : messages) {
            assertTrue(response.asString().contains(message), message);
        }
        assertEquals(before, QuarkusTransaction.requiringNew().call(() -> User.count()));
    }

    @Test
    void deactivatingEndsTheirSessionsAtOnceAndReactivatingLetsThemBackIn() {
        Agency agency = fixtures.anAgency().inAreas(Area.ISLE_OF_WIGHT).create();
        User lead = fixtures.lead(agency);
        WebSession leadSession = WebSession.signedIn(lead.email);
        leadSession.get("/home").then().statusCode(200);
        WebSession admin = WebSession.signedIn(fixtures.admin(Area.ISLE_OF_WIGHT).email);

        admin.get("/admin/users/" + lead.id + "/deactivate").then().statusCode(200).body(containsString("Deactivate?"));
        Response done = admin.post("/admin/users/" + lead.id + "/deactivate", Map.of());
        assertEquals(303, done.statusCode());
        admin.get(done.header("Location")).then().statusCode(200)
                .body(containsString("The account is deactivated")).body(containsString("Reactivate"));

        Response next = leadSession.get("/home");
        assertEquals(302, next.statusCode(), "sent to sign in");
        assertTrue(next.header("Location").startsWith("/sign-in"), next.header("Location"));
        assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(
                () -> UserSession.count("user.id = ?1 and revokedAt is null", lead.id)));
        assertEquals(400, WebSession.anonymous().signIn(lead.email, Fixtures.PASSWORD).statusCode());

        assertEquals(303, admin.post("/admin/users/" + lead.id + "/reactivate", Map.of()).statusCode());
        WebSession.signedIn(lead.email).get("/home").then().statusCode(200);
        List<AdminChange> log = UserLinks.logged(lead.id);
        assertEquals(List.of("Deactivated user", "Reactivated user"), log.stream().map(c -> c.action).toList());
        assertTrue(log.get(0).beforeJson.contains("\"Active\"") && log.get(0).afterJson.contains("\"Deactivated\""));
    }

    @Test
    void anAdminResetsALostTwoStepSignInAndTheModeratorSetsItUpAgain() {
        User moderator = fixtures.moderator(Area.HAMPSHIRE);
        WebSession moderatorSession = WebSession.signedIn(moderator.email);
        User hampshireAdmin = fixtures.admin(Area.HAMPSHIRE);
        WebSession admin = WebSession.signedIn(hampshireAdmin.email);

        admin.get("/admin/users/" + moderator.id).then().statusCode(200)
                .body(containsString("/admin/users/" + moderator.id + "/reset-two-step"));
        admin.get("/admin/users/" + moderator.id + "/reset-two-step").then().statusCode(200)
                .body(containsString("lost their authenticator app"));
        Response done = admin.post("/admin/users/" + moderator.id + "/reset-two-step", Map.of());
        assertEquals(303, done.statusCode());
        admin.get(done.header("Location")).then().statusCode(200).body(containsString("Two-step sign-in has been reset"))
                .body(not(containsString("/admin/users/" + moderator.id + "/reset-two-step\"")));

        assertEquals(302, moderatorSession.get("/home").statusCode(), "their sessions ended");
        Response password = WebSession.anonymous().withoutTwoStepHelp().signIn(moderator.email, Fixtures.PASSWORD);
        assertTrue(password.header("Location").startsWith("/sign-in/two-step/set-up"), password.header("Location"));
        AdminChange logged = UserLinks.logged(moderator.id).get(0);
        assertEquals("Reset two-step sign-in", logged.action);
        assertTrue(logged.beforeJson.contains("\"set up\"") && logged.afterJson.contains("\"not set up\""));

        // not their own, and not an account with nothing to reset
        admin.post("/admin/users/" + hampshireAdmin.id + "/reset-two-step", Map.of()).then().statusCode(409)
                .body(containsString("You cannot reset your own two-step sign-in"));
        admin.post("/admin/users/" + moderator.id + "/reset-two-step", Map.of()).then().statusCode(409)
                .body(containsString("no two-step sign-in to reset"));
    }

    @Test
    void anAdminCannotDeactivateThemselves() {
        User admin = fixtures.admin(Area.HAMPSHIRE);
        WebSession session = WebSession.signedIn(admin.email);
        session.get("/admin/users/" + admin.id).then().statusCode(200).body(not(containsString("/deactivate\"")));
        session.get("/admin/users/" + admin.id + "/deactivate").then().statusCode(200)
                .body(containsString("You cannot deactivate your own account"));
        session.post("/admin/users/" + admin.id + "/deactivate", Map.of()).then().statusCode(409)
                .body(containsString("You cannot deactivate your own account"));
        assertTrue(UserLinks.user(admin.email).active);
        session.get("/home").then().statusCode(200);
    }

    @Test
    void theListCostsTheSameWithMoreUsersAndPagesAtFifty() {
        Agency agency = fixtures.anAgency().inAreas(Area.HAMPSHIRE).create();
        fixtures.lead(agency);
        WebSession admin = WebSession.signedIn(fixtures.admin(Area.HAMPSHIRE).email);
        Runnable list = () -> admin.get("/admin/users?role=AGENCY_LEAD").then().statusCode(200);
        list.run();
        long few = cost.statements(list);
        for (int i = 0; i < 60; i++) {
            fixtures.lead(fixtures.anAgency().inAreas(Area.HAMPSHIRE).create());
        }
        list.run();
        assertEquals(few, cost.statements(list));
        String page = admin.get("/admin/users?role=AGENCY_LEAD").asString();
        assertEquals(1 + UserAdminService.PAGE_SIZE, page.split("<tr class=\"govuk-table__row\">", -1).length - 1,
                "the header row and 50 users");
        assertTrue(page.contains("Page 2 of"), "a link to the next page");
    }

    @Test
    void aConfirmationPagesFormPostsToItsAction() {
        User moderator = fixtures.moderator(Area.HAMPSHIRE);
        WebSession admin = WebSession.signedIn(fixtures.admin(Area.HAMPSHIRE).email);

        admin.get("/admin/users/" + moderator.id + "/deactivate").then().statusCode(200)
                .body(containsString("action=\"/admin/users/" + moderator.id + "/deactivate\""));
    }
}
