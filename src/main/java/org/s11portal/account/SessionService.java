package org.s11portal.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import org.s11portal.common.config.PortalConfig;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Opens, checks, extends and revokes server-side sessions. The session lives in MariaDB, so a restart
 * or a second instance keeps people signed in, and signing out really ends it.
 */
@ApplicationScoped
public class SessionService {

    public static final String COOKIE_NAME = "s11_session";

    /** Writing last-seen on every request would turn every page view into a write. */
    private static final Duration TOUCH_INTERVAL = Duration.ofSeconds(30);

    private final SecureRandom random = new SecureRandom();

    @Inject
    PortalConfig config;

    @Inject
    SessionCsrf csrf;

    /** What a valid session tells the rest of the request. */
    public record ActiveSession(long userId, String email, String role, Instant idleExpiresAt, String csrfTokenHash) {
    }

    /** The cookie values a new session hands the browser: its session token and its fresh CSRF token. */
    public record OpenedSession(String token, String csrfToken) {
    }

    /** Opens a session for a user who has just proved who they are, bound to a CSRF token issued now. */
    @Transactional
    public OpenedSession open(long userId) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String csrfToken = csrf.newToken();
        Instant now = Instant.now();
        UserSession session = new UserSession();
        session.tokenHash = hash(token);
        session.csrfTokenHash = SessionCsrf.hash(csrfToken);
        session.user = User.findById(userId);
        session.createdAt = now;
        session.lastSeenAt = now;
        session.expiresAt = now.plus(config.session().absoluteLifetime());
        session.persist();
        return new OpenedSession(token, csrfToken);
    }

    /** The live session behind a cookie value, if it is neither revoked, idle too long nor past its lifetime. */
    @Transactional
    public Optional<ActiveSession> resolve(String token) {
        UserSession session = find(token);
        if (session == null || !session.user.active) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        if (now.isAfter(session.lastSeenAt.plus(TOUCH_INTERVAL))) {
            session.lastSeenAt = now;
        }
        return Optional.of(new ActiveSession(session.user.id, session.user.email, session.user.role,
                idleExpiry(session), session.csrfTokenHash));
    }

    /** "Stay signed in": restarts the idle clock; returns when the session will now time out. */
    @Transactional
    public Optional<Instant> extend(String token) {
        UserSession session = find(token);
        if (session == null) {
            return Optional.empty();
        }
        session.lastSeenAt = Instant.now();
        return Optional.of(idleExpiry(session));
    }

    /**
     * Binds a live session to a new CSRF token: the expired-form page hands the browser a fresh token when the old one
     * was lost or no longer matched, so that "Send again" works. Nothing happens for an ended session.
     */
    @Transactional
    public boolean rebindCsrf(String token, String csrfToken) {
        UserSession session = find(token);
        if (session == null || !session.user.active) {
            return false;
        }
        session.csrfTokenHash = SessionCsrf.hash(csrfToken);
        return true;
    }

    @Transactional
    public void revoke(String token) {
        UserSession session = UserSession.findByTokenHash(hash(token));
        if (session != null && session.revokedAt == null) {
            session.revokedAt = Instant.now();
        }
    }

    public Duration idleTimeout() {
        return config.session().idleTimeout();
    }

    private UserSession find(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return null;
        }
        UserSession session = UserSession.findByTokenHash(hash(token));
        if (session == null || session.revokedAt != null) {
            return null;
        }
        Instant now = Instant.now();
        boolean idleTooLong = now.isAfter(session.lastSeenAt.plus(config.session().idleTimeout()));
        boolean pastLifetime = now.isAfter(session.expiresAt);
        return idleTooLong || pastLifetime ? null : session;
    }

    private Instant idleExpiry(UserSession session) {
        Instant idle = session.lastSeenAt.plus(config.session().idleTimeout());
        return idle.isBefore(session.expiresAt) ? idle : session.expiresAt;
    }

    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
