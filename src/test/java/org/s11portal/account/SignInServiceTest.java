package org.s11portal.account;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.s11portal.agency.Area;
import org.s11portal.common.config.PortalConfig;
import org.s11portal.support.Fixtures;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

@QuarkusTest
class SignInServiceTest {

    @Inject
    SignInService signInService;

    @Inject
    Fixtures fixtures;

    @Inject
    PortalConfig config;

    @Test
    void tooManyFailuresFromOneAddressBlockEveryAccountFromThere() {
        User user = fixtures.moderator(Area.HAMPSHIRE);
        String address = "203.0.113." + (int) (Math.random() * 200);
        recordFailures(address, config.signIn().maxFailuresPerAddress());

        assertEquals(SignInService.Outcome.THROTTLED, signInService.signIn(user.email, Fixtures.PASSWORD, address).outcome());
        assertEquals(SignInService.Outcome.SIGNED_IN, signInService.signIn(user.email, Fixtures.PASSWORD, "198.51.100.1").outcome());
    }

    @Test
    void failuresOlderThanTheWindowNoLongerCount() {
        User user = fixtures.moderator(Area.HAMPSHIRE);
        recordOldFailures(user.email, config.signIn().maxFailuresPerAccount());
        assertEquals(SignInService.Outcome.SIGNED_IN, signInService.signIn(user.email, Fixtures.PASSWORD, "198.51.100.2").outcome());
    }

    @Transactional
    void recordFailures(String address, int count) {
        for (int i = 0; i < count; i++) {
            attempt(Fixtures.unique("someone") + "@example.org", address, Instant.now());
        }
    }

    @Transactional
    void recordOldFailures(String email, int count) {
        for (int i = 0; i < count; i++) {
            attempt(email, "198.51.100.3", Instant.now().minus(config.signIn().window()).minusSeconds(60));
        }
    }

    private static void attempt(String email, String address, Instant at) {
        SignInAttempt attempt = new SignInAttempt();
        attempt.email = email;
        attempt.address = address;
        attempt.succeeded = false;
        attempt.attemptedAt = at;
        attempt.persist();
    }
}
