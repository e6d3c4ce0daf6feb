package org.s11portal.useradmin;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.s11portal.account.Roles;
import org.s11portal.account.User;
import org.s11portal.audit.AdminChange;
import org.s11portal.common.config.PortalClock;
import org.s11portal.support.WebSession;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;

/**
 * The first HIPS admin on an empty database (a start of its own, with S11_BOOTSTRAP_ADMIN_EMAIL set): the link logged
 * at start works once, a new start before it is used replaces it, and once an admin has a password nothing is made.
 */
@QuarkusTest
@TestProfile(FirstAdminBootstrapTest.EmptyDatabaseWithBootstrapEmail.class)
class FirstAdminBootstrapTest {

    static final String EMAIL = "first.admin@hips.example";
    static final Path LOG = Path.of("target", "first-admin-bootstrap-" + ProcessHandle.current().pid() + ".log");
    static final Pattern LINK = Pattern.compile("WARN .*First HIPS admin: open (\\S+/invitations/(\\S+)) within 7 days");

    /** Its own start and so its own, empty database; the log also goes to a file the test reads. */
    public static class EmptyDatabaseWithBootstrapEmail implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                Files.deleteIfExists(LOG);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Map.of("portal.bootstrap.admin-email", " First.Admin@HIPS.example ",
                    "quarkus.log.file.enabled", "true",
                    "quarkus.log.file.path", LOG.toString());
        }
    }

    @Inject
    PortalClock clock;

    @Inject
    FirstAdminBootstrap bootstrap;

    static List<String> loggedLinks() {
        try {
            String log = Files.readString(LOG, StandardCharsets.UTF_8);
            Matcher m = LINK.matcher(log);
            List<String> links = new java.util.ArrayList<>();
            while (m.find()) {
                links.add(m.group(1));
            }
            return links;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String path(String link) {
        return link.substring(link.indexOf("/invitations/"));
    }

    static long count(String entity) {
        return QuarkusTransaction.requiringNew().call(() -> switch (entity) {
            case "users" -> User.count();
            case "tokens" -> OneTimeToken.count();
            default -> AdminChange.count();
        });
    }

    @Test
    void theLoggedLinkMakesTheFirstAdminOnceAndThenTheSettingIsIgnored() throws IOException {
        List<String> atStart = loggedLinks();
        assertEquals(1, atStart.size(), "one link logged at start");
        User admin = UserLinks.user(EMAIL);
        assertEquals(Roles.PARTNERSHIP_ADMIN, admin.role);
        assertNull(admin.partnership, "a HIPS admin");
        assertNull(admin.passwordHash, "no default password");
        assertEquals(1, count("users"));
        AdminChange logged = UserLinks.logged(admin.id).get(0);
        assertEquals("system", logged.actorName);
        assertTrue(!logged.afterJson.contains(atStart.get(0).substring(atStart.get(0).lastIndexOf('/') + 1)));

        // a restart before the link is used: a new link, the old one stops working, still one user
        Optional<String> again = bootstrap.run(EMAIL);
        assertTrue(again.isPresent());
        assertEquals(2, loggedLinks().size());
        assertEquals(again.get(), loggedLinks().get(1));
        assertEquals(1, count("users"));
        WebSession.anonymous().get(path(atStart.get(0))).then().statusCode(404);

        String link = path(again.get());
        WebSession.anonymous().get(link).then().statusCode(200).body(containsString("Set your password"));
        assertEquals(303, UserLinks.setPassword(link, AccountLinksTest.NEW_PASSWORD).statusCode());
        assertEquals(404, UserLinks.setPassword(link, "someone-else-password-1").statusCode(), "once only");
        // an admin must set up two-step sign-in before any session opens: the first admin too
        WebSession signedIn = WebSession.anonymous();
        var password = signedIn.signIn(EMAIL, AccountLinksTest.NEW_PASSWORD);
        assertEquals(303, password.statusCode());
        assertTrue(password.header("Location").startsWith("/sign-in/two-step/set-up"), password.header("Location"));
        signedIn.get("/admin/users").then().statusCode(302); // to sign-in: no session yet
        UserLinks.setUpTwoStep(signedIn, clock.now());
        signedIn.get("/admin/users").then().statusCode(200).body(containsString(EMAIL));

        // an admin has a password: the setting is ignored, nothing is made
        long users = count("users");
        long tokens = count("tokens");
        long changes = count("changes");
        assertTrue(bootstrap.run(EMAIL).isEmpty());
        assertTrue(bootstrap.run("someone.else@hips.example").isEmpty());
        assertEquals(users, count("users"));
        assertEquals(tokens, count("tokens"));
        assertEquals(changes, count("changes"));
        assertEquals(2, loggedLinks().size());
        assertTrue(Files.readString(LOG, StandardCharsets.UTF_8).contains("S11_BOOTSTRAP_ADMIN_EMAIL is set but ignored"));
    }
}
