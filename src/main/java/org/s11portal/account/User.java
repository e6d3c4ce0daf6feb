package org.s11portal.account;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

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
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

/**
 * A person who signs in: an agency lead (scoped to one or more agencies), a moderator (scoped to a partnership),
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

    /**
     * The agencies an agency lead leads (table user_agency); empty for everyone else. Loaded with the user behind a
     * request ({@link CurrentUser#user()}), lazily elsewhere. A lead works for one of them at a time
     * ({@link CurrentUser#leadAgency()}).
     */
    @ManyToMany
    @JoinTable(name = "user_agency",
            joinColumns = @JoinColumn(name = "user_id"),
            inverseJoinColumns = @JoinColumn(name = "agency_id"))
    @OrderBy("name")
    public Set<Agency> agencies = new LinkedHashSet<>();

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

    /** The user with their agencies (and the agencies' areas) and partnership, in one statement; null if none. */
    public static User withAgencies(long id) {
        return find("select u from User u left join fetch u.agencies a left join fetch a.areas"
                + " left join fetch u.partnership where u.id = ?1", id).<User>singleResultOptional().orElse(null);
    }

    public static User findByEmail(String email) {
        return find("email", normaliseEmail(email)).firstResult();
    }

    public static String normaliseEmail(String email) {
        return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    }

    /** The user's agencies by name (the first is the one a lead works for until they choose another). */
    public List<Agency> agenciesByName() {
        return agencies.stream().sorted(Comparator.comparing((Agency a) -> a.name)).toList();
    }

    /** Whether this is a lead of the agency (one of theirs). */
    public boolean leads(Agency agency) {
        return Roles.AGENCY_LEAD.equals(role) && agency != null && agencies.stream().anyMatch(a -> a.id.equals(agency.id));
    }

    public String roleLabel() {
        return Roles.label(role);
    }
}
