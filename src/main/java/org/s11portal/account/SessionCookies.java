package org.s11portal.account;

import org.s11portal.common.config.PortalConfig;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The session cookie's attributes, in one place: HttpOnly, SameSite=Lax, Secure outside development; the pending
 * two-step sign-in's cookie has the same, for the sign-in pages only.
 */
@ApplicationScoped
public class SessionCookies {

    @Inject
    PortalConfig config;

    /** A Set-Cookie header value that hands the browser its session token. */
    public String issue(String token) {
        return cookie(token).encode();
    }

    /** A Set-Cookie header value that makes the browser forget its session token. */
    public String clear() {
        return expired().encode();
    }

    /** The pending two-step sign-in's cookie: only for the sign-in pages, gone after the pending sign-in's 5 minutes. */
    public String issuePending(String token) {
        return pending(token).setMaxAge(TwoStepService.PENDING_LIFETIME.toSeconds()).encode();
    }

    public String clearPending() {
        return pending("").setMaxAge(0).encode();
    }

    private Cookie pending(String value) {
        return cookie(TwoStepResource.PENDING_COOKIE, value, "/sign-in");
    }

    Cookie expired() {
        return cookie("").setMaxAge(0);
    }

    private Cookie cookie(String value) {
        return cookie(SessionService.COOKIE_NAME, value, "/");
    }

    private Cookie cookie(String name, String value, String path) {
        return Cookie.cookie(name, value)
                .setPath(path)
                .setHttpOnly(true)
                .setSecure(config.session().secureCookie())
                .setSameSite(CookieSameSite.LAX);
    }
}
