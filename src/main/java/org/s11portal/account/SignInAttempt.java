package org.s11portal.account;

import java.time.Instant;

import org.s11portal.common.persistence.GeneratedIdEntity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * One checked sign-in, kept for investigations and to know the addresses an account has signed in from
 * ({@link SignInThrottle}). The counting itself is in {@code sign_in_counter}.
 */
@Entity
@Table(name = "sign_in_attempt")
public class SignInAttempt extends GeneratedIdEntity {

    @Column(nullable = false, length = 254)
    public String email;

    @Column(nullable = false, length = 64)
    public String address;

    @Column(nullable = false)
    public boolean succeeded;

    @Column(name = "attempted_at", nullable = false)
    public Instant attemptedAt;
}
