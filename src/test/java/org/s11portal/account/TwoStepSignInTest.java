package org.s11portal.account;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.s11portal.agency.Area;
import org.s11portal.common.config.PortalClock;
import org.s11portal.support.Fixtures;
import org.s11portal.support.TestClock;
import org.s11portal.support.WebSession;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Two-step sign-in through the real pages: no session before the code, codes once, the pending sign-in's limits. */
@QuarkusTest
class TwoStepSignInTest {

    private static final String OTHER_SECRET = "OTHERUSERSTWOSTEPSECRETABCDEFGH2";
    private static final Pattern SETUP_KEY = Pattern.compile("id=\"setup-key\">([A-Z2-7 ]+)<");
    private static final Pattern RECOVERY_CODE = Pattern.compile("<code[^>]*>([a-z2-9]{5}-[a-z2-9]{5})</code>");

    @Inject
    Fixtures fixtures;

    @Inject
    PortalClock clock;

    @Inject
    EntityManager entityManager;

    @Inject
    TwoStepSecrets secrets;

    @Inject
    TwoStepService twoStep;

    @Test
    void noSessionOpensBeforeTheCodeAndTheRightCodeOpensOne() {
        User moderator = fixtures.moderator(Area.PORTSMOUTH);
        WebSession browser = WebSession.anonymous().withoutTwoStepHelp();

        Response password = browser.signIn(moderator.email, Fixtures.PASSWORD);

        assertEquals(303, password.statusCode());
        assertTrue(password.header("Location").startsWith("/sign-in/two-step"), password.header("Location"));
        assertNull(browser.cookie(SessionService.COOKIE_NAME), "no session cookie before the second step");
        assertNotNull(browser.cookie(TwoStepResource.PENDING_COOKIE));
        browser.get("/home").then().statusCode(302).header("Location", containsString("/sign-in"));

        browser.get("/sign-in/two-step").then().statusCode(200).body(containsString("Enter the code from your authenticator app"));
        Response code = browser.post("/sign-in/two-step", Map.of("code", fixtures.twoStepCode(moderator.email)));

        assertEquals(303, code.statusCode());
        assertTrue(code.header("Location").endsWith("/home"), code.header("Location"));
        assertNotNull(browser.cookie(SessionService.COOKIE_NAME));
        assertNull(browser.cookie(TwoStepResource.PENDING_COOKIE), "the pending sign-in's cookie is dropped");
        browser.get("/home").then().statusCode(200).body(containsString(moderator.displayName))
                .body(containsString("href=\"/account/two-step\""));
    }

    @Test
    void aCodeIsAcceptedOnceAndTheNextStepsCodeStillWorks() {
        User moderator = fixtures.moderator(Area.HAMPSHIRE);
        byte[] secret = Totp.fromBase32(Fixtures.TWO_STEP_SECRET);
        long now = Totp.step(clock.now());
        String code = Totp.code(secret, now);

        assertEquals(303, codeStep(moderator.email, code).statusCode());
        Response replay = codeStep(moderator.email, code);
        replay.then().statusCode(400).body(containsString("The code is not right"));
        assertEquals(303, codeStep(moderator.email, Totp.code(secret, now + 1)).statusCode(), "one step ahead: clock drift");
    }

    @Test
    void wrongCodesEndThePendingSignInAfterFiveAndCountAgainstTheThrottle() {
        User moderator = fixtures.moderator(Area.SOUTHAMPTON);
        WebSession browser = WebSession.anonymousFrom("127.0.0.3").withoutTwoStepHelp();
        browser.signIn(moderator.email, Fixtures.PASSWORD);
        browser.get("/sign-in/two-step");
        String wrong = wrongCode(moderator.email);
        for (int i = 1; i < TwoStepService.MAX_WRONG_CODES; i++) {
            browser.post("/sign-in/two-step", Map.of("code", wrong)).then().statusCode(400)
                    .body(containsString("The code is not right"));
        }
        Response fifth = browser.post("/sign-in/two-step", Map.of("code", wrong));
        assertEquals(303, fifth.statusCode());
        assertTrue(fifth.header("Location").startsWith("/sign-in?twoStepEnded=true"), fifth.header("Location"));
        browser.get("/sign-in?twoStepEnded=true").then().body(containsString("Your sign-in was not finished"));
        assertNull(browser.cookie(SessionService.COOKIE_NAME));

        // the wrong codes count like wrong passwords: this address may not try this account again for now
        WebSession.anonymousFrom("127.0.0.3").signIn(moderator.email, Fixtures.PASSWORD).then().statusCode(429);
        // from elsewhere the password is right again, but the account has had its wrong codes for this window
        WebSession again = WebSession.anonymousFrom("127.0.0.4").withoutTwoStepHelp();
        assertEquals(303, again.signIn(moderator.email, Fixtures.PASSWORD).statusCode());
        again.get("/sign-in/two-step");
        again.post("/sign-in/two-step", Map.of("code", fixtures.twoStepCode(moderator.email))).then().statusCode(429)
                .body(containsString("too many wrong codes"));
        assertNull(again.cookie(SessionService.COOKIE_NAME));
    }

    @Test
    void thePendingSignInLastsFiveMinutes() {
        User moderator = fixtures.moderator(Area.ISLE_OF_WIGHT);
        WebSession browser = WebSession.anonymous().withoutTwoStepHelp();
        browser.signIn(moderator.email, Fixtures.PASSWORD);
        Object[] row = pendingTimes(moderator);
        assertEquals(Duration.ofMinutes(5), Duration.between(instant(row[0]), instant(row[1])));
        browser.get("/sign-in/two-step").then().statusCode(200);

        TestClock.get().setToday(clock.today().plusDays(1));
        Response late = browser.post("/sign-in/two-step", Map.of("code", fixtures.twoStepCode(moderator.email)));

        assertEquals(303, late.statusCode());
        assertTrue(late.header("Location").startsWith("/sign-in?twoStepEnded=true"), late.header("Location"));
        assertNull(browser.cookie(SessionService.COOKIE_NAME));
    }

    @Test
    void aPendingSignInIsForItsOwnUserOnly() {
        User mine = fixtures.moderator(Area.PORTSMOUTH);
        User theirs = fixtures.moderator(Area.PORTSMOUTH);
        fixtures.enrolTwoStep(theirs, OTHER_SECRET);
        WebSession browser = WebSession.anonymous().withoutTwoStepHelp();
        browser.signIn(mine.email, Fixtures.PASSWORD);
        browser.get("/sign-in/two-step");

        String theirCode = Totp.code(Totp.fromBase32(OTHER_SECRET), Totp.step(clock.now()));
        browser.post("/sign-in/two-step", Map.of("code", theirCode)).then().statusCode(400);
        assertNull(browser.cookie(SessionService.COOKIE_NAME));

        assertEquals(303, browser.post("/sign-in/two-step", Map.of("code", fixtures.twoStepCode(mine.email))).statusCode());
        browser.get("/home").then().statusCode(200).body(containsString(mine.displayName))
                .body(not(containsString(theirs.displayName)));
    }

    @Test
    void aModeratorWithoutAnAppSetsOneUpBeforeAnySessionAndTheSecretIsNotStoredInClear() {
        User moderator = fixtures.moderator(Area.HAMPSHIRE);
        forgetTwoStep(moderator);
        WebSession browser = WebSession.anonymous().withoutTwoStepHelp();

        Response password = browser.signIn(moderator.email, Fixtures.PASSWORD);
        assertTrue(password.header("Location").startsWith("/sign-in/two-step/set-up"), password.header("Location"));
        browser.get("/home").then().statusCode(302);
        browser.get("/sign-in/two-step").then().statusCode(303).header("Location", containsString("/sign-in/two-step/set-up"));

        String page = browser.get("/sign-in/two-step/set-up").then().statusCode(200)
                .body(containsString("data:image/svg+xml;base64,")).extract().asString();
        Matcher key = SETUP_KEY.matcher(page);
        assertTrue(key.find(), "the setup key is shown for typing in");
        byte[] secret = Totp.fromBase32(key.group(1));
        browser.post("/sign-in/two-step/set-up", Map.of("code", "000000".equals(Totp.code(secret, Totp.step(clock.now())))
                ? "111111" : "000000")).then().statusCode(400).body(containsString("The code is not right"));
        Response confirmed = browser.post("/sign-in/two-step/set-up",
                Map.of("code", Totp.code(secret, Totp.step(clock.now()))));
        assertEquals(303, confirmed.statusCode());
        assertTrue(confirmed.header("Location").startsWith("/sign-in/two-step/recovery-codes"));
        assertNull(browser.cookie(SessionService.COOKIE_NAME), "still no session: the recovery codes come first");

        List<String> codes = codes(browser.get("/sign-in/two-step/recovery-codes").then().statusCode(200).extract().asString());
        assertEquals(10, codes.size());
        browser.get("/home").then().statusCode(302);
        Response finished = browser.post("/sign-in/two-step/recovery-codes", Map.of("next", "/home"));
        assertEquals(303, finished.statusCode());
        browser.get("/home").then().statusCode(200).body(containsString(moderator.displayName));

        // at rest: the secret only encrypted (bound to the user), the recovery codes only hashed, nothing left to show
        Object[] row = twoStepRow(moderator);
        String stored = (String) row[0];
        assertFalse(stored.contains(key.group(1).replace(" ", "")), "the Base32 secret is not in the column");
        assertFalse(stored.contains(Base64.getEncoder().encodeToString(secret)), "nor its bytes in Base64");
        assertArrayEquals(secret, secrets.decrypt(moderator.id, stored));
        assertNull(row[1], "the recovery codes are no longer kept once seen");
        List<?> hashes = recoveryHashes(moderator);
        assertEquals(10, hashes.size());
        assertTrue(hashes.stream().noneMatch(hash -> codes.stream().anyMatch(code -> ((String) hash).contains(code.replace("-", "")))));
    }

    @Test
    void aRecoveryCodeWorksOnceAndSaysHowManyAreLeft() {
        User moderator = fixtures.moderator(Area.SOUTHAMPTON);
        WebSession signedIn = WebSession.signedIn(moderator.email);
        signedIn.get("/account/two-step").then().statusCode(200).body(containsString("Make new recovery codes"));
        signedIn.post("/account/two-step/recovery-codes/new", Map.of()).then().statusCode(303)
                .header("Location", "/account/two-step/recovery-codes");
        List<String> codes = codes(signedIn.get("/account/two-step/recovery-codes").then().statusCode(200).extract().asString());
        assertEquals(10, codes.size());
        signedIn.post("/account/two-step/recovery-codes", Map.of()).then().statusCode(303);
        signedIn.get("/account/two-step/recovery-codes").then().statusCode(303);

        Response used = codeStep(moderator.email, codes.get(3).toUpperCase());
        assertEquals(303, used.statusCode());
        assertTrue(used.header("Location").startsWith("/account/two-step?recoveryCodeUsed=true"), used.header("Location"));

        Response again = codeStep(moderator.email, codes.get(3));
        again.then().statusCode(400);
        WebSession viaCode = WebSession.anonymous().withoutTwoStepHelp();
        viaCode.signIn(moderator.email, Fixtures.PASSWORD);
        viaCode.get("/sign-in/two-step");
        viaCode.post("/sign-in/two-step", Map.of("code", codes.get(4)));
        viaCode.get("/account/two-step?recoveryCodeUsed=true").then().statusCode(200)
                .body(containsString("You signed in with a recovery code. You have 8 recovery codes left."))
                .body(containsString("Make new recovery codes"));
    }

    @Test
    void aLeadCanTurnTwoStepOnAndOff() {
        User lead = fixtures.lead(fixtures.anAgency().inAreas(Area.PORTSMOUTH).create());
        WebSession browser = WebSession.signedIn(lead.email);
        browser.get("/account/two-step").then().statusCode(200).body(containsString("govuk-tag--grey\">Off"));
        browser.get("/account/two-step/turn-off").then().statusCode(404);

        browser.post("/account/two-step/set-up/start", Map.of()).then().statusCode(303).header("Location", "/account/two-step/set-up");
        Matcher key = SETUP_KEY.matcher(browser.get("/account/two-step/set-up").then().statusCode(200).extract().asString());
        assertTrue(key.find());
        byte[] secret = Totp.fromBase32(key.group(1));
        browser.post("/account/two-step/set-up", Map.of("code", Totp.code(secret, Totp.step(clock.now()))))
                .then().statusCode(303).header("Location", "/account/two-step/recovery-codes");
        assertEquals(10, codes(browser.get("/account/two-step/recovery-codes").asString()).size());
        browser.post("/account/two-step/recovery-codes", Map.of()).then().statusCode(303);
        browser.get("/account/two-step").then().statusCode(200).body(containsString("govuk-tag--green\">On"))
                .body(containsString("10 of 10"));

        // the next sign-in asks for a code
        Response password = WebSession.anonymous().withoutTwoStepHelp().signIn(lead.email, Fixtures.PASSWORD);
        assertTrue(password.header("Location").startsWith("/sign-in/two-step"), password.header("Location"));

        WebSession again = WebSession.signedIn(lead.email);
        again.get("/account/two-step/turn-off").then().statusCode(200);
        again.post("/account/two-step/turn-off", Map.of("code", wrongCode(lead.email))).then().statusCode(400)
                .body(containsString("The code is not right"));
        again.post("/account/two-step/turn-off", Map.of("code", fixtures.twoStepCode(lead.email))).then().statusCode(303)
                .header("Location", "/account/two-step?done=off");
        again.get("/account/two-step?done=off").then().body(containsString("Two-step sign-in is off"));

        Response passwordOnly = WebSession.anonymous().withoutTwoStepHelp().signIn(lead.email, Fixtures.PASSWORD);
        assertTrue(passwordOnly.header("Location").endsWith("/home"), passwordOnly.header("Location"));
    }

    @Test
    void aModeratorCannotTurnItOff() {
        User moderator = fixtures.moderator(Area.PORTSMOUTH);
        WebSession browser = WebSession.signedIn(moderator.email);
        browser.get("/account/two-step").then().statusCode(200)
                .body(containsString("Your role must use two-step sign-in"))
                .body(not(containsString("/account/two-step/turn-off")));
        browser.get("/account/two-step/turn-off").then().statusCode(404);
        browser.post("/account/two-step/turn-off", Map.of("code", fixtures.twoStepCode(moderator.email))).then().statusCode(404);
    }

    @Test
    void aResetAppIsSetUpAgainAtTheNextSignIn() {
        User moderator = fixtures.moderator(Area.ISLE_OF_WIGHT);
        WebSession pending = WebSession.anonymous().withoutTwoStepHelp();
        pending.signIn(moderator.email, Fixtures.PASSWORD);

        twoStep.reset(moderator.id);

        pending.get("/sign-in/two-step").then().statusCode(303).header("Location", containsString("/sign-in?twoStepEnded=true"));
        Response password = WebSession.anonymous().withoutTwoStepHelp().signIn(moderator.email, Fixtures.PASSWORD);
        assertTrue(password.header("Location").startsWith("/sign-in/two-step/set-up"), password.header("Location"));
    }

    /** A fresh browser: password, then this code at the code step. */
    private Response codeStep(String email, String code) {
        WebSession browser = WebSession.anonymous().withoutTwoStepHelp();
        assertEquals(303, browser.signIn(email, Fixtures.PASSWORD).statusCode());
        browser.get("/sign-in/two-step");
        return browser.post("/sign-in/two-step", Map.of("code", code));
    }

    /** Six digits that are none of the codes the window accepts now. */
    @Transactional
    String wrongCode(String email) {
        byte[] secret = secrets.decrypt(userId(email), (String) entityManager.createNativeQuery(
                "SELECT t.secret_encrypted FROM two_step t JOIN app_user u ON u.id = t.user_id WHERE u.email = ?1")
                .setParameter(1, email).getSingleResult());
        long now = Totp.step(clock.now());
        for (int candidate = 0;; candidate++) {
            String code = String.format("%06d", candidate);
            if (!code.equals(Totp.code(secret, now - 1)) && !code.equals(Totp.code(secret, now))
                    && !code.equals(Totp.code(secret, now + 1)) && !code.equals(Totp.code(secret, now + 2))) {
                return code;
            }
        }
    }

    long userId(String email) {
        return ((Number) entityManager.createNativeQuery("SELECT id FROM app_user WHERE email = ?1").setParameter(1, email)
                .getSingleResult()).longValue();
    }

    private static List<String> codes(String page) {
        List<String> codes = new ArrayList<>();
        Matcher matcher = RECOVERY_CODE.matcher(page);
        while (matcher.find()) {
            codes.add(matcher.group(1));
        }
        return codes;
    }

    @Transactional
    void forgetTwoStep(User user) {
        entityManager.createNativeQuery("DELETE FROM two_step WHERE user_id = ?1").setParameter(1, user.id).executeUpdate();
    }

    @Transactional
    Object[] pendingTimes(User user) {
        return (Object[]) entityManager.createNativeQuery("SELECT created_at, expires_at FROM two_step_pending WHERE user_id = ?1")
                .setParameter(1, user.id).getSingleResult();
    }

    @Transactional
    List<?> recoveryHashes(User user) {
        return entityManager.createNativeQuery("SELECT code_hash FROM two_step_recovery_code WHERE user_id = ?1")
                .setParameter(1, user.id).getResultList();
    }

    @Transactional
    Object[] twoStepRow(User user) {
        return (Object[]) entityManager.createNativeQuery("SELECT secret_encrypted, codes_to_show FROM two_step WHERE user_id = ?1")
                .setParameter(1, user.id).getSingleResult();
    }

    private static Instant instant(Object value) {
        return value instanceof java.sql.Timestamp timestamp ? timestamp.toInstant()
                : value instanceof java.time.LocalDateTime local ? local.toInstant(java.time.ZoneOffset.UTC) : (Instant) value;
    }
}
