package org.s11portal.account;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.jboss.logging.Logger;
import org.s11portal.common.observability.RequestLogs;
import org.s11portal.common.persistence.DatabaseUnavailable;
import org.s11portal.common.web.SafeRedirect;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Reads the session cookie. No cookie, or one whose session has ended, means an anonymous request: public
 * pages still render, and protected ones challenge. The challenge sends a browser to the sign-in page
 * (remembering where it was going) and answers API clients with a bare 401. A session that cannot be checked because
 * the database is unreachable fails the request (503, common/web/ErrorPages) rather than treating the person as
 * signed out.
 */
@ApplicationScoped
public class SessionAuthenticationMechanism implements HttpAuthenticationMechanism {

    private static final Logger LOG = Logger.getLogger(SessionAuthenticationMechanism.class);
    private static final String SESSION_ENDED = "s11.session-ended";

    @Inject
    SessionCookies cookies;

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        Cookie cookie = context.request().getCookie(SessionService.COOKIE_NAME);
        if (cookie == null || cookie.getValue().isBlank()) {
            return Uni.createFrom().nullItem();
        }
        AuthenticationRequest request = HttpSecurityUtils.setRoutingContextAttribute(
                new SessionTokenRequest(cookie.getValue()), context);
        return identityProviderManager.authenticate(request)
                // not "anonymous": a signed-in person would be sent to sign in again; the request answers 503 instead
                .onFailure(failure -> !DatabaseUnavailable.causes(failure)).recoverWithItem(failure -> {
                    if (failure instanceof AuthenticationFailedException) {
                        context.put(SESSION_ENDED, Boolean.TRUE);
                    } else {
                        LOG.logf(RequestLogs.level(context.normalizedPath(), Logger.Level.WARN),
                                "session could not be checked, treating the request as anonymous: %s", failure.toString());
                    }
                    return null;
                });
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        String path = context.request().path();
        if (path.startsWith("/api/")) {
            return Uni.createFrom().item(new ChallengeData(401, null, null));
        }
        StringBuilder location = new StringBuilder("/sign-in");
        String next = context.request().uri();
        boolean ended = Boolean.TRUE.equals(context.get(SESSION_ENDED));
        if ("GET".equals(context.request().method().name()) && SafeRedirect.isLocalPath(next)) {
            location.append("?next=").append(URLEncoder.encode(next, StandardCharsets.UTF_8));
            if (ended) {
                location.append("&ended=true");
            }
        } else if (ended) {
            location.append("?ended=true");
        }
        if (ended) {
            context.response().addCookie(cookies.expired());
        }
        return Uni.createFrom().item(new ChallengeData(302, HttpHeaderNames.LOCATION, location.toString()));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(SessionTokenRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.COOKIE,
                SessionService.COOKIE_NAME));
    }
}
