package org.s11portal.account;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.s11portal.common.config.ProductionSettings;

/**
 * The two-step defaults in application.properties: a development key the production check recognises (its refusal is
 * tested by common/config/ProductionSettingsTest), and moderators and admins required to use two-step sign-in.
 */
class TwoStepKeyTest {

    @Test
    void theDevKeyIsOneProductionRefusesAndTheRequiredRolesAreModeratorsAndAdmins() throws Exception {
        try (var in = TwoStepKeyTest.class.getResourceAsStream("/application.properties")) {
            String properties = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(properties.contains("${S11_TWO_STEP_KEY:" + ProductionSettings.DEV_KEY_PREFIX + "-"));
            assertTrue(properties.contains("${S11_TWO_STEP_REQUIRED_ROLES:MODERATOR,PARTNERSHIP_ADMIN}"));
        }
    }
}
