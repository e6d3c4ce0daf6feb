package org.s11portal.common.web;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Redirect targets taken from a request (the sign-in page's {@code next}) are only ever this portal's own
 * relative paths (ASVS 5.1.5), and only ones that make a valid {@code Location}: anything else means home.
 */
public final class SafeRedirect {

    private static final String HOME = "/home";

    private SafeRedirect() {
    }

    /**
     * A path of ours: starts with a single {@code /} (not {@code //} or {@code /\}, which browsers read as
     * another host), parses as a URI reference without scheme or host, has no control characters, and is
     * not absurdly long.
     */
    public static boolean isLocalPath(String target) {
        if (target == null || target.length() > 500 || !target.startsWith("/") || target.startsWith("//")
                || target.chars().anyMatch(c -> c == '\\' || Character.isISOControl(c))) {
            return false;
        }
        try {
            URI uri = new URI(target);
            return uri.getScheme() == null && uri.getRawAuthority() == null && uri.getRawPath() != null
                    && uri.getRawPath().startsWith("/");
        } catch (URISyntaxException notAUri) {
            return false;
        }
    }

    /** Where to send someone after signing in: the target if it is one of our paths (but not sign-in), else home. */
    public static URI orHome(String target) {
        return URI.create(isLocalPath(target) && !target.startsWith("/sign-in") ? target : HOME);
    }
}
