package org.s11portal.account;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One sign-in try, kept to throttle guessing per account and per address across every instance. */
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

    static long failuresForEmailSince(String email, Instant since) {
        return count("email = ?1 and succeeded = false and attemptedAt > ?2", email, since);
    }

    static long failuresFromAddressSince(String address, Instant since) {
        return count("address = ?1 and succeeded = false and attemptedAt > ?2", address, since);
    }
}
