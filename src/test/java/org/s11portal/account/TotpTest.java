package org.s11portal.account;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

/** The codes are those of RFC 6238 (what every authenticator app shows), checked within one step either side, once. */
class TotpTest {

    /** RFC 6238 appendix B's SHA-1 key. */
    private static final byte[] RFC_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private static final long NOW = Totp.step(Instant.parse("2026-11-27T12:00:10Z"));

    @Test
    void codesAreTheRfcsTestVectors() {
        // RFC 6238 gives 8 digits (94287082, 07081804, 14050471, 89005924); an app shows their last 6
        assertEquals("287082", Totp.code(RFC_KEY, Totp.step(Instant.ofEpochSecond(59))));
        assertEquals("081804", Totp.code(RFC_KEY, Totp.step(Instant.ofEpochSecond(1111111109))));
        assertEquals("050471", Totp.code(RFC_KEY, Totp.step(Instant.ofEpochSecond(1111111111))));
        assertEquals("005924", Totp.code(RFC_KEY, Totp.step(Instant.ofEpochSecond(1234567890))));
    }

    @Test
    void theRightCodeMatchesItsStep() {
        assertEquals(OptionalLong.of(NOW), Totp.matchingStep(RFC_KEY, Totp.code(RFC_KEY, NOW), NOW, null));
    }

    @Test
    void oneStepEitherSideIsAcceptedForClockDrift() {
        assertEquals(OptionalLong.of(NOW - 1), Totp.matchingStep(RFC_KEY, Totp.code(RFC_KEY, NOW - 1), NOW, null));
        assertEquals(OptionalLong.of(NOW + 1), Totp.matchingStep(RFC_KEY, Totp.code(RFC_KEY, NOW + 1), NOW, null));
    }

    @Test
    void codesOutsideTheWindowAreRefused() {
        assertTrue(Totp.matchingStep(RFC_KEY, Totp.code(RFC_KEY, NOW - 2), NOW, null).isEmpty());
        assertTrue(Totp.matchingStep(RFC_KEY, Totp.code(RFC_KEY, NOW + 2), NOW, null).isEmpty());
        assertTrue(Totp.matchingStep(RFC_KEY, "000000".equals(Totp.code(RFC_KEY, NOW)) ? "111111" : "000000", NOW, null)
                .isEmpty());
    }

    @Test
    void aCodeIsNeverAcceptedTwice() {
        String code = Totp.code(RFC_KEY, NOW);
        assertTrue(Totp.matchingStep(RFC_KEY, code, NOW, NOW).isEmpty(), "the same step again");
        assertTrue(Totp.matchingStep(RFC_KEY, Totp.code(RFC_KEY, NOW - 1), NOW, NOW).isEmpty(), "an older step");
        assertEquals(OptionalLong.of(NOW + 1), Totp.matchingStep(RFC_KEY, Totp.code(RFC_KEY, NOW + 1), NOW, NOW),
                "the next step's code still works");
    }

    @Test
    void base32IsRfc4648() {
        assertEquals("MZXW6YTBOI", Totp.base32("foobar".getBytes(StandardCharsets.US_ASCII)));
        assertArrayEquals("foobar".getBytes(StandardCharsets.US_ASCII), Totp.fromBase32("mzxw 6ytb oi"));
        assertEquals("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", Totp.base32(RFC_KEY));
    }

    @Test
    void theUriIsWhatAppsRead() {
        assertEquals("otpauth://totp/S11%20Portal:a%40b.example?secret=MZXW6YTBOI&issuer=S11%20Portal&algorithm=SHA1"
                + "&digits=6&period=30", Totp.uri("S11 Portal", "a@b.example", "foobar".getBytes(StandardCharsets.US_ASCII)));
    }
}
