package org.s11portal.account;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.s11portal.support.Fixtures;
import org.s11portal.support.WebSession;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * An invited account has no password yet (a null hash): signing in fails like a wrong password. quarkus-security-jpa
 * itself refuses a null MCF hash with an IllegalArgumentException rather than a failed authentication, so
 * SignInService never hands it such an account.
 */
@QuarkusTest
class NoPasswordSignInTest {

    @Inject
    SignInService signIn;

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
            assertEquals(SignInService.Outcome.REJECTED, signIn.signIn(email, password, "127.0.0.9").outcome());
            assertEquals(400, WebSession.anonymous().signIn(email, password).statusCode());
        }
    }
}
