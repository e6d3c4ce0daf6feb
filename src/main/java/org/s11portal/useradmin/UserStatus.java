package org.s11portal.useradmin;

import org.s11portal.account.Roles;
import org.s11portal.account.User;

import io.quarkus.qute.TemplateExtension;

/** Where an account stands, as the users page filters and shows it. */
public enum UserStatus {
    ACTIVE("active", "Active", "green"),
    INVITED("invited", "Invited, not yet accepted", "blue"),
    DEACTIVATED("deactivated", "Deactivated", "grey");

    public final String value;
    public final String label;
    public final String colour;

    UserStatus(String value, String label, String colour) {
        this.value = value;
        this.label = label;
        this.colour = colour;
    }

    /** Deactivated whatever else; invited while no password is set; otherwise active. */
    public static UserStatus of(User user) {
        return of(user.active, user.passwordHash != null);
    }

    static UserStatus of(boolean active, boolean hasPassword) {
        return !active ? DEACTIVATED : hasPassword ? ACTIVE : INVITED;
    }

    static UserStatus parse(String value) {
        for (UserStatus status : values()) {
            if (status.value.equals(value)) {
                return status;
            }
        }
        return null;
    }

    /** {@code {user.status.label}} in templates. */
    @TemplateExtension
    static UserStatus status(User user) {
        return of(user);
    }

    /** Between a lead's agencies' names where one line shows them all. */
    static final String AGENCY_SEPARATOR = "; ";

    /** What an account covers: its agencies, its partnership, or all four for an admin with neither. */
    @TemplateExtension
    static String scopeLabel(User user) {
        String agencies = user.agencies.isEmpty() ? null
                : String.join(AGENCY_SEPARATOR, user.agenciesByName().stream().map(a -> a.name).toList());
        return scopeLabel(agencies, user.partnership == null ? null : user.partnership.name, user.role);
    }

    static String scopeLabel(String agencyNames, String partnershipName, String role) {
        if (agencyNames != null) {
            return agencyNames;
        }
        if (partnershipName != null) {
            return partnershipName;
        }
        return Roles.PARTNERSHIP_ADMIN.equals(role) ? "All HIPS partnerships" : "None";
    }
}
