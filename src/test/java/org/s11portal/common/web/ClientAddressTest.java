package org.s11portal.common.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

/** X-Forwarded-For is believed only from a trusted proxy, and only as far as the first hop it did not add. */
class ClientAddressTest {

    private final ClientAddress behindBalancers = new ClientAddress(List.of("10.0.0.0/8", "2001:db8::/32", "192.0.2.10"));
    private final ClientAddress direct = new ClientAddress(List.of());

    @Test
    void withNoTrustedProxyTheHeaderIsIgnored() {
        assertEquals("203.0.113.9", direct.resolve("203.0.113.9", List.of("198.51.100.1")));
        assertEquals("127.0.0.1", direct.resolve("127.0.0.1", List.of("198.51.100.1")));
    }

    @Test
    void anUntrustedPeerCannotClaimAnotherAddress() {
        assertEquals("203.0.113.9", behindBalancers.resolve("203.0.113.9", List.of("198.51.100.1")));
    }

    @Test
    void fromATrustedProxyTheClientIsTheLastHopItDidNotAdd() {
        assertEquals("198.51.100.1", behindBalancers.resolve("10.1.2.3", List.of("198.51.100.1")));
        // a client that writes its own header cannot hide: the balancer appends the real address last
        assertEquals("198.51.100.1", behindBalancers.resolve("10.1.2.3", List.of("1.2.3.4, 198.51.100.1")));
        // two trusted hops (an ingress behind a cloud balancer) are skipped
        assertEquals("198.51.100.1", behindBalancers.resolve("10.1.2.3", List.of("198.51.100.1, 192.0.2.10", "10.9.9.9")));
        assertEquals("2001:db9::1", behindBalancers.resolve("2001:db8::5", List.of("2001:db9::1")));
    }

    @Test
    void aTrustedProxyWithoutAUsableHeaderCountsAsItself() {
        assertEquals("10.1.2.3", behindBalancers.resolve("10.1.2.3", List.of()));
        assertEquals("10.1.2.3", behindBalancers.resolve("10.1.2.3", List.of("10.4.4.4")));
        // a name, a port or junk is never looked up or believed
        assertEquals("10.1.2.3", behindBalancers.resolve("10.1.2.3", List.of("evil.example.org")));
        assertEquals("10.1.2.3", behindBalancers.resolve("10.1.2.3", List.of("999.1.1.1")));
        assertEquals("unknown", behindBalancers.resolve(null, List.of("198.51.100.1")));
    }

    @Test
    void aRangeMatchesOnlyItsPrefix() {
        assertEquals("11.0.0.1", behindBalancers.resolve("11.0.0.1", List.of("198.51.100.1")));
        assertEquals("192.0.2.11", behindBalancers.resolve("192.0.2.11", List.of("198.51.100.1")));
    }

    @Test
    void aMistypedSettingStopsTheStartWithItsName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ClientAddress(List.of("10.0.0.0/33")));
        assertEquals(true, e.getMessage().contains("S11_TRUSTED_PROXIES"));
        assertThrows(IllegalArgumentException.class, () -> new ClientAddress(List.of("load-balancer.internal")));
    }
}
