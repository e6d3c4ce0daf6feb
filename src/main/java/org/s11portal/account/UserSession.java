package org.s11portal.account;

import java.time.Instant;

import org.s11portal.agency.Agency;
import org.s11portal.common.persistence.GeneratedIdEntity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * A signed-in browser. The cookie holds a random token; only its SHA-256 is stored, so a copy of the
 * table cannot be replayed. Revoking the row signs the browser out everywhere the cookie was copied to.
 */
@Entity
@Table(name = "user_session")
public class UserSession extends GeneratedIdEntity {

    @Column(name = "token_hash", nullable = false, unique = true, length = 64, columnDefinition = "char(64)")
    public String tokenHash;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id")
    public User user;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "last_seen_at", nullable = false)
    public Instant lastSeenAt;

    /** Absolute end of the session, however active the user is. */
    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    /** SHA-256 of the CSRF token issued at sign-in: this session's form posts must carry that token. */
    @Column(name = "csrf_token_hash", length = 64, columnDefinition = "char(64)")
    public String csrfTokenHash;

    /**
     * The agency a lead of several agencies is working for in this session, or null: the first of theirs by name. Only
     * ever one of the user's agencies; an agency taken from the lead no longer counts.
     */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "agency_id")
    public Agency agency;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    public static UserSession findByTokenHash(String tokenHash) {
        return find("tokenHash", tokenHash).firstResult();
    }
}
