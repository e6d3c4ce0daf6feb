package org.s11portal.common.config;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Production refuses development keys, short keys and the root account, naming every problem at once. */
class ProductionSettingsTest {

    private static final String GOOD = "q9Jw2Xc7LmN4pR8sT1vY6zB3dF5gH0kA";
    private static final String DEV_SURVEY_KEY = "dev-only-survey-nonce-key-change-me-in-production";
    private static final String DEV_TWO_STEP_KEY = "dev-only-two-step-key-change-me-in-production";

    @Test
    void everyUnsafeValueIsNamedInOneMessage() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ProductionSettings.requireSafe(new ProductionSettings.Values("root", DEV_SURVEY_KEY, "short-but-secret")));
        assertTrue(e.getMessage().contains("S11_DB_USER"), e.getMessage());
        assertTrue(e.getMessage().contains("S11_SURVEY_NONCE_KEY"), e.getMessage());
        assertTrue(e.getMessage().contains("S11_TWO_STEP_KEY (encrypts authenticator secrets at rest) is shorter than 32"),
                e.getMessage());
    }

    @Test
    void missingAndDevelopmentKeysAreRefused() {
        assertEquals(List.of("S11_DB_USER", "S11_SURVEY_NONCE_KEY", "S11_TWO_STEP_KEY"),
                variables(new ProductionSettings.Values("", null, DEV_TWO_STEP_KEY)));
        assertEquals(List.of("S11_TWO_STEP_KEY"), variables(new ProductionSettings.Values("s11portal", GOOD, " ")));
    }

    @Test
    void aCompleteProductionSetUpPasses() {
        assertDoesNotThrow(() -> ProductionSettings.requireSafe(new ProductionSettings.Values("s11portal", GOOD, GOOD + "x")));
    }

    @Test
    void productionHasNoDefaultForASecretOrTheAccountAndTheDevKeysAreTheOnesChecked() throws Exception {
        String properties;
        try (InputStream in = ProductionSettingsTest.class.getResourceAsStream("/application.properties")) {
            properties = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (String line : List.of("%prod.portal.database.user=${S11_DB_USER}", "%prod.quarkus.datasource.password=${S11_DB_PASSWORD}",
                "%prod.portal.survey.nonce-key=${S11_SURVEY_NONCE_KEY}", "%prod.portal.two-step.key=${S11_TWO_STEP_KEY}",
                "%prod.portal.public-url=${S11_PUBLIC_URL}")) {
            assertTrue(properties.contains(line + "\n"), line);
        }
        assertTrue(properties.contains("${S11_SURVEY_NONCE_KEY:" + DEV_SURVEY_KEY + "}"));
        assertTrue(properties.contains("${S11_TWO_STEP_KEY:" + DEV_TWO_STEP_KEY + "}"));
        assertTrue(DEV_SURVEY_KEY.startsWith(ProductionSettings.DEV_KEY_PREFIX));
    }

    private static List<String> variables(ProductionSettings.Values values) {
        return ProductionSettings.problems(values).stream().map(p -> p.replaceFirst("^(S11_[A-Z_]+).*", "$1")).toList();
    }
}
