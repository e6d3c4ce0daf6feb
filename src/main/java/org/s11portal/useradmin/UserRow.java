package org.s11portal.useradmin;

import org.s11portal.account.Roles;

/**
 * One account as the users list shows it, read in the list's one statement (no entity, so no agency areas loaded); a
 * lead's agencies' names come joined, by name.
 */
public record UserRow(Long id, String displayName, String email, String role, String agencyNames, String partnershipName,
        boolean active, boolean hasPassword) {

    public String roleLabel() {
        return Roles.label(role);
    }

    public String scopeLabel() {
        return UserStatus.scopeLabel(agencyNames, partnershipName, role);
    }

    public UserStatus status() {
        return UserStatus.of(active, hasPassword);
    }
}
