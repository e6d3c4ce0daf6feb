package org.s11portal.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.s11portal.agency.Area;
import org.s11portal.common.config.PortalClock;
import org.s11portal.support.Fixtures;
import org.s11portal.support.WebSession;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

@QuarkusTest
class SignInResourceTest {

    private static final String CSRF_COOKIE = "csrf-token";

    @Inject
    PortalClock clock;

    @Inject
    Fixtures fixtures;

    @Test
    void signingInSetsAHardenedSessionCookieAndLandsOnHome() {
        User user = fixtures.moderator(Area.PORTSMOUTH);
        WebSession browser = WebSession.anonymous();

        Response response = browser.signIn(user.email, Fixtures.PASSWORD);

        assertEquals(303, response.statusCode());
        assertTrue(response.header("Location").endsWith("/home"));
        String setCookie = response.getHeaders().getValues("Set-Cookie").stream()
                .filter(value -> value.startsWith(SessionService.COOKIE_NAME + "=")).findFirst().orElseThrow();
        assertTrue(setCookie.contains(SessionService.COOKIE_NAME + "="));
        assertTrue(setCookie.toLowerCase().contains("httponly"), setCookie);
        assertTrue(setCookie.contains("SameSite=Lax"), setCookie);
        browser.get("/home").then().statusCode(200).body(containsString(user.displayName));
    }

    @Test
    void emailIsMatchedWhateverItsCase() {
        User user = fixtures.moderator(Area.HAMPSHIRE);
        Response response = WebSession.anonymous().signIn("  " + user.email.toUpperCase() + " ", Fixtures.PASSWORD);
        assertEquals(303, response.statusCode());
    }

    @Test
    void wrongPasswordAndUnknownEmailGetTheSameAnswerAndKeepTheEmail() {
        User user = fixtures.moderator(Area.HAMPSHIRE);

        Response wrongPassword = WebSession.anonymous().signIn(user.email, "not-the-password-at-all");
        Response unknown = WebSession.anonymous().signIn("nobody-" + user.email, "not-the-password-at-all");

        for (Response response : new Response[] { wrongPassword, unknown }) {
            response.then().statusCode(400)
                    .body(containsString("There is a problem"))
                    .body(containsString("Enter a correct email address and password"))
                    .body(containsString("href=\"#email\""))
                    .body(not(containsString("not-the-password-at-all")));
        }
        wrongPassword.then().body(containsString("value=\"" + user.email + "\""));
    }

    @Test
    void emptyFieldsAreNamedInTheErrorSummary() {
        WebSession browser = WebSession.anonymous();
        browser.get("/sign-in");
        browser.post("/sign-in", Map.of("email", "", "password", ""))
                .then().statusCode(400)
                .body(containsString("Enter your email address"))
                .body(containsString("Enter your password"))
                .body(containsString("href=\"#password\""));
    }

    @Test
    void inactiveAccountsCannotSignIn() {
        User user = fixtures.moderator(Area.HAMPSHIRE);
        fixtures.deactivate(user);
        WebSession.anonymous().signIn(user.email, Fixtures.PASSWORD).then().statusCode(400);
    }

    @Test
    void fiveFailuresLockOutTheirAddressButTheOwnerStillSignsInFromAnother() {
        User user = fixtures.moderator(Area.SOUTHAMPTON);
        for (int i = 0; i < 5; i++) {
            WebSession.anonymous().signIn(user.email, "wrong-password-" + i).then().statusCode(400);
        }
        WebSession.anonymous().signIn(user.email, Fixtures.PASSWORD)
                .then().statusCode(429)
                .body(containsString("You have tried to sign in too many times"));

        WebSession elsewhere = WebSession.anonymousFrom("127.0.0.2");
        assertEquals(303, elsewhere.signIn(user.email, Fixtures.PASSWORD).statusCode());
        elsewhere.get("/home").then().statusCode(200).body(containsString(user.displayName));
    }

    @Test
    void withoutTrustedProxiesAForgedForwardedForDoesNotEscapeTheLimit() {
        User user = fixtures.moderator(Area.SOUTHAMPTON);
        for (int i = 0; i < 5; i++) {
            WebSession.anonymousFrom("127.0.0.4").forwardedFor("198.51.100." + (i + 1))
                    .signIn(user.email, "wrong-password-" + i).then().statusCode(400);
        }
        WebSession.anonymousFrom("127.0.0.4").forwardedFor("198.51.100.99").signIn(user.email, Fixtures.PASSWORD)
                .then().statusCode(429);
    }

    @Test
    void parallelWrongPasswordsGetNoMoreChecksThanTheLimit() throws Exception {
        User user = fixtures.moderator(Area.SOUTHAMPTON);
        List<WebSession> browsers = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            WebSession browser = WebSession.anonymous();
            browser.get("/sign-in");
            browsers.add(browser);
        }
        ExecutorService pool = Executors.newFixedThreadPool(browsers.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < browsers.size(); i++) {
                WebSession browser = browsers.get(i);
                String password = "wrong-password-" + i;
                statuses.add(pool.submit(() -> {
                    start.await();
                    return browser.post("/sign-in", Map.of("email", user.email, "password", password)).statusCode();
                }));
            }
            start.countDown();
            Map<Integer, Long> byStatus = new TreeMap<>();
            for (Future<Integer> status : statuses) {
                byStatus.merge(status.get(120, TimeUnit.SECONDS), 1L, Long::sum);
            }
            assertEquals(Map.of(400, 5L, 429, 35L), byStatus);
            assertEquals(5L, attemptsChecked(user.email));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void signOutRevokesTheSessionSoACopiedCookieNoLongerWorks() {
        User user = fixtures.moderator(Area.PORTSMOUTH);
        WebSession browser = WebSession.signedIn(user.email);
        String copiedCookie = browser.cookie(SessionService.COOKIE_NAME);
        browser.get("/home").then().statusCode(200);

        Response signOut = browser.post("/sign-out", Map.of());

        assertEquals(303, signOut.statusCode());
        assertTrue(signOut.header("Location").contains("/sign-in?signedOut=true"));
        WebSession.anonymous().request().cookie(SessionService.COOKIE_NAME, copiedCookie).get("/home")
                .then().statusCode(302).header("Location", containsString("/sign-in"));
    }

    @Test
    void aSessionIdleForLongerThanTheTimeoutEnds() {
        User user = fixtures.moderator(Area.PORTSMOUTH);
        WebSession browser = WebSession.signedIn(user.email);
        backdateSession(browser.cookie(SessionService.COOKIE_NAME), Duration.ofMinutes(31));

        browser.get("/home").then().statusCode(302)
                .header("Location", containsString("/sign-in?next=%2Fhome&ended=true"));
    }

    @Test
    void staySignedInRestartsTheIdleClock() {
        User user = fixtures.moderator(Area.PORTSMOUTH);
        WebSession browser = WebSession.signedIn(user.email);
        String token = browser.cookie(SessionService.COOKIE_NAME);
        backdateSession(token, Duration.ofMinutes(25));
        browser.get("/home");

        browser.post("/session/keep-alive", Map.of()).then().statusCode(200)
                .body("secondsLeft", org.hamcrest.Matchers.greaterThan(29 * 60));
        assertTrue(lastSeen(token).isAfter(clock.now().minusSeconds(60)));
    }

    @Test
    void aPostWithoutTheCsrfTokenIsRefused() {
        User user = fixtures.moderator(Area.PORTSMOUTH);
        WebSession browser = WebSession.signedIn(user.email);
        browser.request().contentType("application/x-www-form-urlencoded").formParam("x", "y")
                .post("/sign-out").then().statusCode(400);
        browser.get("/home").then().statusCode(200);
    }

    @Test
    void aPostFromAnotherSiteIsRefused() {
        User user = fixtures.moderator(Area.PORTSMOUTH);
        WebSession browser = WebSession.anonymous();
        browser.get("/sign-in");
        browser.request().header("Origin", "https://attacker.example")
                .contentType("application/x-www-form-urlencoded")
                .formParam("email", user.email).formParam("password", Fixtures.PASSWORD)
                .formParam("csrf-token", "anything")
                .post("/sign-in").then().statusCode(403);
    }

    @Test
    void afterSignInOnlyLocalPathsAreFollowed() {
        User user = fixtures.moderator(Area.PORTSMOUTH);
        WebSession browser = WebSession.anonymous();
        browser.get("/sign-in?next=//evil.example/phish");
        Response response = browser.post("/sign-in",
                Map.of("email", user.email, "password", Fixtures.PASSWORD, "next", "https://evil.example/"));
        assertEquals(303, response.statusCode());
        assertTrue(response.header("Location").endsWith("/home"), response.header("Location"));

        WebSession second = WebSession.anonymous();
        second.get("/sign-in");
        Response local = second.post("/sign-in",
                Map.of("email", user.email, "password", Fixtures.PASSWORD, "next", "/accessibility?from=sign-in"));
        assertTrue(local.header("Location").endsWith("/accessibility?from=sign-in"), local.header("Location"));
    }

    /** Issue 8 point 8: these used to answer 500 once the password was accepted. */
    @ParameterizedTest
    @ValueSource(strings = { "/a b", "/<x>", "/%ZZ", "/{x}", "//evil.example", "https://evil.example", "/\\evil.example",
            "/\tevil", "" })
    void aNextThatIsNotOneOfOurPathsLandsOnHome(String next) {
        User user = fixtures.moderator(Area.PORTSMOUTH);
        WebSession browser = WebSession.anonymous();
        browser.get("/sign-in");
        Response signIn = browser.post("/sign-in", Map.of("email", user.email, "password", Fixtures.PASSWORD, "next", next));
        assertEquals(303, signIn.statusCode());
        assertTrue(signIn.header("Location").endsWith("/home"), signIn.header("Location"));

        Response alreadySignedIn = browser.request().queryParam("next", next).get("/sign-in");
        assertEquals(303, alreadySignedIn.statusCode());
        assertTrue(alreadySignedIn.header("Location").endsWith("/home"), alreadySignedIn.header("Location"));
    }

    @Test
    void signingInReplacesTheCsrfTokenSoOneFromBeforeIsRefused() {
        User user = fixtures.moderator(Area.PORTSMOUTH);
        WebSession browser = WebSession.anonymous();
        browser.get("/sign-in");
        String planted = browser.cookie(CSRF_COOKIE);
        assertNotNull(planted);

        Response signIn = browser.post("/sign-in", Map.of("email", user.email, "password", Fixtures.PASSWORD));

        assertEquals(303, signIn.statusCode());
        String fresh = signIn.getDetailedCookie(CSRF_COOKIE).getValue();
        assertNotEquals(planted, fresh);
        assertEquals(fresh, browser.cookie(CSRF_COOKIE));
        keepAlive(browser, planted).then().statusCode(400);
        keepAlive(browser, fresh).then().statusCode(200);
        browser.get("/home").then().statusCode(200).body(containsString("value=\"" + fresh + "\""));
    }

    @Test
    void anotherSessionsCsrfTokenIsRefused() {
        WebSession mine = WebSession.signedIn(fixtures.moderator(Area.PORTSMOUTH).email);
        WebSession theirs = WebSession.signedIn(fixtures.moderator(Area.HAMPSHIRE).email);

        keepAlive(mine, theirs.cookie(CSRF_COOKIE)).then().statusCode(400);
        keepAlive(mine, mine.cookie(CSRF_COOKIE)).then().statusCode(200);
        mine.post("/session/keep-alive", Map.of()).then().statusCode(200);
    }

    @Test
    void protectedPagesSendAnonymousVisitorsToSignInAndBack() {
        WebSession.anonymous().get("/home").then().statusCode(302)
                .header("Location", equalTo("/sign-in?next=%2Fhome"));
    }

    @Test
    void sessionsAreStoredOnlyAsHashes() {
        User user = fixtures.moderator(Area.PORTSMOUTH);
        String token = WebSession.signedIn(user.email).cookie(SessionService.COOKIE_NAME);
        assertNull(sessionByHash(token));
        assertNotNull(sessionByHash(SessionService.hash(token)));
    }

    /** A state-changing post with this session's cookie, and the given token as both CSRF cookie and form field. */
    private static Response keepAlive(WebSession browser, String csrfToken) {
        return given().redirects().follow(false)
                .cookie(SessionService.COOKIE_NAME, browser.cookie(SessionService.COOKIE_NAME))
                .cookie(CSRF_COOKIE, csrfToken)
                .contentType("application/x-www-form-urlencoded")
                .formParam(CSRF_COOKIE, csrfToken)
                .post("/session/keep-alive");
    }

    @Transactional
    long attemptsChecked(String email) {
        return SignInAttempt.count("email", email);
    }

    @Transactional
    void backdateSession(String token, Duration by) {
        UserSession session = UserSession.findByTokenHash(SessionService.hash(token));
        session.lastSeenAt = clock.now().minus(by);
    }

    @Transactional
    Instant lastSeen(String token) {
        return UserSession.findByTokenHash(SessionService.hash(token)).lastSeenAt;
    }

    @Transactional
    UserSession sessionByHash(String hash) {
        return UserSession.findByTokenHash(hash);
    }
}
