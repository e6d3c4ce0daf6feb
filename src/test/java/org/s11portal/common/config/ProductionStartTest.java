package org.s11portal.common.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.Launch;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainTest;

/**
 * The real portal, started in the prod profile with none of the settings production needs: it stops (exit code 1)
 * before touching the database, with one message naming each missing setting.
 */
@QuarkusMainTest
@TestProfile(ProductionStartTest.ProductionWithoutSettings.class)
class ProductionStartTest {

    /**
     * The prod profile on a machine where none of the portal's variables is set. `make test` sets only the database
     * ones (deploy/scripts/db.sh: root, empty password), which are blanked here; a blank in place of an unset variable
     * would also blank the non-prod defaults it stands in for, which is not what an operator who forgot it sees.
     */
    public static class ProductionWithoutSettings implements QuarkusTestProfile {

        @Override
        public String getConfigProfile() {
            return "prod";
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("S11_DB_USER", "", "S11_DB_PASSWORD", "");
        }
    }

    @Test
    @Launch(value = {}, exitCode = 1)
    void theStartIsRefusedWithOneMessageNamingEveryMissingSetting(LaunchResult result) {
        String output = result.getOutput() + "\n" + result.getErrorOutput();
        assertTrue(output.contains("The portal cannot start in the prod profile: 7 settings are missing or unsafe"), output);
        for (String expected : new String[] { "S11_DB_USER is not set", "S11_DB_PASSWORD is not set",
                "S11_SURVEY_NONCE_KEY is not set", "S11_TWO_STEP_KEY is not set", "S11_PUBLIC_URL is not set",
                "S11_SMTP_HOST is not set", "S11_MAIL_FROM is not set" }) {
            assertTrue(output.contains("  - " + expected), expected + " missing from:\n" + output);
        }
        assertFalse(output.contains("SRCFG"), "another configuration error came with it:\n" + output);
        assertFalse(output.toLowerCase().contains("liquibase"), "the database was reached first:\n" + output);
    }
}
