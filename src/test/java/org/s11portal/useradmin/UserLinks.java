package org.s11portal.useradmin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.s11portal.account.User;
import org.s11portal.audit.AdminChange;
import org.s11portal.mail.OutboxMessage;
import org.s11portal.support.WebSession;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.response.Response;

/** What the useradmin tests read back: invitations sent through the form, their emails' links, log entries. */
final class UserLinks {

    private UserLinks() {
    }

    /** Invites through the form as the signed-in admin; answers the new user. */
    static User invite(WebSession admin, String email, String role, String agencyId, String partnershipId) {
        admin.get("/admin/users/new");
        Response response = admin.post("/admin/users/new", Map.of("displayName", "Invited Person", "email", email,
                "role", role, "agencyId", agencyId == null ? "" : agencyId, "partnershipId",
                partnershipId == null ? "" : partnershipId));
        assertEquals(303, response.statusCode(), response::asString);
        return user(email);
    }

    static User user(String email) {
        return QuarkusTransaction.requiringNew().call(() -> {
            User user = User.findByEmail(email);
            if (user != null) {
                user.agencies.forEach(a -> a.name.length()); // loaded for the test
            }
            return user;
        });
    }

    /** The newest email of the kind to the address, as stored. */
    static OutboxMessage newestEmail(String email, String kind) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxMessage.<OutboxMessage>find(
                "recipient = ?1 and kind = ?2 order by id desc", email, kind).firstResult());
    }

    static List<OutboxMessage> emails(String email, String kind) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxMessage.<OutboxMessage>list(
                "recipient = ?1 and kind = ?2 order by id", email, kind));
    }

    /** The local path of the newest one-time link of the kind sent to the address (before delivery). */
    static String newestLink(String email, String kind) {
        String link = newestEmail(email, kind).oneTimeLink;
        return link.substring(link.indexOf('/', link.indexOf("//") + 2));
    }

    static List<AdminChange> logged(long userId) {
        return QuarkusTransaction.requiringNew().call(() -> AdminChange.<AdminChange>list(
                "recordType = 'User' and recordId = ?1 order by id", userId));
    }

    static Response setPassword(String path, String password) {
        WebSession holder = WebSession.anonymous();
        holder.get(path);
        return holder.post(path, Map.of("password", password, "confirmPassword", password));
    }

    private static final java.util.regex.Pattern SETUP_KEY = java.util.regex.Pattern.compile("id=\"setup-key\">([A-Z2-7 ]+)<");

    /**
     * Finishes a first sign-in that stopped at the two-step set-up, as a person with an authenticator app would: reads
     * the setup key off the page, confirms with the current code, and accepts the recovery codes.
     */
    static void setUpTwoStep(WebSession session, java.time.Instant now) {
        java.util.regex.Matcher key = SETUP_KEY.matcher(session.get("/sign-in/two-step/set-up").then().statusCode(200)
                .extract().asString());
        org.junit.jupiter.api.Assertions.assertTrue(key.find(), "the set-up page shows the key");
        byte[] secret = org.s11portal.account.Totp.fromBase32(key.group(1));
        String code = org.s11portal.account.Totp.code(secret, org.s11portal.account.Totp.step(now));
        assertEquals(303, session.post("/sign-in/two-step/set-up", Map.of("code", code)).statusCode());
        session.get("/sign-in/two-step/recovery-codes").then().statusCode(200);
        assertEquals(303, session.post("/sign-in/two-step/recovery-codes", Map.of("next", "/home")).statusCode());
    }
}
