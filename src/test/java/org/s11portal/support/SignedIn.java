package org.s11portal.support;

import java.util.function.Supplier;

import org.s11portal.account.User;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InjectableContext;
import io.quarkus.arc.ManagedContext;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Calls a service on the test's own thread as if a request of this user were being answered: a request context with
 * the identity the session would give (role and user id). For services whose work is not one HTTP request's worth
 * to set up, such as a bench giving a batch a thread count. HTTP tests sign in through {@link WebSession} instead.
 */
@ApplicationScoped
public class SignedIn {

    /** The identity attribute SessionIdentityProvider sets (package-private there). */
    static final String USER_ID = "s11.user-id";

    @Inject
    CurrentIdentityAssociation identities;

    public <T> T as(User user, Supplier<T> work) {
        ManagedContext requests = Arc.container().requestContext();
        // a request of its own, as HTTP gives: a test method's request context (and its CurrentUser) is set aside
        InjectableContext.ContextState outer = requests.isActive() ? requests.getState() : null;
        if (outer != null) {
            requests.deactivate();
        }
        requests.activate();
        try {
            identities.setIdentity(QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(user.email))
                    .addRole(user.role).addAttribute(USER_ID, user.id).build());
            return work.get();
        } finally {
            requests.terminate();
            if (outer != null) {
                requests.activate(outer);
            }
        }
    }
}
