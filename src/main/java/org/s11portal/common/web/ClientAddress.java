package org.s11portal.common.web;

import java.util.List;

import org.s11portal.common.config.PortalConfig;

import io.quarkus.runtime.Startup;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The one place that says which address a request came from, for sign-in throttling, the survey's per-address limit
 * and the password-reset limit. Behind a load balancer every connection comes from the balancer: only when
 * S11_TRUSTED_PROXIES names it is X-Forwarded-For read, by the rule in {@link TrustedProxies}. Built at start, so a
 * malformed setting stops the start.
 */
@Startup
@ApplicationScoped
public class ClientAddress {

    /** What a request without a peer address (never seen over TCP) counts as. */
    public static final String UNKNOWN = "unknown";

    private static final String X_FORWARDED_FOR = "X-Forwarded-For";

    @Inject
    PortalConfig config;

    private TrustedProxies trusted;

    @PostConstruct
    void readSetting() {
        trusted = TrustedProxies.of(config.trustedProxies().orElse(List.of()));
    }

    /** The client's address as text, or {@link #UNKNOWN}. */
    public String of(HttpServerRequest request) {
        SocketAddress peer = request.remoteAddress();
        if (peer == null || peer.hostAddress() == null) {
            return UNKNOWN;
        }
        if (trusted.isEmpty()) {
            return peer.hostAddress(); // the survey's busy path: no header read, no parsing
        }
        return trusted.clientAddress(peer.hostAddress(), request.headers().getAll(X_FORWARDED_FOR));
    }
}
