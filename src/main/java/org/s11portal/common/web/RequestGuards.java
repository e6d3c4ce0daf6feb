package org.s11portal.common.web;

import java.net.URI;
import java.util.Set;

import org.jboss.logging.Logger;
import org.s11portal.common.observability.RequestLogs;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Checks every request before it reaches a resource, and marks every dynamic answer as not to be cached:
 * pages hold submission data, which must not linger in shared or browser caches.
 */
public class RequestGuards {

    private static final Logger LOG = Logger.getLogger(RequestGuards.class);
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    /**
     * A state-changing request that says it comes from another site is refused, whatever its CSRF token
     * (defence in depth next to the token and SameSite cookies; also covers the sign-in form).
     */
    @ServerRequestFilter(preMatching = true, priority = 10)
    public Response refuseCrossOrigin(ContainerRequestContext request, HttpServerRequest http) {
        if (SAFE_METHODS.contains(request.getMethod())) {
            return null;
        }
        String origin = request.getHeaderString("Origin");
        if (origin == null || origin.isBlank()) {
            return null;
        }
        String host = request.getHeaderString(HttpHeaders.HOST);
        if (host != null && sameHost(origin, host)) {
            return null;
        }
        LOG.logf(RequestLogs.level(http.path(), Logger.Level.WARN), "security-event=cross-origin-refused method=%s path=%s"
                + " origin=%s", request.getMethod(), RequestLogs.path(http.path()),
                origin.length() > 100 ? origin.substring(0, 100) : origin);
        return Response.status(Response.Status.FORBIDDEN).type(MediaType.TEXT_PLAIN)
                .entity("This request came from another site and was refused.").build();
    }

    @ServerResponseFilter
    public void noStore(ContainerResponseContext response) {
        response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
        relativeLocation(response);
    }

    /**
     * JAX-RS makes a redirect's relative {@code Location} absolute with the request's own Host header, which a client
     * can forge ({@code Host: evil.example} would answer {@code Location: http://evil.example/home}). Every redirect of
     * ours is to a path of ours, so the Location is sent relative (RFC 9110 allows it): the browser resolves it
     * against the address it actually used.
     */
    static void relativeLocation(ContainerResponseContext response) {
        Object location = response.getHeaders().getFirst(HttpHeaders.LOCATION);
        if (location == null) {
            return;
        }
        URI uri = location instanceof URI u ? u : URI.create(location.toString());
        if (uri.getRawAuthority() == null && uri.getScheme() == null) {
            return;
        }
        String relative = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                + (uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment());
        response.getHeaders().putSingle(HttpHeaders.LOCATION, relative);
    }

    private static boolean sameHost(String origin, String host) {
        try {
            URI uri = URI.create(origin);
            String originHost = uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            return host.equalsIgnoreCase(originHost);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
