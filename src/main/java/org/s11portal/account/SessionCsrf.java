package org.s11portal.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.s11portal.common.observability.RequestLogs;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.s11portal.common.web.PerThreadSecureRandom;

import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

/**
 * Ties the quarkus-rest-csrf double-submit token to the session. Signing in replaces the browser's CSRF cookie
 * with a fresh token whose SHA-256 the session keeps, so a token planted or read before sign-in (or taken from
 * another session) is useless afterwards. A signed-in state-changing request must carry that token: the
 * rest-csrf filter has already checked that the submitted token equals the cookie, and this filter, which
 * runs after it, checks that the cookie is the one bound to the session. A refusal answers exactly as the
 * rest-csrf filter does (a bare 400), so the same CSRF failure page covers both.
 */
@ApplicationScoped
public class SessionCsrf {

    private static final Logger LOG = Logger.getLogger(SessionCsrf.class);
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    /**
     * Signing out stays possible with an unbound token (a browser that lost its CSRF cookie while keeping the
     * session would otherwise be stuck until the session ends); the rest-csrf double-submit check still applies.
     */
    private static final String SIGN_OUT = "/sign-out";

    private final SecureRandom random = PerThreadSecureRandom.get();

    @ConfigProperty(name = "quarkus.rest-csrf.cookie-name", defaultValue = "csrf-token")
    String cookieName;

    @ConfigProperty(name = "quarkus.rest-csrf.cookie-max-age", defaultValue = "2H")
    Duration cookieMaxAge;

    @ConfigProperty(name = "quarkus.rest-csrf.cookie-path", defaultValue = "/")
    String cookiePath;

    @ConfigProperty(name = "quarkus.rest-csrf.cookie-domain")
    Optional<String> cookieDomain;

    @ConfigProperty(name = "quarkus.rest-csrf.cookie-force-secure", defaultValue = "false")
    boolean cookieForceSecure;

    @ConfigProperty(name = "quarkus.rest-csrf.cookie-http-only", defaultValue = "true")
    boolean cookieHttpOnly;

    /** rest-csrf refuses a cookie whose decoded length differs from its token size. */
    @ConfigProperty(name = "quarkus.rest-csrf.token-size", defaultValue = "16")
    int tokenSize;

    /** A fresh random token, in the form rest-csrf issues its own. */
    public String newToken() {
        byte[] bytes = new byte[tokenSize];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** What a session stores of its token: only the hash, like the session token itself. */
    public static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /**
     * Makes this response give the browser that token as its CSRF cookie. The rest-csrf response filter
     * re-sends the request's cookie on every verified post; this runs when the headers are written, after
     * every filter, and replaces that cookie (the response keeps one cookie per name and path).
     */
    public void renew(RoutingContext routing, String token) {
        routing.addHeadersEndHandler(ignored -> routing.response().addCookie(cookie(token, routing)));
    }

    @ServerRequestFilter(priority = Priorities.USER + 100)
    public Uni<Response> requireTheSessionsToken(ContainerRequestContext request, RoutingContext routing) {
        if (SAFE_METHODS.contains(request.getMethod()) || SIGN_OUT.equals(routing.normalizedPath())) {
            return Uni.createFrom().nullItem();
        }
        Cookie session = routing.request().getCookie(SessionService.COOKIE_NAME);
        if (session == null || session.getValue().isBlank()) {
            return Uni.createFrom().nullItem();
        }
        Cookie csrf = routing.request().getCookie(cookieName);
        return QuarkusHttpUser.getSecurityIdentity(routing, null).map(identity -> {
            if (identity == null || identity.isAnonymous()) {
                return null; // the session has ended: the resource answers as for anyone signed out
            }
            String bound = identity.getAttribute(SessionIdentityProvider.CSRF_TOKEN_HASH);
            if (bound != null && csrf != null && MessageDigest.isEqual(
                    hash(csrf.getValue()).getBytes(StandardCharsets.US_ASCII), bound.getBytes(StandardCharsets.US_ASCII))) {
                return null;
            }
            LOG.logf(RequestLogs.level(routing.normalizedPath(), Logger.Level.WARN),
                    "security-event=csrf-refused reason=token-not-bound-to-session method=%s path=%s", request.getMethod(),
                    RequestLogs.path(routing.normalizedPath()));
            return Response.status(Response.Status.BAD_REQUEST).build();
        });
    }

    /** The same attributes as the cookie rest-csrf sets, so that one replaces the other. */
    private Cookie cookie(String token, RoutingContext routing) {
        Cookie cookie = Cookie.cookie(cookieName, token)
                .setHttpOnly(cookieHttpOnly)
                .setSecure(cookieForceSecure || routing.request().isSSL())
                .setMaxAge(cookieMaxAge.toSeconds())
                .setPath(cookiePath);
        cookieDomain.ifPresent(cookie::setDomain);
        return cookie;
    }
}
