package org.s11portal.common.config;

import java.util.ArrayList;
import java.util.List;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * The prod profile fails closed. A setting with no safe default has none in prod ({@code ${S11_X}} in
 * application.properties), so a missing one stops the start while the configuration is read, before the database is
 * touched, in one "Configuration validation failed" list naming each variable. This check then refuses the values that
 * are present but unsafe: a key still the published development one or too short, the database's root account.
 * <p>
 * No session or CSRF key exists to be shared: sessions are random tokens kept hashed in the database, and the CSRF
 * token is bound to the session there, so any instance can check either.
 */
@ApplicationScoped
public class ProductionSettings {

    static final int MIN_KEY_LENGTH = 32;
    static final String DEV_KEY_PREFIX = "dev-only";

    /** The values this check reads, by the environment variable that sets each. */
    public record Values(String databaseUser, String surveyNonceKey, String twoStepKey) {
    }

    @Inject
    PortalConfig config;

    void checkAtStart(@Observes @Priority(1) StartupEvent event) {
        if (ConfigUtils.isProfileActive("prod")) {
            requireSafe(new Values(config.database().user(), config.survey().nonceKey(), config.twoStep().key()));
        }
    }

    /** Throws with every problem at once, so an operator fixes them in one go. */
    public static void requireSafe(Values values) {
        List<String> problems = problems(values);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("S11 Portal will not start in production with unsafe settings:\n  - "
                    + String.join("\n  - ", problems) + "\ndocs/deployment.md lists every setting.");
        }
    }

    static List<String> problems(Values values) {
        List<String> problems = new ArrayList<>();
        if (values.databaseUser() == null || values.databaseUser().isBlank() || values.databaseUser().equals("root")) {
            problems.add("S11_DB_USER: the portal's own database account, not root");
        }
        key("S11_SURVEY_NONCE_KEY", "signs the staff survey's one-time form nonces", values.surveyNonceKey(), problems);
        key("S11_TWO_STEP_KEY", "encrypts authenticator secrets at rest", values.twoStepKey(), problems);
        return problems;
    }

    private static void key(String variable, String purpose, String value, List<String> problems) {
        if (value == null || value.isBlank() || value.startsWith(DEV_KEY_PREFIX)) {
            problems.add(variable + " (" + purpose + ") is the development key: set " + MIN_KEY_LENGTH
                    + " or more random characters, the same on every instance");
        } else if (value.length() < MIN_KEY_LENGTH) {
            problems.add(variable + " (" + purpose + ") is shorter than " + MIN_KEY_LENGTH + " characters");
        }
    }
}
