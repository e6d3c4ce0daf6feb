package org.s11portal.account;

/** Role names as stored on {@code app_user.role} and used in {@code @RolesAllowed}. */
public final class Roles {

    public static final String AGENCY_LEAD = "AGENCY_LEAD";
    public static final String MODERATOR = "MODERATOR";
    public static final String PARTNERSHIP_ADMIN = "PARTNERSHIP_ADMIN";

    private Roles() {
    }

    public static String label(String role) {
        return switch (role) {
            case AGENCY_LEAD -> "Agency lead";
            case MODERATOR -> "Moderator";
            case PARTNERSHIP_ADMIN -> "Partnership admin";
            default -> role;
        };
    }
}
