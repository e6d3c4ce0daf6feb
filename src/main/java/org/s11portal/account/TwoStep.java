package org.s11portal.account;

import java.time.Instant;

import org.s11portal.common.persistence.EditableEntity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

/**
 * A user's authenticator app: the TOTP secret, encrypted ({@link TwoStepSecrets}), set up once a code from the app
 * matched ({@link #confirmedAt}). Kept apart from {@link User} so that the account's own columns stay as they are.
 */
@Entity
@Table(name = "two_step")
public class TwoStep extends EditableEntity {

    @Column(name = "user_id", nullable = false, unique = true)
    public Long userId;

    /** AES-GCM ciphertext of the secret's bytes, bound to the user; never the secret itself. */
    @Column(name = "secret_encrypted", nullable = false, length = 200)
    public String secretEncrypted;

    /** When the first code from the app matched; until then the secret is only being set up. */
    @Column(name = "confirmed_at")
    public Instant confirmedAt;

    /** The last time step whose code was accepted: a code is never accepted twice. */
    @Column(name = "last_used_step")
    public Long lastUsedStep;

    /** New recovery codes, encrypted, until the user has seen them (at most a few minutes); then cleared. */
    @Column(name = "codes_to_show", length = 400)
    public String codesToShow;

    @Column(name = "codes_shown_until")
    public Instant codesShownUntil;

    boolean isSetUp() {
        return confirmedAt != null;
    }

    static TwoStep forUser(long userId) {
        return find("userId", userId).firstResult();
    }

    /** The row locked for this transaction: two codes checked at once are checked one after the other. */
    static TwoStep lockedForUser(long userId) {
        return TwoStep.<TwoStep>find("userId", userId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }
}
