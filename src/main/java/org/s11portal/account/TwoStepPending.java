package org.s11portal.account;

import java.time.Instant;

import org.s11portal.common.persistence.GeneratedIdEntity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * A sign-in whose password was right and whose second step is still to come. The browser holds a random token in a
 * cookie; only its SHA-256 is stored. It belongs to one user, lasts {@link TwoStepService#PENDING_LIFETIME}, ends
 * after {@link TwoStepService#MAX_WRONG_CODES} wrong codes, and is used once.
 */
@Entity
@Table(name = "two_step_pending")
public class TwoStepPending extends GeneratedIdEntity {

    @Column(name = "token_hash", nullable = false, unique = true, length = 64, columnDefinition = "char(64)")
    public String tokenHash;

    @Column(name = "user_id", nullable = false)
    public Long userId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(nullable = false)
    public int failures;

    /** When this sign-in set up a new authenticator app (its code matched); the session opens once the codes are seen. */
    @Column(name = "set_up_at")
    public Instant setUpAt;

    @Column(name = "ended_at")
    public Instant endedAt;

    boolean isLive(Instant now) {
        return endedAt == null && now.isBefore(expiresAt);
    }
}
