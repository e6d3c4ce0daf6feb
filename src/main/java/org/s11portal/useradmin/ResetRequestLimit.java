package org.s11portal.useradmin;

import java.time.Duration;
import java.time.Instant;

import org.s11portal.account.WindowCounter;
import org.s11portal.common.config.PortalClock;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Limits "Forgotten your password?" requests, as account.SignInThrottle limits sign-in attempts: fixed-window counts
 * in MariaDB's {@code sign_in_counter} (shared by every instance), one per email address (so nobody can flood a
 * mailbox) and one per client address (so nobody can mail many). Each request counts, whether or not the address has
 * an account, so the limit itself says nothing about which addresses exist. Keys are hashed and prefixed apart from
 * the sign-in counts.
 */
@ApplicationScoped
public class ResetRequestLimit {

    /** How long a reset count lasts: longer than the sign-in counts that share the table. */
    public static final Duration WINDOW = Duration.ofHours(1);

    /**
     * Starts every reset count's key, which no sign-in count's key (64 hex digits) does, so the nightly clean-up can
     * keep each kind of count for its own window.
     */
    public static final String KEY_PREFIX = "r";
    static final int PER_EMAIL = 3;
    static final int PER_ADDRESS = 20;

    @Inject
    PortalClock clock;

    @Inject
    WindowCounter counter;

    /** Counts the request; whether it may send an email. */
    boolean allow(String email, String address) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = clock.now();
            Instant windowStart = now.minus(WINDOW);
            int byAddress = counter.increment(key("reset-address\n" + address), now, windowStart);
            int byEmail = counter.increment(key("reset-email\n" + email), now, windowStart);
            return byAddress <= PER_ADDRESS && byEmail <= PER_EMAIL;
        });
    }

    private static String key(String value) {
        return KEY_PREFIX + OneTimeTokens.hash(value).substring(KEY_PREFIX.length());
    }
}
