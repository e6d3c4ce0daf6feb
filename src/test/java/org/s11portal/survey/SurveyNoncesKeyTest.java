package org.s11portal.survey;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The portal refuses to start in production with the published development nonce key. */
class SurveyNoncesKeyTest {

    private static final String GOOD = "q9Jw2Xc7LmN4pR8sT1vY6zB3dF5gH0kA";

    @Test
    void productionRefusesTheDevKeyAMissingKeyAndAShortOne() {
        IllegalStateException dev = assertThrows(IllegalStateException.class,
                () -> SurveyNonces.requireProductionKey(SurveyNonces.DEV_KEY, true));
        assertTrue(dev.getMessage().contains("S11_SURVEY_NONCE_KEY"), dev.getMessage());
        assertThrows(IllegalStateException.class, () -> SurveyNonces.requireProductionKey("", true));
        assertThrows(IllegalStateException.class, () -> SurveyNonces.requireProductionKey(null, true));
        assertThrows(IllegalStateException.class, () -> SurveyNonces.requireProductionKey("short-but-secret", true));
    }

    @Test
    void productionAcceptsALongSecretKeyAndOtherProfilesTheDevKey() {
        assertDoesNotThrow(() -> SurveyNonces.requireProductionKey(GOOD, true));
        assertDoesNotThrow(() -> SurveyNonces.requireProductionKey(SurveyNonces.DEV_KEY, false));
    }

    @Test
    void theDevKeyIsTheOneApplicationPropertiesFallsBackTo() throws Exception {
        try (var in = SurveyNoncesKeyTest.class.getResourceAsStream("/application.properties")) {
            String properties = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(properties.contains("${S11_SURVEY_NONCE_KEY:" + SurveyNonces.DEV_KEY + "}"));
        }
    }
}
