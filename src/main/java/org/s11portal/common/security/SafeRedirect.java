package org.s11portal.common.security;

/** Redirect targets taken from a request are only ever this portal's own relative paths (ASVS 5.1.5). */
public final class SafeRedirect {

    private SafeRedirect() {
    }

    public static boolean isLocalPath(String target) {
        return target != null
                && target.length() <= 500
                && target.startsWith("/")
                && !target.startsWith("//")
                && !target.startsWith("/\\")
                && target.chars().noneMatch(c -> c == '\\' || Character.isISOControl(c));
    }

    public static String orHome(String target) {
        return isLocalPath(target) && !target.startsWith("/sign-in") ? target : "/home";
    }
}
