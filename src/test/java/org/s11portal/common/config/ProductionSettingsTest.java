package org.s11portal.common.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
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

    @ParameterizedTest
    @ValueSource(strings = { "dev", "test", "cluster" })
    void otherProfilesKeepTheirDevelopmentDefaults(String profile) {
        assertEquals(List.of(), problems(profile, Map.of()));
    }

    /**
     * The complete environment with a few variables changed, and the start of each problem it must give (no more):
     * none for the complete one.
     */
    static Stream<Arguments> changedEnvironments() {
        return Stream.of(
                changed("a complete production configuration starts", Map.of()),
                changed("short keys, root, a plain http address and insecure cookies are refused",
                        Map.of("S11_DB_USER", "root",
                                "S11_SURVEY_NONCE_KEY", "short-but-secret",
                                "S11_TWO_STEP_KEY", "0123456789abcdef0123456789abcde", // 31 characters
                                "S11_PUBLIC_URL", "http://s11portal.example.org",
                                "S11_SECURE_COOKIES", "false"),
                        "S11_DB_USER is root",
                        "S11_SURVEY_NONCE_KEY is too short (16 characters)",
                        "S11_TWO_STEP_KEY is too short (31 characters)",
                        "S11_PUBLIC_URL is not an https:// address",
                        "S11_SECURE_COOKIES is false"),
                changed("a key of exactly 32 characters passes and another dev-only key does not",
                        Map.of("S11_TWO_STEP_KEY", "0123456789abcdef0123456789abcdef",
                                "S11_SURVEY_NONCE_KEY", "dev-only-but-long-enough-to-pass-the-length-rule"),
                        "S11_SURVEY_NONCE_KEY is not set"),
                changed("an empty database password or user counts as missing",
                        Map.of("S11_DB_USER", " ", "S11_DB_PASSWORD", ""),
                        "S11_DB_USER is not set",
                        "S11_DB_PASSWORD is not set"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changedEnvironments")
    void theCompleteEnvironmentWithSomeVariablesChanged(Map<String, String> changes, List<String> expected) {
        Map<String, String> environment = new HashMap<>(COMPLETE);
        environment.putAll(changes);

        List<String> problems = problems("prod", environment);

        assertEquals(expected.size(), problems.size(), problems.toString());
        expected.forEach(start -> assertProblem(problems, start));
    }

    private static Arguments changed(String name, Map<String, String> changes, String... problemStarts) {
        return Arguments.of(Named.of(name, changes), List.of(problemStarts));
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
