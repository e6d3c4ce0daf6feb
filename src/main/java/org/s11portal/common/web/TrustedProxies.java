package org.s11portal.common.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The proxies whose X-Forwarded-For the portal believes (S11_TRUSTED_PROXIES), and the rule that finds a request's
 * client address through them. A load balancer appends the address it received the request from to X-Forwarded-For,
 * after whatever the client sent; only the entries that trusted proxies appended can be believed. So the client is the
 * right-most entry that is not itself a trusted proxy; anything further left was written by the client and is ignored.
 * A request whose peer is not a trusted proxy is its own client, whatever its headers say.
 *
 * <p>Quarkus' own {@code quarkus.http.proxy.*} is not used: it takes the left-most X-Forwarded-For entry, which the
 * client writes, so a forged header would give every wrong password a fresh address.
 */
public final class TrustedProxies {

    /** An IPv4 literal; anything else without a colon is not an address (and must never reach a DNS lookup). */
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    /** The characters an IPv6 literal may hold (IPv4-mapped tail included); it must also hold a colon. */
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");

    private final List<Network> networks;

    private TrustedProxies(List<Network> networks) {
        this.networks = List.copyOf(networks);
    }

    /**
     * From the setting's entries: addresses ({@code 10.0.0.7}, {@code 2001:db8::7}) or CIDRs ({@code 10.244.0.0/16},
     * {@code 2001:db8::/48}). A malformed entry, or one that would trust every address, is refused.
     */
    public static TrustedProxies of(List<String> entries) {
        List<Network> networks = new ArrayList<>();
        for (String raw : entries) {
            String entry = raw.strip();
            if (!entry.isEmpty()) {
                networks.add(Network.parse(entry));
            }
        }
        return new TrustedProxies(networks);
    }

    public boolean isEmpty() {
        return networks.isEmpty();
    }

    /**
     * The client address of a request that reached the portal from {@code peer} with these X-Forwarded-For header
     * values (in the order received). Without trusted proxies, or from a peer that is not one, the peer itself. A
     * malformed entry where the client should be counts as the trusted proxy that passed it on.
     */
    public String clientAddress(String peer, List<String> forwardedFor) {
        if (networks.isEmpty()) {
            return peer;
        }
        InetAddress peerAddress = literal(peer);
        if (peerAddress == null || !trusts(peerAddress)) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        for (String header : forwardedFor) {
            for (String hop : header.split(",")) {
                hops.add(hop);
            }
        }
        String nearest = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            InetAddress hop = literal(withoutPort(hops.get(i).strip()));
            if (hop == null) {
                return nearest;
            }
            if (!trusts(hop)) {
                return hop.getHostAddress();
            }
            nearest = hop.getHostAddress();
        }
        return nearest;
    }

    boolean trusts(InetAddress address) {
        for (Network network : networks) {
            if (network.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /** {@code 1.2.3.4:5678} and {@code [2001:db8::1]:443} as proxies may write them, without the port. */
    private static String withoutPort(String hop) {
        if (hop.startsWith("[")) {
            int end = hop.indexOf(']');
            return end < 0 ? hop : hop.substring(1, end);
        }
        int colon = hop.indexOf(':');
        if (colon > 0 && colon == hop.lastIndexOf(':') && hop.indexOf('.') > 0) {
            return hop.substring(0, colon);
        }
        return hop;
    }

    /** The address a literal stands for, or null when it is not an IP literal; never a DNS lookup. */
    static InetAddress literal(String text) {
        if (text == null) {
            return null;
        }
        String address = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        int zone = address.indexOf('%');
        if (zone > 0) {
            address = address.substring(0, zone);
        }
        boolean ipv4 = IPV4.matcher(address).matches();
        boolean ipv6 = address.indexOf(':') >= 0 && IPV6.matcher(address).matches();
        if (!ipv4 && !ipv6) {
            return null;
        }
        try {
            return InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** An address and how many of its leading bits must match. */
    private record Network(byte[] address, int prefixBits) {

        static Network parse(String entry) {
            int slash = entry.indexOf('/');
            InetAddress address = literal(slash < 0 ? entry : entry.substring(0, slash));
            if (address == null) {
                throw new IllegalArgumentException("S11_TRUSTED_PROXIES: \"" + entry + "\" is not an IP address or CIDR"
                        + " (e.g. 10.0.0.7, 10.244.0.0/16, 2001:db8::/48)");
            }
            int bits = address.getAddress().length * 8;
            int prefix = bits;
            if (slash >= 0) {
                try {
                    prefix = Integer.parseInt(entry.substring(slash + 1));
                } catch (NumberFormatException e) {
                    prefix = -1;
                }
                if (prefix < 1 || prefix > bits) {
                    throw new IllegalArgumentException("S11_TRUSTED_PROXIES: \"" + entry + "\" has no valid prefix length"
                            + " (1 to " + bits + "; /0 would trust every address and let any client choose its own)");
                }
            }
            return new Network(address.getAddress(), prefix);
        }

        boolean contains(InetAddress candidate) {
            byte[] other = candidate.getAddress();
            if (other.length != address.length) {
                return false;
            }
            int whole = prefixBits / 8;
            for (int i = 0; i < whole; i++) {
                if (other[i] != address[i]) {
                    return false;
                }
            }
            int rest = prefixBits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xFF << (8 - rest) & 0xFF;
            return (other[whole] & mask) == (address[whole] & mask);
        }
    }
}
