package org.s11portal.account;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.s11portal.agency.Area;
import org.s11portal.common.config.PortalConfig;
import org.s11portal.support.Fixtures;
import org.s11portal.support.OwnDatabase;
import org.s11portal.support.WebSession;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;

/**
 * Sign-in throttling behind a load balancer: the tests' own 127.0.0.1 is the trusted proxy (S11_TRUSTED_PROXIES), so
 * each X-Forwarded-For client counts on its own, and a client cannot pick its address by writing the header itself.
 * Without the setting the header is ignored (SignInResourceTest).
 */
@QuarkusTest
@TestProfile(OwnDatabase.class)
class SignInBehindProxyTest {

    @Inject
    Fixtures fixtures;

    @Inject
    PortalConfig config;

    @Test
    void oneClientReachingTheAddressLimitDoesNotLockOutAnotherBehindTheSameBalancer() {
        User user = fixtures.moderator(Area.HAMPSHIRE);
        String guesser = "203.0.113.10";
        int limit = config.signIn().maxFailuresPerAddress();
        for (int i = 0; i < limit; i++) {
            // a different made-up address each time on the left, as a client writes it; the balancer appends the real one
            WebSession.anonymous().forwardedFor("198.51.100." + (i % 250 + 1) + ", " + guesser)
                    .signIn("nobody-" + i + "-" + user.email, "wrong-password").then().statusCode(400);
        }

        WebSession.anonymous().forwardedFor(guesser).signIn(user.email, Fixtures.PASSWORD).then().statusCode(429);
        WebSession.anonymous().forwardedFor("2001:db8::77, " + guesser).signIn(user.email, Fixtures.PASSWORD)
                .then().statusCode(429);

        WebSession colleague = WebSession.anonymous().forwardedFor("203.0.113.20");
        assertEquals(303, colleague.signIn(user.email, Fixtures.PASSWORD).statusCode());
        colleague.get("/home").then().statusCode(200);
    }

    @Test
    void aPeerThatIsNotATrustedProxyCannotChooseItsAddressWithTheHeader() {
        User user = fixtures.moderator(Area.PORTSMOUTH);
        int limit = config.signIn().maxFailuresPerAccountAndAddress();
        for (int i = 0; i < limit; i++) {
            WebSession.anonymousFrom("127.0.0.9").forwardedFor("198.51.100." + (i + 1))
                    .signIn(user.email, "wrong-password-" + i).then().statusCode(400);
        }

        WebSession.anonymousFrom("127.0.0.9").forwardedFor("198.51.100.200").signIn(user.email, Fixtures.PASSWORD)
                .then().statusCode(429);
    }
}
