package org.s11portal.common.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SafeRedirectTest {

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = { "/a b", "/<x>", "/%ZZ", "/{x}", "/a|b", "//evil.example", "https://evil.example",
            "/\\evil.example", "\\\\evil.example", "/\tevil", "/\nLocation: x", "evil.example", "javascript:alert(1)",
            "/sign-in?next=/home", "/sign-in" })
    void anythingButOneOfOurPathsMeansHome(String target) {
        assertEquals(URI.create("/home"), SafeRedirect.orHome(target));
    }

    @ParameterizedTest
    @ValueSource(strings = { "/home", "/assessments/12/standards/3?tab=evidence#impact", "/survey/demo-island-youth-trust",
            "/a%20b", "/caf%C3%A9" })
    void ourOwnPathsAreFollowed(String target) {
        assertEquals(URI.create(target), SafeRedirect.orHome(target));
    }

    @Test
    void aPathTooLongForAnyPageOfOursMeansHome() {
        assertEquals(URI.create("/home"), SafeRedirect.orHome("/" + "a".repeat(600)));
    }
}
