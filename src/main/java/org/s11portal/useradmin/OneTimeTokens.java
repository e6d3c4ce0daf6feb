package org.s11portal.useradmin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import org.s11portal.account.User;
import org.s11portal.common.config.PortalClock;
import org.s11portal.common.web.PerThreadSecureRandom;
import org.s11portal.useradmin.OneTimeToken.Purpose;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Issues, finds and uses the one-time tokens of invitation and password-reset links. */
@ApplicationScoped
class OneTimeTokens {

    static final Duration INVITATION_VALIDITY = Duration.ofDays(7);
    static final Duration RESET_VALIDITY = Duration.ofHours(1);

    /** A token as it travels in a link: 32 random bytes, URL-safe base64, 43 characters. */
    private static final int TOKEN_LENGTH = 43;

    private final SecureRandom random = PerThreadSecureRandom.get();

    @Inject
    PortalClock clock;

    /** A new token: its row's id (for the email's dedupe key) and the token as the link carries it. */
    record Issued(long id, String token) {
    }

    /** A new token for the user, cancelling their older unused ones of the purpose. */
    @Transactional(Transactional.TxType.MANDATORY)
    Issued issue(User user, Purpose purpose) {
        Instant now = clock.now();
        cancel(user, purpose, now);
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        OneTimeToken row = new OneTimeToken();
        row.user = user;
        row.purpose = purpose;
        row.tokenHash = hash(token);
        row.createdAt = now;
        row.expiresAt = now.plus(purpose == Purpose.INVITATION ? INVITATION_VALIDITY : RESET_VALIDITY);
        row.persist();
        return new Issued(row.id, token);
    }

    /** The token's row while the link still works: unused, not cancelled, not expired, its user active. */
    @Transactional(Transactional.TxType.MANDATORY)
    Optional<OneTimeToken> usable(String token, Purpose purpose) {
        if (token == null || token.length() != TOKEN_LENGTH) {
            return Optional.empty();
        }
        return OneTimeToken.<OneTimeToken>find("from OneTimeToken t join fetch t.user u where t.tokenHash = ?1"
                + " and t.purpose = ?2 and t.usedAt is null and t.cancelledAt is null and t.expiresAt > ?3"
                + " and u.active = true", hash(token), purpose, clock.now()).firstResultOptional();
    }

    /**
     * Uses the token (a conditional update, so of two requests racing with one link only one wins) and cancels every
     * other open link of its user: a password is now set. False when the token was used meanwhile.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    boolean use(OneTimeToken token) {
        Instant now = clock.now();
        if (OneTimeToken.update("usedAt = ?1 where id = ?2 and usedAt is null and cancelledAt is null", now, token.id) != 1) {
            return false;
        }
        OneTimeToken.update("cancelledAt = ?1 where user = ?2 and id <> ?3 and usedAt is null and cancelledAt is null",
                now, token.user, token.id);
        return true;
    }

    /** Cancels the user's open links of the purpose. */
    @Transactional(Transactional.TxType.MANDATORY)
    void cancel(User user, Purpose purpose, Instant now) {
        OneTimeToken.update("cancelledAt = ?1 where user = ?2 and purpose = ?3 and usedAt is null and cancelledAt is null",
                now, user, purpose);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
