package org.s11portal.useradmin;

import java.time.Instant;

import org.s11portal.account.User;
import org.s11portal.common.persistence.GeneratedIdEntity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * An invitation or password-reset link. The link carries a random 32-byte token; only its SHA-256 is stored, so a copy
 * of the table opens nothing. A token works once, until it expires, while it is the newest of its purpose for its user
 * (issuing one cancels the older) and while the user is active.
 */
@Entity
@Table(name = "one_time_token")
public class OneTimeToken extends GeneratedIdEntity {

    public enum Purpose {
        INVITATION, PASSWORD_RESET
    }

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id")
    public User user;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public Purpose purpose;

    @Column(name = "token_hash", nullable = false, unique = true, length = 64, columnDefinition = "char(64)")
    public String tokenHash;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "used_at")
    public Instant usedAt;

    /** When a newer link of the same purpose, a password set another way, or a deactivation replaced this one. */
    @Column(name = "cancelled_at")
    public Instant cancelledAt;
}
