package org.s11portal.account;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * The fixed-window counts in MariaDB's {@code sign_in_counter}, shared by every instance: failed sign-in attempts
 * ({@link SignInThrottle}) and password reset requests (useradmin.ResetRequestLimit). Runs in the caller's
 * transaction; the increment holds the row's lock until it ends, so parallel counts of one key queue.
 */
@ApplicationScoped
public class WindowCounter {

    @Inject
    EntityManager entityManager;

    /**
     * Adds one to the key's count (starting a new window at {@code now} if its window started at or before
     * {@code windowStart}) and returns the new count.
     */
    public int increment(String key, Instant now, Instant windowStart) {
        // MariaDB applies the assignments in order: failures is computed from the old window_started_at.
        entityManager.createNativeQuery("""
                INSERT INTO sign_in_counter (counter_key, failures, window_started_at) VALUES (?1, 1, ?2)
                ON DUPLICATE KEY UPDATE
                    failures = IF(window_started_at <= ?3, 1, failures + 1),
                    window_started_at = IF(window_started_at <= ?3, ?2, window_started_at)""")
                .setParameter(1, key).setParameter(2, now).setParameter(3, windowStart)
                .executeUpdate();
        return ((Number) entityManager.createNativeQuery("SELECT failures FROM sign_in_counter WHERE counter_key = ?1")
                .setParameter(1, key).getSingleResult()).intValue();
    }
}
