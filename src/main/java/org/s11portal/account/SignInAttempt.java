package org.s11portal.account;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One checked sign-in, kept for investigations and to know the addresses an account has signed in from
 * ({@link SignInThrottle}). The counting itself is in {@code sign_in_counter}.
 */
@Entity
@Table(name = "sign_in_attempt")
public class SignInAttempt extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, length = 254)
    public String email;

    @Column(nullable = false, length = 64)
    public String address;

    @Column(nullable = false)
    public boolean succeeded;

    @Column(name = "attempted_at", nullable = false)
    public Instant attemptedAt;
}
