package org.s11portal.account;

import java.time.Instant;

import org.s11portal.common.persistence.GeneratedIdEntity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** One recovery code: only its SHA-256 (with the user's id), usable once. */
@Entity
@Table(name = "two_step_recovery_code")
public class TwoStepRecoveryCode extends GeneratedIdEntity {

    @Column(name = "user_id", nullable = false)
    public Long userId;

    @Column(name = "code_hash", nullable = false, unique = true, length = 64, columnDefinition = "char(64)")
    public String codeHash;

    @Column(name = "used_at")
    public Instant usedAt;
}
