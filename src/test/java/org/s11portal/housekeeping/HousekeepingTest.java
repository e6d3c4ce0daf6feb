package org.s11portal.housekeeping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.s11portal.account.SignInAttempt;
import org.s11portal.account.User;
import org.s11portal.account.UserSession;
import org.s11portal.agency.Area;
import org.s11portal.common.config.PortalClock;
import org.s11portal.support.Fixtures;
import org.s11portal.useradmin.ResetRequestLimit;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** The nightly clean-up removes what is due, keeps what is not, and copes with more rows than one chunk. */
@QuarkusTest
class HousekeepingTest {

    @Inject
    PortalClock clock;

    @Inject
    Housekeeping housekeeping;

    @Inject
    Fixtures fixtures;

    @Test
    void removesExpiredRecordsAndKeepsRecentOnes() {
        Instant now = clock.now().truncatedTo(ChronoUnit.SECONDS);
        User user = fixtures.moderator(Area.HAMPSHIRE);
        String oldSession = session(user, now.minus(Duration.ofDays(31)));
        String recentSession = session(user, now.minus(Duration.ofDays(29)));
        String oldAttempt = attempt(now.minus(Duration.ofDays(91)));
        String recentAttempt = attempt(now.minus(Duration.ofDays(89)));
        LocalDate today = clock.today();
        String expiredNonce = nonce(today.minusDays(1));
        String liveNonce = nonce(today);
        String endedCount = signInCount(now.minus(Duration.ofMinutes(16)));
        String currentCount = signInCount(now.minus(Duration.ofMinutes(14)));

        Housekeeping.Purged purged = housekeeping.purge(now);

        assertTrue(purged.sessions() >= 1 && purged.signInAttempts() >= 1 && purged.surveyNonces() >= 1, purged.toString());
        assertEquals(List.of(0L, 1L), List.of(count("user_session", "token_hash", oldSession), count("user_session", "token_hash", recentSession)));
        assertEquals(List.of(0L, 1L), List.of(count("sign_in_attempt", "email", oldAttempt), count("sign_in_attempt", "email", recentAttempt)));
        assertEquals(List.of(0L, 1L), List.of(count("survey_nonce_used", "nonce_hash", expiredNonce), count("survey_nonce_used", "nonce_hash", liveNonce)));
        assertEquals(List.of(0L, 1L), List.of(count("sign_in_counter", "counter_key", endedCount), count("sign_in_counter", "counter_key", currentCount)));
    }

    @Test
    void removesWhatAdministrationLeavesBehindOnceItCanNoLongerBeUsed() {
        Instant now = clock.now().truncatedTo(ChronoUnit.SECONDS);
        long user = fixtures.admin(Area.HAMPSHIRE).id;
        // a reset count lasts an hour, a sign-in count 15 minutes: the clean-up keeps each for its own window
        String endedReset = signInCount(ResetRequestLimit.KEY_PREFIX + hex().substring(1), now.minus(Duration.ofMinutes(61)));
        String currentReset = signInCount(ResetRequestLimit.KEY_PREFIX + hex().substring(1), now.minus(Duration.ofMinutes(30)));
        String oldLink = row("INSERT INTO one_time_token (user_id, purpose, token_hash, created_at, expires_at)"
                + " VALUES (?1, 'INVITATION', ?2, ?3, ?3)", user, now.minus(Duration.ofDays(31)));
        String recentLink = row("INSERT INTO one_time_token (user_id, purpose, token_hash, created_at, expires_at)"
                + " VALUES (?1, 'INVITATION', ?2, ?3, ?3)", user, now.minus(Duration.ofDays(29)));
        String oldPending = row("INSERT INTO two_step_pending (user_id, token_hash, created_at, expires_at, failures)"
                + " VALUES (?1, ?2, ?3, ?3, 0)", user, now.minus(Duration.ofDays(2)));
        String recentPending = row("INSERT INTO two_step_pending (user_id, token_hash, created_at, expires_at, failures)"
                + " VALUES (?1, ?2, ?3, ?3, 0)", user, now.minus(Duration.ofHours(2)));
        String expiredImport = row("INSERT INTO agency_import (owner_id, file_name, row_count, rows_json, created_at, expires_at)"
                + " VALUES (?1, ?2, 0, '[]', ?3, ?3)", user, now.minus(Duration.ofMinutes(1)));
        String liveImport = row("INSERT INTO agency_import (owner_id, file_name, row_count, rows_json, created_at, expires_at)"
                + " VALUES (?1, ?2, 0, '[]', ?3, ?3)", user, now.plus(Duration.ofMinutes(30)));
        String oldTool = row("INSERT INTO tool_import (user_id, content, created_at) VALUES (?1, ?2, ?3)", user,
                now.minus(Duration.ofHours(25)));
        String recentTool = row("INSERT INTO tool_import (user_id, content, created_at) VALUES (?1, ?2, ?3)", user,
                now.minus(Duration.ofHours(23)));

        Housekeeping.Purged purged = housekeeping.purge(now);

        assertTrue(purged.oneTimeLinks() >= 1 && purged.pendingSignIns() >= 1 && purged.uploads() >= 2, purged.toString());
        assertEquals(List.of(0L, 1L), List.of(count("sign_in_counter", "counter_key", endedReset), count("sign_in_counter", "counter_key", currentReset)));
        assertEquals(List.of(0L, 1L), List.of(count("one_time_token", "token_hash", oldLink), count("one_time_token", "token_hash", recentLink)));
        assertEquals(List.of(0L, 1L), List.of(count("two_step_pending", "token_hash", oldPending), count("two_step_pending", "token_hash", recentPending)));
        assertEquals(List.of(0L, 1L), List.of(count("agency_import", "file_name", expiredImport), count("agency_import", "file_name", liveImport)));
        assertEquals(List.of(0L, 1L), List.of(count("tool_import", "content", oldTool), count("tool_import", "content", recentTool)));
    }

    /** Inserts a row with (?1 user, ?2 a unique text, ?3 a time); answers the unique text to find it by. */
    @Transactional
    String row(String insert, long userId, Instant at) {
        String unique = hex();
        Panache.getEntityManager().createNativeQuery(insert).setParameter(1, userId).setParameter(2, unique)
                .setParameter(3, at).executeUpdate();
        return unique;
    }

    @Test
    void removesMoreThanOneChunk() {
        LocalDate longAgo = clock.today().minusDays(10);
        insertExpiredNonces(Housekeeping.CHUNK + 7, longAgo);

        Housekeeping.Purged purged = housekeeping.purge(clock.now());

        assertTrue(purged.surveyNonces() >= Housekeeping.CHUNK + 7, purged.toString());
        assertEquals(0L, expiredNoncesLeft(clock.today()));
    }

    @Transactional
    String session(User user, Instant expiredAt) {
        UserSession session = new UserSession();
        session.tokenHash = hex();
        session.user = User.findById(user.id);
        session.createdAt = expiredAt.minus(Duration.ofHours(12));
        session.lastSeenAt = expiredAt.minus(Duration.ofHours(11));
        session.expiresAt = expiredAt;
        session.persist();
        return session.tokenHash;
    }

    @Transactional
    String attempt(Instant at) {
        SignInAttempt attempt = new SignInAttempt();
        attempt.email = Fixtures.unique("attempt") + "@example.org";
        attempt.address = "192.0.2.1";
        attempt.succeeded = false;
        attempt.attemptedAt = at;
        attempt.persist();
        return attempt.email;
    }

    @Transactional
    String nonce(LocalDate expiresOn) {
        String hash = hex();
        Panache.getEntityManager().createNativeQuery("INSERT INTO survey_nonce_used (nonce_hash, expires_on) VALUES (?1, ?2)")
                .setParameter(1, hash).setParameter(2, expiresOn).executeUpdate();
        return hash;
    }

    String signInCount(Instant windowStartedAt) {
        return signInCount(hex().substring(0, 64), windowStartedAt);
    }

    @Transactional
    String signInCount(String key, Instant windowStartedAt) {
        Panache.getEntityManager().createNativeQuery("INSERT INTO sign_in_counter (counter_key, failures, window_started_at) VALUES (?1, 1, ?2)")
                .setParameter(1, key).setParameter(2, windowStartedAt).executeUpdate();
        return key;
    }

    @Transactional
    void insertExpiredNonces(int count, LocalDate expiresOn) {
        Panache.getEntityManager().createNativeQuery("INSERT INTO survey_nonce_used (nonce_hash, expires_on)"
                + " SELECT SHA2(CONCAT(UUID(), seq), 256), ?1 FROM seq_1_to_" + count)
                .setParameter(1, expiresOn).executeUpdate();
    }

    @Transactional
    long expiredNoncesLeft(LocalDate today) {
        return ((Number) Panache.getEntityManager().createNativeQuery("SELECT COUNT(*) FROM survey_nonce_used WHERE expires_on < ?1")
                .setParameter(1, today).getSingleResult()).longValue();
    }

    @Transactional
    long count(String table, String column, String value) {
        return ((Number) Panache.getEntityManager().createNativeQuery("SELECT COUNT(*) FROM " + table + " WHERE " + column + " = ?1")
                .setParameter(1, value).getSingleResult()).longValue();
    }

    private static String hex() {
        return (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
    }
}
