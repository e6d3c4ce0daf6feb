package org.s11portal.account;


import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Turns a session token into the signed-in user's identity, reading the session row off the event loop. The
 * identity carries the user's id, name and role as read with the session, so the layout needs no user entity.
 */
@ApplicationScoped
class SessionIdentityProvider implements IdentityProvider<SessionTokenRequest> {

    static final String USER_ID = "s11.user-id";
    static final String IDLE_EXPIRES_AT = "s11.idle-expires-at";
    static final String CSRF_TOKEN_HASH = "s11.csrf-token-hash";
    static final String DISPLAY_NAME = "s11.display-name";
    static final String ROLE = "s11.role";
    static final String LEAD_AGENCY = "s11.lead-agency";

    @Inject
    SessionService sessions;

    @Override
    public Class<SessionTokenRequest> getRequestType() {
        return SessionTokenRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(SessionTokenRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> sessions.resolve(request.token)
                .map(session -> (SecurityIdentity) QuarkusSecurityIdentity.builder()
                        .setPrincipal(new QuarkusPrincipal(session.email()))
                        .addRole(session.role())
                        .addAttribute(USER_ID, session.userId())
                        .addAttribute(IDLE_EXPIRES_AT, session.idleExpiresAt())
                        .addAttribute(CSRF_TOKEN_HASH, session.csrfTokenHash())
                        .addAttribute(DISPLAY_NAME, session.displayName())
                        .addAttribute(ROLE, session.role())
                        .addAttribute(LEAD_AGENCY, session.leadAgency())
                        .build())
                .orElseThrow(AuthenticationFailedException::new));
    }
}
