package org.s11portal.common.observability;

import java.util.UUID;
import java.util.regex.Pattern;

import org.jboss.logging.MDC;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;

/**
 * Gives every request an id: the caller's {@code X-Request-Id} when it is a short safe token (a load balancer's, so
 * its lines and ours join up), otherwise a random UUID, never anything made from the client's address. The id is in
 * the log MDC under {@code requestId} for the request's whole life (Quarkus keeps the MDC in the request's Vert.x
 * context, so worker threads see it too), in the text and JSON log formats, and sent back as {@code X-Request-Id}.
 */
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9-]{1,64}");

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::assign);
    }

    private void assign(RoutingContext routing) {
        String id = idFor(routing.request().getHeader(HEADER));
        routing.put(MDC_KEY, id);
        MDC.put(MDC_KEY, id);
        routing.response().putHeader(HEADER, id);
        routing.next();
    }

    /** The caller's id when it is safe to log and echo, else a fresh random one. */
    static String idFor(String offered) {
        return offered != null && SAFE.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
    }

    /** The current request's id, from the log MDC; null outside a request. */
    public static String current() {
        Object id = MDC.get(MDC_KEY);
        return id == null ? null : id.toString();
    }
}
