package org.s11portal.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.s11portal.support.Fixtures;
import org.s11portal.support.WebSession;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.credential.PasswordCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** An invited account has no password yet (a null hash): signing in fails, in the form and in security-jpa itself. */
@QuarkusTest
class NoPasswordSignInTest {

    @Inject
    IdentityProviderManager identityProviderManager;

    @Test
    void anAccountWithoutAPasswordCannotSignIn() {
        String email = Fixtures.unique("invited").replace(" ", "-") + "@example.org";
        QuarkusTransaction.requiringNew().run(() -> {
            User user = new User();
            user.email = email;
            user.displayName = "Not Yet Accepted";
            user.role = Roles.MODERATOR;
            user.persist();
        });

        for (String password : new String[] { "", "null", Fixtures.PASSWORD }) {
            assertThrows(AuthenticationFailedException.class, () -> identityProviderManager.authenticateBlocking(
                    new UsernamePasswordAuthenticationRequest(email, new PasswordCredential(password.toCharArray()))));
            assertEquals(400, WebSession.anonymous().signIn(email, password).statusCode());
        }
    }
}
