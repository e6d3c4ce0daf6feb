package org.s11portal.common.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.common.MapBackedConfigSource;

/** Survey links, QR codes and posters use the address the portal really answers on. */
public class PublicUrlConfigTest {

    @Test
    void withoutAPublicUrlTheAddressFollowsThePortServed() {
        assertEquals("http://localhost:9090", config("dev", Map.of("PORT", "9090")).getValue("portal.public-url", String.class));
        assertEquals("http://localhost:8080", config("dev", Map.of()).getValue("portal.public-url", String.class));
    }

    @Test
    void aConfiguredPublicUrlWins() {
        assertEquals("https://s11.example.org",
                config("dev", Map.of("PORT", "9090", "S11_PUBLIC_URL", "https://s11.example.org"))
                        .getValue("portal.public-url", String.class));
    }

    @Test
    void productionMustSayItsPublicUrl() {
        assertTrue(ProductionSettingsTest.problems("prod", Map.of()).stream()
                .anyMatch(problem -> problem.startsWith("S11_PUBLIC_URL is not set")));
        assertEquals("https://s11.example.org",
                config("prod", Map.of("S11_PUBLIC_URL", "https://s11.example.org")).getValue("portal.public-url", String.class));
    }

    /** application.properties as the given profile reads it, with these environment variables. */
    public static SmallRyeConfig config(String profile, Map<String, String> environment) {
        try {
            return new SmallRyeConfigBuilder()
                    .withProfile(profile)
                    .withSources(new PropertiesConfigSource(PublicUrlConfigTest.class.getResource("/application.properties"), 100))
                    .withSources(new MapBackedConfigSource("environment", environment, 300) {
                    })
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
