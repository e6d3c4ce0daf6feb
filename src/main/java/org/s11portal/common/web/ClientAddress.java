package org.s11portal.common.web;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

import org.s11portal.common.config.PortalConfig;

import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The address a request came from, as sign-in throttling and the survey's per-address limit count it. Behind a load
 * balancer the peer is the balancer, so every client would share one address and 20 failures would lock everyone out;
 * but X-Forwarded-For is whatever the client wrote, so it is believed only from a configured trusted proxy
 * ({@code S11_TRUSTED_PROXIES}), and then the right-most entry that is not itself a trusted proxy is the client.
 */
@ApplicationScoped
public class ClientAddress {

    private final List<Range> trusted;

    @Inject
    public ClientAddress(PortalConfig config) {
        this(config.trustedProxies().orElse(List.of()));
    }

    ClientAddress(List<String> trustedProxies) {
        this.trusted = trustedProxies.stream().map(String::trim).filter(s -> !s.isEmpty()).map(Range::parse).toList();
    }

    /** The client's address, or "unknown" when the connection has none (never null). */
    public String of(HttpServerRequest request) {
        String peer = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        return resolve(peer, request.headers().getAll("X-Forwarded-For"));
    }

    String resolve(String peer, List<String> forwardedHeaders) {
        if (peer == null) {
            return "unknown";
        }
        if (!isTrusted(peer)) {
            return peer;
        }
        List<String> hops = forwardedHeaders.stream().flatMap(h -> Arrays.stream(h.split(",")))
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i);
            if (Range.address(hop) == null) {
                return peer; // a malformed entry: nothing to the left of it can be believed
            }
            if (!isTrusted(hop)) {
                return hop;
            }
        }
        return peer;
    }

    private boolean isTrusted(String address) {
        InetAddress parsed = Range.address(address);
        return parsed != null && trusted.stream().anyMatch(r -> r.contains(parsed));
    }

    /** An address or a CIDR range, IPv4 or IPv6. */
    record Range(byte[] network, int prefix) {

        private static final String OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])";
        private static final String IPV4 = OCTET + "(\\." + OCTET + "){3}";

        static Range parse(String text) {
            String[] parts = text.split("/", 2);
            InetAddress base = address(parts[0]);
            if (base == null) {
                throw new IllegalArgumentException("S11_TRUSTED_PROXIES: '" + text + "' is not an address or CIDR range");
            }
            int bits = base.getAddress().length * 8;
            int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : bits;
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("S11_TRUSTED_PROXIES: '" + text + "' has a prefix outside 0-" + bits);
            }
            return new Range(base.getAddress(), prefix);
        }

        /** The literal address, or null: never a DNS lookup (a header must not make the portal resolve names). */
        static InetAddress address(String text) {
            String literal = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
            boolean literalOnly = literal.matches(IPV4) || literal.matches("[0-9A-Fa-f:.]+") && literal.contains(":");
            if (!literalOnly) {
                return null;
            }
            try {
                return InetAddress.getByName(literal);
            } catch (UnknownHostException e) {
                return null;
            }
        }

        boolean contains(InetAddress candidate) {
            byte[] other = candidate.getAddress();
            if (other.length != network.length) {
                return false;
            }
            int shift = network.length * 8 - prefix;
            return new BigInteger(1, network).shiftRight(shift).equals(new BigInteger(1, other).shiftRight(shift));
        }
    }
}
