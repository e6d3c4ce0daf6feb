package org.s11portal.account;

import java.time.Instant;
import java.util.Locale;

import org.s11portal.agency.Agency;
import org.s11portal.agency.Partnership;
import org.s11portal.common.persistence.EditableEntity;

import io.quarkus.security.jpa.Password;
import io.quarkus.security.jpa.PasswordType;
import io.quarkus.security.jpa.UserDefinition;
import io.quarkus.security.jpa.Username;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * A person who signs in: an agency lead (scoped to one agency), a moderator (scoped to a partnership),
 * or a partnership admin (scoped to a partnership, or to all four when it has none: the HIPS admin).
 * Staff answering the survey never have an account.
 */
@Entity
@Table(name = "app_user")
@UserDefinition
public class User extends EditableEntity {

    /** bcrypt cost for every stored password (OWASP ASVS 2.4.1 asks for at least 12 here). */
    public static final int BCRYPT_COST = 12;

    @Username
    @Column(nullable = false, unique = true, length = 254)
    public String email;

    @Column(name = "display_name", nullable = false, length = 120)
    public String displayName;

    /** Null until an invited person sets their password: sign-in then always fails. */
    @Password(PasswordType.MCF)
    @Column(name = "password_hash", length = 100)
    public String passwordHash;

    @io.quarkus.security.jpa.Roles
    @Column(nullable = false, length = 30)
    public String role;

    @ManyToOne
    @JoinColumn(name = "agency_id")
    public Agency agency;

    @ManyToOne
    @JoinColumn(name = "partnership_id")
    public Partnership partnership;

    @Column(nullable = false)
    public boolean active = true;

    /** When the last invitation was sent (useradmin), or null for accounts made otherwise. */
    @Column(name = "invited_at")
    public Instant invitedAt;

    /** When the person accepted their invitation by setting a password. */
    @Column(name = "accepted_at")
    public Instant acceptedAt;

    public static User findByEmail(String email) {
        return find("email", normaliseEmail(email)).firstResult();
    }

    public static String normaliseEmail(String email) {
        return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    }

    public String roleLabel() {
        return Roles.label(role);
    }
}
