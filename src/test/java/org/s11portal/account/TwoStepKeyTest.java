package org.s11portal.account;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The portal refuses to start in production with the published development two-step key. */
class TwoStepKeyTest {

    private static final String GOOD = "q9Jw2Xc7LmN4pR8sT1vY6zB3dF5gH0kA";

    @Test
    void productionRefusesTheDevKeyAMissingKeyAndAShortOne() {
        IllegalStateException dev = assertThrows(IllegalStateException.class,
                () -> TwoStepSecrets.requireProductionKey(TwoStepSecrets.DEV_KEY, true));
        assertTrue(dev.getMessage().contains("S11_TWO_STEP_KEY"), dev.getMessage());
        assertThrows(IllegalStateException.class, () -> TwoStepSecrets.requireProductionKey("", true));
        assertThrows(IllegalStateException.class, () -> TwoStepSecrets.requireProductionKey(null, true));
        assertThrows(IllegalStateException.class, () -> TwoStepSecrets.requireProductionKey("short-but-secret", true));
    }

    @Test
    void productionAcceptsALongSecretKeyAndOtherProfilesTheDevKey() {
        assertDoesNotThrow(() -> TwoStepSecrets.requireProductionKey(GOOD, true));
        assertDoesNotThrow(() -> TwoStepSecrets.requireProductionKey(TwoStepSecrets.DEV_KEY, false));
    }

    @Test
    void theDevKeyIsTheOneApplicationPropertiesFallsBackTo() throws Exception {
        try (var in = TwoStepKeyTest.class.getResourceAsStream("/application.properties")) {
            String properties = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(properties.contains("${S11_TWO_STEP_KEY:" + TwoStepSecrets.DEV_KEY + "}"));
            assertTrue(properties.contains("${S11_TWO_STEP_REQUIRED_ROLES:MODERATOR,PARTNERSHIP_ADMIN}"));
        }
    }
}
