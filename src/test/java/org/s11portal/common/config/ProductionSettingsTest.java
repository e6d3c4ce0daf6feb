package org.s11portal.common.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.common.MapBackedConfigSource;

/**
 * The production check against application.properties as each profile reads it, with made-up environments. The real
 * start it stops is tested by ProductionStartTest.
 */
class ProductionSettingsTest {

    /** Everything production needs, as an operator would set it. */
    static final Map<String, String> COMPLETE = Map.of(
            "S11_DB_USER", "s11portal",
            "S11_DB_PASSWORD", "a-database-password",
            "S11_SURVEY_NONCE_KEY", "q9Jw2Xc7LmN4pR8sT1vY6zB3dF5gH0kA",
            "S11_TWO_STEP_KEY", "Zk3vN8qR1tW6yB0dF4hJ7mP2sU5xA9cE",
            "S11_PUBLIC_URL", "https://s11portal.example.org",
            "S11_SMTP_HOST", "smtp.example.org",
            "S11_MAIL_FROM", "S11 Portal <s11@partnership.example>");

    @Test
    void productionWithNothingSetNamesEverySettingAndWhatItIsFor() {
        List<String> problems = problems("prod", Map.of());

        assertEquals(7, problems.size(), problems.toString());
        assertProblem(problems, "S11_DB_USER is not set: the MariaDB user");
        assertProblem(problems, "S11_DB_PASSWORD is not set");
        assertProblem(problems, "S11_SURVEY_NONCE_KEY is not set: it signs the staff survey's one-time form nonces, and"
                + " production cannot use the development key");
        assertProblem(problems, "S11_TWO_STEP_KEY is not set: it encrypts the two-step sign-in secrets");
        assertProblem(problems, "S11_PUBLIC_URL is not set");
        assertProblem(problems, "S11_SMTP_HOST is not set");
        assertProblem(problems, "S11_MAIL_FROM is not set");

        String message = ProductionSettings.message(problems);
        assertTrue(message.startsWith("The portal cannot start in the prod profile: 7 settings are missing or unsafe"), message);
        problems.forEach(problem -> assertTrue(message.contains("\n  - " + problem), message));
    }

    @Test
    void aCompleteProductionConfigurationStarts() {
        assertEquals(List.of(), problems("prod", COMPLETE));
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "test", "cluster" })
    void otherProfilesKeepTheirDevelopmentDefaults(String profile) {
        assertEquals(List.of(), problems(profile, Map.of()));
    }

    @Test
    void shortKeysRootAPlainHttpAddressAndInsecureCookiesAreRefused() {
        Map<String, String> environment = new HashMap<>(COMPLETE);
        environment.put("S11_DB_USER", "root");
        environment.put("S11_SURVEY_NONCE_KEY", "short-but-secret");
        environment.put("S11_TWO_STEP_KEY", "0123456789abcdef0123456789abcde"); // 31 characters
        environment.put("S11_PUBLIC_URL", "http://s11portal.example.org");
        environment.put("S11_SECURE_COOKIES", "false");

        List<String> problems = problems("prod", environment);

        assertEquals(5, problems.size(), problems.toString());
        assertProblem(problems, "S11_DB_USER is root");
        assertProblem(problems, "S11_SURVEY_NONCE_KEY is too short (16 characters)");
        assertProblem(problems, "S11_TWO_STEP_KEY is too short (31 characters)");
        assertProblem(problems, "S11_PUBLIC_URL is not an https:// address");
        assertProblem(problems, "S11_SECURE_COOKIES is false");
    }

    @Test
    void aKeyOfExactlyThirtyTwoCharactersPassesAndAnotherDevOnlyKeyDoesNot() {
        Map<String, String> environment = new HashMap<>(COMPLETE);
        environment.put("S11_TWO_STEP_KEY", "0123456789abcdef0123456789abcdef");
        environment.put("S11_SURVEY_NONCE_KEY", "dev-only-but-long-enough-to-pass-the-length-rule");

        List<String> problems = problems("prod", environment);

        assertEquals(1, problems.size(), problems.toString());
        assertProblem(problems, "S11_SURVEY_NONCE_KEY is not set");
    }

    @Test
    void anEmptyDatabasePasswordOrUserCountsAsMissing() {
        Map<String, String> environment = new HashMap<>(COMPLETE);
        environment.put("S11_DB_USER", " ");
        environment.put("S11_DB_PASSWORD", "");

        List<String> problems = problems("prod", environment);

        assertEquals(2, problems.size(), problems.toString());
        assertProblem(problems, "S11_DB_USER is not set");
        assertProblem(problems, "S11_DB_PASSWORD is not set");
    }

    @Test
    void productionHasNoDefaultDatabaseUserButDevelopmentKeepsRoot() {
        assertTrue(config("prod", Map.of()).getOptionalValue("quarkus.datasource.username", String.class).isEmpty());
        assertEquals("s11portal", config("prod", COMPLETE).getValue("quarkus.datasource.username", String.class));
        assertEquals("root", config("dev", Map.of()).getValue("quarkus.datasource.username", String.class));
    }

    private static void assertProblem(List<String> problems, String start) {
        assertTrue(problems.stream().anyMatch(problem -> problem.startsWith(start)), "no \"" + start + "\" in " + problems);
    }

    static List<String> problems(String profile, Map<String, String> environment) {
        return ProductionSettings.problems(config(profile, environment).getConfigMapping(ProductionSettings.class));
    }

    /** application.properties as the given profile reads it, with these environment variables. */
    static io.smallrye.config.SmallRyeConfig config(String profile, Map<String, String> environment) {
        try {
            return new SmallRyeConfigBuilder()
                    .withProfile(profile)
                    .withMapping(ProductionSettings.class)
                    .withSources(new PropertiesConfigSource(ProductionSettingsTest.class.getResource("/application.properties"), 100))
                    .withSources(new MapBackedConfigSource("environment", environment, 300) {
                    })
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
