package org.s11portal.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.s11portal.common.config.PublicUrlConfigTest.config;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smallrye.config.SmallRyeConfig;

/** Production sends through the SMTP server it is given; make run sends nothing; tests send to GreenMail. */
class MailConfigTest {

    static final Map<String, String> SMTP = Map.of("S11_SMTP_HOST", "smtp.example.org", "S11_SMTP_PORT", "2525",
            "S11_SMTP_USERNAME", "portal", "S11_SMTP_PASSWORD", "secret", "S11_SMTP_START_TLS", "OPTIONAL",
            "S11_MAIL_FROM", "S11 Portal <s11@example.org>");

    @Test
    void productionMustSayWhichServerAndSenderAndSendsForReal() {
        // unset, the production check (ProductionSettings) refuses to start: it reads the variables themselves
        SmallRyeConfig bare = config("prod", Map.of());
        assertTrue(bare.getOptionalValue("portal.production-settings.smtp-host", String.class).isEmpty());
        assertTrue(bare.getOptionalValue("portal.production-settings.mail-from", String.class).isEmpty());
        SmallRyeConfig prod = config("prod", SMTP);
        assertEquals(List.of("smtp.example.org", "2525", "portal", "secret", "OPTIONAL", "S11 Portal <s11@example.org>", "false"),
                List.of("host", "port", "username", "password", "start-tls", "from", "mock").stream()
                        .map(key -> prod.getValue("quarkus.mailer." + key, String.class)).toList());
        assertEquals("REQUIRED", config("prod", Map.of("S11_SMTP_HOST", "h", "S11_MAIL_FROM", "f"))
                .getValue("quarkus.mailer.start-tls", String.class), "TLS unless told otherwise");
    }

    @Test
    void makeRunSendsNothingAndTestsSendToGreenMail() {
        assertEquals("true", config("dev", SMTP).getValue("quarkus.mailer.mock", String.class));
        SmallRyeConfig test = config("test", Map.of());
        assertEquals(List.of("false", "127.0.0.1", String.valueOf(MailServer.PORT), "off"),
                List.of(test.getValue("quarkus.mailer.mock", String.class), test.getValue("quarkus.mailer.host", String.class),
                        test.getValue("quarkus.mailer.port", String.class), test.getValue("portal.mail.send-every", String.class)));
    }
}
