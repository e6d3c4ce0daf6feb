package org.s11portal.account;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.s11portal.agency.Area;
import org.s11portal.common.config.PortalConfig;
import org.s11portal.support.Fixtures;
import org.s11portal.support.OwnDatabase;
import org.s11portal.support.WebSession;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;

/**
 * Behind a trusted load balancer (here the loopback, {@link OwnDatabase#TRUSTED_PROXIES}) each client is throttled on
 * its own address: one client's failures do not lock out everyone else who comes through the same balancer.
 */
@QuarkusTest
@TestProfile(OwnDatabase.class)
class SignInBehindProxyTest {

    @Inject
    Fixtures fixtures;

    @Inject
    PortalConfig config;

    @Test
    void oneClientsFailuresLockOutThatClientOnly() {
        User user = fixtures.moderator(Area.PORTSMOUTH);
        String guesser = "203.0.113.7";
        for (int i = 0; i < config.signIn().maxFailuresPerAddress(); i++) {
            WebSession.anonymous().forwardedFor(guesser).signIn("nobody-" + i + "-" + user.email, "wrong-password-" + i)
                    .then().statusCode(400);
        }
        WebSession.anonymous().forwardedFor(guesser).signIn(user.email, Fixtures.PASSWORD)
                .then().statusCode(429).body(containsString("You have tried to sign in too many times"));

        WebSession colleague = WebSession.anonymous().forwardedFor("198.51.100.9");
        assertEquals(303, colleague.signIn(user.email, Fixtures.PASSWORD).statusCode());
        assertEquals(config.signIn().maxFailuresPerAddress(), (long) QuarkusTransaction.requiringNew()
                .call(() -> SignInAttempt.count("address = ?1 and succeeded = false", guesser)));
    }
}
