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

import org.hibernate.SessionFactory;
import org.hibernate.StatelessSession;
import org.s11portal.agency.Agency;
import org.s11portal.common.config.PortalClock;
import org.s11portal.common.config.PortalConfig;
import org.s11portal.common.persistence.Transactions;
import org.s11portal.common.web.PerThreadSecureRandom;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

/**
 * Opens, checks, extends and revokes server-side sessions. The session lives in MariaDB, so a restart
 * or a second instance keeps people signed in, and signing out really ends it.
 */
@ApplicationScoped
public class SessionService {

    public static final String COOKIE_NAME = "s11_session";

    /** Writing last-seen on every request would turn every page view into a write. */
    private static final Duration TOUCH_INTERVAL = Duration.ofSeconds(30);

    private final SecureRandom random = PerThreadSecureRandom.get();

    @Inject
    PortalClock clock;

    @Inject
    PortalConfig config;

    @Inject
    SessionCsrf csrf;

    @Inject
    SessionFactory sessionFactory;

    /**
     * What a valid session tells the rest of the request: who is signed in, with the name and role the layout
     * shows, read in the same statement as the session so a page that needs nothing more loads no user.
     */
    public record ActiveSession(long userId, String email, String role, String displayName, Instant idleExpiresAt,
            String csrfTokenHash, LeadAgency leadAgency) {
    }

    /**
     * The agency a lead works for in this session, as read with it: its id (null when the session has not chosen one
     * of the lead's agencies: then the first by name), its name and how many agencies the lead has (0 for others).
     */
    public record LeadAgency(Long chosenId, String name, int count) {

        static final LeadAgency NONE = new LeadAgency(null, null, 0);
    }

    /**
     * The session and its user's details, in one statement: live, unrevoked sessions of active users only. For a lead,
     * the same statement reads how many agencies they lead and the name of the one they work for (the session's
     * choice while it is still theirs, otherwise the first by name: names are unique, so the least).
     */
    private static final String LIVE_SESSION = "select s.id, s.lastSeenAt, s.expiresAt, s.csrfTokenHash,"
            + " u.id, u.email, u.role, u.displayName, sa.id, sa.name,"
            + " case when u.role = :lead then size(u.agencies) else 0 end,"
            + " case when u.role = :lead then (select min(a.name) from User x join x.agencies a where x.id = u.id) end"
            + " from UserSession s join s.user u"
            + " left join s.agency sa on sa.id in (select a.id from User x join x.agencies a where x.id = u.id)"
            + " where s.tokenHash = :tokenHash and s.revokedAt is null and u.active = true";

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
        Instant now = clock.now();
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

    /**
     * The live session behind a cookie value, if it is neither revoked, idle too long nor past its lifetime, and
     * its user is still active. Asked of MariaDB on every request, so a sign-out or a deactivation on any instance
     * counts at once; one statement, outside any transaction (a stateless session on an auto-commit connection).
     * Last-seen is written at most every {@link #TOUCH_INTERVAL}, in its own short transaction, by a conditional
     * update, so a page view is otherwise no write at all.
     */
    public Optional<ActiveSession> resolve(String token) {
        if (!plausible(token)) {
            return Optional.empty();
        }
        Object[] row;
        try (StatelessSession db = sessionFactory.openStatelessSession()) {
            row = db.createSelectionQuery(LIVE_SESSION, Object[].class)
                    .setParameter("tokenHash", hash(token))
                    .setParameter("lead", Roles.AGENCY_LEAD)
                    .getSingleResultOrNull();
        }
        if (row == null) {
            return Optional.empty();
        }
        long sessionId = (Long) row[0];
        Instant lastSeenAt = (Instant) row[1];
        Instant expiresAt = (Instant) row[2];
        Instant now = clock.now();
        if (now.isAfter(lastSeenAt.plus(config.session().idleTimeout())) || now.isAfter(expiresAt)) {
            return Optional.empty();
        }
        if (now.isAfter(lastSeenAt.plus(TOUCH_INTERVAL))) {
            Instant seen = now;
            // two tabs on two instances can touch the same row at once: a Galera conflict, tried again
            Transactions.retryingConflicts(() -> UserSession.update(
                    "lastSeenAt = ?1 where id = ?2 and lastSeenAt < ?3", seen, sessionId, seen.minus(TOUCH_INTERVAL)));
            lastSeenAt = now;
        }
        int agencies = ((Number) row[10]).intValue();
        LeadAgency leadAgency = agencies == 0 ? LeadAgency.NONE
                : new LeadAgency((Long) row[8], row[9] != null ? (String) row[9] : (String) row[11], agencies);
        return Optional.of(new ActiveSession((Long) row[4], (String) row[5], (String) row[6], (String) row[7],
                idleExpiry(lastSeenAt, expiresAt), (String) row[3], leadAgency));
    }

    /** "Stay signed in": restarts the idle clock; returns when the session will now time out. */
    @Transactional
    public Optional<Instant> extend(String token) {
        UserSession session = find(token);
        if (session == null) {
            return Optional.empty();
        }
        session.lastSeenAt = clock.now();
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

    /**
     * A lead of several agencies chooses the one they work for in this session; 404 for an agency not theirs (or an
     * ended session, which cannot reach here signed in).
     */
    @Transactional
    public void workFor(String token, long agencyId) {
        UserSession session = find(token);
        Agency agency = session == null ? null
                : session.user.agencies.stream().filter(a -> a.id == agencyId).findFirst().orElse(null);
        if (agency == null || !Roles.AGENCY_LEAD.equals(session.user.role)) {
            throw new NotFoundException();
        }
        session.agency = agency;
    }

    @Transactional
    public void revoke(String token) {
        UserSession session = UserSession.findByTokenHash(hash(token));
        if (session != null && session.revokedAt == null) {
            session.revokedAt = clock.now();
        }
    }

    public Duration idleTimeout() {
        return config.session().idleTimeout();
    }

    private static boolean plausible(String token) {
        return token != null && !token.isBlank() && token.length() <= 100;
    }

    private UserSession find(String token) {
        if (!plausible(token)) {
            return null;
        }
        UserSession session = UserSession.findByTokenHash(hash(token));
        if (session == null || session.revokedAt != null) {
            return null;
        }
        Instant now = clock.now();
        boolean idleTooLong = now.isAfter(session.lastSeenAt.plus(config.session().idleTimeout()));
        boolean pastLifetime = now.isAfter(session.expiresAt);
        return idleTooLong || pastLifetime ? null : session;
    }

    private Instant idleExpiry(UserSession session) {
        return idleExpiry(session.lastSeenAt, session.expiresAt);
    }

    private Instant idleExpiry(Instant lastSeenAt, Instant expiresAt) {
        Instant idle = lastSeenAt.plus(config.session().idleTimeout());
        return idle.isBefore(expiresAt) ? idle : expiresAt;
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
