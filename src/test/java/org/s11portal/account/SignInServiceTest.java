package org.s11portal.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.s11portal.agency.Area;
import org.s11portal.account.SignInService.Outcome;
import org.s11portal.common.config.PortalClock;
import org.s11portal.common.config.PortalConfig;
import org.s11portal.support.Fixtures;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Throttling, called with made-up addresses (documentation ranges) so that two machines can be simulated. */
@QuarkusTest
class SignInServiceTest {

    /** Each run has its own database, so the addresses only need to differ within this class. */
    private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger();

    @Inject
    PortalClock clock;

    @Inject
    SignInService signInService;

    @Inject
    Fixtures fixtures;

    @Inject
    PortalConfig config;

    @Inject
    EntityManager entityManager;

    @Test
    void anAttackersAddressLocksOnlyItselfOutAndTheOwnerSignsInFromElsewhere() {
        User lead = fixtures.lead(fixtures.anAgency().inAreas(Area.HAMPSHIRE).create());
        String attacker = address();
        for (int i = 0; i < config.signIn().maxFailuresPerAccountAndAddress(); i++) {
            assertEquals(Outcome.REJECTED, signIn(lead.email, "wrong-password-" + i, attacker));
        }

        assertEquals(Outcome.THROTTLED, signIn(lead.email, Fixtures.PASSWORD, attacker));
        assertEquals(Outcome.SIGNED_IN, signIn(lead.email, Fixtures.PASSWORD, address()));
    }

    @Test
    void anUnknownEmailIsThrottledExactlyLikeAKnownOne() {
        User known = fixtures.moderator(Area.HAMPSHIRE);
        String unknown = "nobody-" + known.email;
        String address = address();
        for (int i = 0; i < config.signIn().maxFailuresPerAccountAndAddress(); i++) {
            assertEquals(Outcome.REJECTED, signIn(unknown, "wrong-password-" + i, address));
            assertEquals(Outcome.REJECTED, signIn(known.email, "wrong-password-" + i, address));
        }
        assertEquals(Outcome.THROTTLED, signIn(unknown, "wrong-password", address));
        assertEquals(Outcome.THROTTLED, signIn(known.email, "wrong-password", address));
    }

    @Test
    void tooManyFailuresFromOneAddressBlockEveryAccountFromThere() {
        User user = fixtures.moderator(Area.HAMPSHIRE);
        String address = address();
        setCount(SignInThrottle.addressKey(address), config.signIn().maxFailuresPerAddress(), clock.now());

        assertEquals(Outcome.THROTTLED, signIn(user.email, Fixtures.PASSWORD, address));
        assertEquals(Outcome.SIGNED_IN, signIn(user.email, Fixtures.PASSWORD, address()));
    }

    @Test
    void manyFailuresOnOneAccountRefuseNewAddressesButNotOnesItSignedInFrom() {
        User lead = fixtures.lead(fixtures.anAgency().inAreas(Area.PORTSMOUTH).create());
        String usual = address();
        assertEquals(Outcome.SIGNED_IN, signIn(lead.email, Fixtures.PASSWORD, usual));
        setCount(SignInThrottle.accountKey(lead.email), config.signIn().maxFailuresPerAccount(), clock.now());

        assertEquals(Outcome.THROTTLED, signIn(lead.email, Fixtures.PASSWORD, address()));
        assertEquals(Outcome.SIGNED_IN, signIn(lead.email, Fixtures.PASSWORD, usual));
    }

    @Test
    void failuresOlderThanTheWindowNoLongerCount() {
        User user = fixtures.moderator(Area.HAMPSHIRE);
        String address = address();
        Instant longAgo = clock.now().minus(config.signIn().window()).minusSeconds(60);
        setCount(SignInThrottle.pairKey(user.email, address), config.signIn().maxFailuresPerAccountAndAddress(), longAgo);
        setCount(SignInThrottle.accountKey(user.email), config.signIn().maxFailuresPerAccount(), longAgo);
        setCount(SignInThrottle.addressKey(address), config.signIn().maxFailuresPerAddress(), longAgo);

        assertEquals(Outcome.SIGNED_IN, signIn(user.email, Fixtures.PASSWORD, address));
    }

    @Test
    void signingInClearsTheAddresssEarlierTypos() {
        User user = fixtures.moderator(Area.SOUTHAMPTON);
        String address = address();
        int limit = config.signIn().maxFailuresPerAccountAndAddress();
        for (int round = 0; round < 2; round++) {
            for (int i = 1; i < limit; i++) {
                assertEquals(Outcome.REJECTED, signIn(user.email, "typo-" + i, address));
            }
            assertEquals(Outcome.SIGNED_IN, signIn(user.email, Fixtures.PASSWORD, address));
        }
    }

    /** Issue 8 point 6: the limit used to be checked before the failure was recorded, so parallel guesses all got through. */
    @Test
    void parallelGuessesGetNoMoreChecksThanTheLimit() throws Exception {
        User user = fixtures.moderator(Area.ISLE_OF_WIGHT);
        String address = address();
        List<Outcome> outcomes = inParallel(30, i -> signIn(user.email, i == 17 ? Fixtures.PASSWORD : "guess-" + i, address));

        long checked = outcomes.stream().filter(outcome -> outcome != Outcome.THROTTLED).count();
        assertEquals(config.signIn().maxFailuresPerAccountAndAddress(), checked, outcomes.toString());
        assertEquals(checked, attemptsRecorded(user.email));
    }

    @Test
    void aBurstWithTheRightPasswordWhileTheLimitIsTakenDoesNotSignIn() throws Exception {
        User user = fixtures.moderator(Area.ISLE_OF_WIGHT);
        String address = address();
        int limit = config.signIn().maxFailuresPerAccountAndAddress();
        ExecutorService pool = Executors.newFixedThreadPool(limit);
        try {
            // the limit's worth of wrong guesses, still being checked (bcrypt) when the burst arrives
            List<Future<Outcome>> guesses = new ArrayList<>();
            for (int i = 0; i < limit; i++) {
                int n = i;
                guesses.add(pool.submit(() -> signIn(user.email, "guess-" + n, address)));
            }
            awaitCount(SignInThrottle.pairKey(user.email, address), limit);

            List<Outcome> burst = inParallel(10, i -> signIn(user.email, i % 3 == 0 ? Fixtures.PASSWORD : "burst-" + i, address));

            assertFalse(burst.contains(Outcome.SIGNED_IN), burst.toString());
            assertTrue(burst.stream().allMatch(outcome -> outcome == Outcome.THROTTLED), burst.toString());
            for (Future<Outcome> guess : guesses) {
                assertEquals(Outcome.REJECTED, guess.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private Outcome signIn(String email, String password, String address) {
        return signInService.signIn(email, password, address).outcome();
    }

    /** A new address from the documentation ranges (TEST-NET-2 and TEST-NET-3). */
    private static String address() {
        int n = NEXT_ADDRESS.incrementAndGet();
        return (n <= 254 ? "198.51.100." : "203.0.113.") + (n % 254 + 1);
    }

    interface Attempt {
        Outcome run(int index) throws Exception;
    }

    /** Runs the attempts on as many threads, all released at once. */
    static List<Outcome> inParallel(int count, Attempt attempt) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                Callable<Outcome> task = () -> {
                    start.await();
                    return attempt.run(index);
                };
                futures.add(pool.submit(task));
            }
            start.countDown();
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> future : futures) {
                outcomes.add(future.get(120, TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private void awaitCount(String key, int expected) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (count(key) < expected) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the guesses never took their places: " + count(key));
            }
            Thread.sleep(5);
        }
    }

    @Transactional
    int count(String key) {
        List<?> rows = entityManager.createNativeQuery("SELECT failures FROM sign_in_counter WHERE counter_key = ?1")
                .setParameter(1, key).getResultList();
        return rows.isEmpty() ? 0 : ((Number) rows.get(0)).intValue();
    }

    @Transactional
    long attemptsRecorded(String email) {
        return SignInAttempt.count("email", email);
    }

    @Transactional
    void setCount(String key, int failures, Instant windowStartedAt) {
        entityManager.createNativeQuery("""
                INSERT INTO sign_in_counter (counter_key, failures, window_started_at) VALUES (?1, ?2, ?3)
                ON DUPLICATE KEY UPDATE failures = ?2, window_started_at = ?3""")
                .setParameter(1, key).setParameter(2, failures).setParameter(3, windowStartedAt).executeUpdate();
    }
}
