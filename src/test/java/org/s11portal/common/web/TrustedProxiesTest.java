package org.s11portal.common.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which address a request counts as, behind zero, one or two trusted proxies. */
class TrustedProxiesTest {

    private static final TrustedProxies BALANCERS = TrustedProxies.of(List.of("10.0.0.0/8", " 192.0.2.7 ", "2001:db8:1::/48"));

    @Test
    void withoutTrustedProxiesTheHeaderIsNeverRead() {
        TrustedProxies none = TrustedProxies.of(List.of());
        assertTrue(none.isEmpty());
        assertEquals("10.0.0.5", none.clientAddress("10.0.0.5", List.of("203.0.113.9")));
        assertTrue(TrustedProxies.of(List.of("", " ")).isEmpty());
    }

    @Test
    void aPeerThatIsNotTrustedIsTheClientWhateverItsHeaderSays() {
        assertEquals("203.0.113.9", BALANCERS.clientAddress("203.0.113.9", List.of("198.51.100.1")));
        assertEquals("2001:db8:2::1", BALANCERS.clientAddress("2001:db8:2::1", List.of("198.51.100.1")));
    }

    @Test
    void behindATrustedProxyTheClientIsTheRightMostEntryNoProxyWrote() {
        assertEquals("203.0.113.9", BALANCERS.clientAddress("10.1.2.3", List.of("203.0.113.9")));
        // the client wrote the two left entries; the balancer appended the address it saw
        assertEquals("203.0.113.9", BALANCERS.clientAddress("10.1.2.3", List.of("6.6.6.6, 1.1.1.1, 203.0.113.9")));
        // two proxies in a row: the inner one's entry is skipped
        assertEquals("203.0.113.9", BALANCERS.clientAddress("10.1.2.3", List.of("6.6.6.6, 203.0.113.9, 192.0.2.7")));
        // the header sent twice counts as one list, in order
        assertEquals("203.0.113.9", BALANCERS.clientAddress("10.1.2.3", List.of("6.6.6.6", "203.0.113.9")));
    }

    @Test
    void portsBracketsAndIpv6AreUnderstood() {
        assertEquals("203.0.113.9", BALANCERS.clientAddress("10.1.2.3", List.of("203.0.113.9:51234")));
        assertEquals("2001:db8:9:0:0:0:0:5", BALANCERS.clientAddress("2001:db8:1::10", List.of("[2001:db8:9::5]:443")));
        assertEquals("2001:db8:9:0:0:0:0:5", BALANCERS.clientAddress("10.1.2.3", List.of("2001:db8:9::5, 2001:db8:1::2")));
        // an IPv4 peer written as IPv6 (a dual-stack socket) is still the trusted balancer
        assertEquals("203.0.113.9", BALANCERS.clientAddress("::ffff:10.1.2.3", List.of("203.0.113.9")));
    }

    @Test
    void withoutAUsableEntryTheNearestTrustedAddressCounts() {
        assertEquals("10.1.2.3", BALANCERS.clientAddress("10.1.2.3", List.of()));
        assertEquals("10.1.2.3", BALANCERS.clientAddress("10.1.2.3", List.of("unknown")));
        assertEquals("192.0.2.7", BALANCERS.clientAddress("10.1.2.3", List.of("203.0.113.9, garbage, 192.0.2.7")));
        // a name is never looked up in DNS
        assertEquals("10.1.2.3", BALANCERS.clientAddress("10.1.2.3", List.of("localhost")));
        // every entry a trusted proxy: the furthest one
        assertEquals("10.9.9.9", BALANCERS.clientAddress("10.1.2.3", List.of("10.9.9.9, 192.0.2.7")));
    }

    @Test
    void cidrsMatchOnTheirPrefixOnly() {
        TrustedProxies thirteen = TrustedProxies.of(List.of("10.0.0.0/13"));
        assertTrue(thirteen.trusts(TrustedProxies.literal("10.7.255.255")));
        assertFalse(thirteen.trusts(TrustedProxies.literal("10.8.0.0")));
        assertFalse(thirteen.trusts(TrustedProxies.literal("11.0.0.1")));
        assertTrue(BALANCERS.trusts(TrustedProxies.literal("2001:db8:1:ffff::1")));
        assertFalse(BALANCERS.trusts(TrustedProxies.literal("2001:db8:2::1")));
        assertFalse(BALANCERS.trusts(TrustedProxies.literal("192.0.2.8")));
    }

    @ParameterizedTest
    @ValueSource(strings = { "lb.example.org", "10.0.0.0/0", "::/0", "10.0.0.0/33", "10.0.0.0/x", "10.0.0" })
    void aMalformedEntryOrOneTrustingEveryoneIsRefused(String entry) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> TrustedProxies.of(List.of(entry)));
        assertTrue(refused.getMessage().startsWith("S11_TRUSTED_PROXIES: \"" + entry + "\""), refused.getMessage());
    }
}
