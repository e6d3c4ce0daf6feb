package org.s11portal.common.web;

import org.jboss.logging.Logger;
import org.s11portal.common.observability.RequestLogs;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.WebApplicationException;

/**
 * Requests refused while their body or headers are read, before any resource runs: a form field over
 * {@code quarkus.http.limits.max-form-attribute-size}, more than {@code max-form-fields} fields, a body over
 * {@code max-body-size}, an unparseable {@code Content-Type}, a truncated multipart upload. Each answers the
 * service's page (problem+json under /api/) with 413 or 400 and writes one log line without a stack trace.
 * <p>
 * Those raised inside RESTEasy Reactive reach {@link ErrorPages}; a form field over the limit is raised by the
 * form parser on the IO thread, once per chunk still arriving, and reaches Vert.x's failure handlers instead,
 * so this class registers one ahead of Quarkus's own (which would answer 500 with a stack trace per chunk).
 */
public class RequestRefusals {

    private static final Logger LOG = Logger.getLogger(RequestRefusals.class);
    private static final String REFUSED = "s11.request-refused";

    /** A refusal: the status, a short reason for the log line, and what the page says. */
    public record Refusal(int status, String reason, String detail) {

        boolean tooLarge() {
            return status == 413;
        }
    }

    static final String TOO_LARGE_DETAIL = "What you sent is larger than this service accepts. An answer can be up to 10,000 characters"
            + " and a file up to 10 MB. Go back, shorten the text or choose a smaller file, and send it again.";

    static final String BAD_REQUEST_DETAIL = "The request could not be understood. Go back, check what you entered and try again.";

    /** The refusal a failure stands for, or null when it is a genuine error of ours. */
    public static Refusal classify(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof WebApplicationException web && web.getResponse() != null && web.getResponse().getStatus() == 413) {
                return new Refusal(413, "body-too-large", TOO_LARGE_DETAIL);
            }
            String origin = t.getStackTrace().length == 0 ? "" : t.getStackTrace()[0].getClassName();
            if (origin.startsWith("org.jboss.resteasy.reactive.server.core.multipart.")) {
                // the form or multipart parser: too many fields, a truncated or malformed body
                return new Refusal(400, "malformed-body", BAD_REQUEST_DETAIL);
            }
            if (origin.startsWith("org.jboss.resteasy.reactive.common.headers.")) {
                return new Refusal(400, "malformed-header", BAD_REQUEST_DETAIL);
            }
            if (origin.startsWith("io.netty.handler.codec.http.multipart.")) {
                return new Refusal(400, "malformed-body", BAD_REQUEST_DETAIL);
            }
        }
        return null;
    }

    static void log(Refusal refusal, String method, String path) {
        LOG.logf(RequestLogs.level(path, Logger.Level.WARN), "request-refused status=%d reason=%s method=%s path=%s",
                refusal.status(), refusal.reason(), method, RequestLogs.path(path));
    }

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::failed);
    }

    private void failed(RoutingContext routing) {
        if (routing.get(REFUSED) != null) {
            // the rest of a body already refused, or RESTEasy finding the request it was reading already answered
            return;
        }
        Refusal refusal = classify(routing.failure());
        if (refusal == null && routing.failure() == null && routing.statusCode() == 413) {
            refusal = new Refusal(413, "body-too-large", TOO_LARGE_DETAIL);
        }
        if (refusal == null) {
            routing.next();
            return;
        }
        if (routing.response().ended() || routing.response().headWritten()) {
            routing.next();
            return;
        }
        routing.put(REFUSED, refusal);
        log(refusal, routing.request().method().name(), routing.normalizedPath());
        // the page's layout reads request-scoped beans; the state stays with the request (RESTEasy resumes it later)
        ManagedContext requestContext = Arc.container().requestContext();
        boolean activated = !requestContext.isActive();
        if (activated) {
            requestContext.activate();
        }
        String html;
        try {
            html = routing.normalizedPath().startsWith("/api/")
                    ? null
                    : ErrorPages.page(refusal).render();
        } finally {
            if (activated) {
                requestContext.deactivate();
            }
        }
        var response = routing.response().setStatusCode(refusal.status()).putHeader("Connection", "close")
                .putHeader("Cache-Control", "no-store");
        if (html == null) {
            response.putHeader("Content-Type", "application/problem+json")
                    .end(ErrorPages.problemJson(refusal.status(), refusal.tooLarge() ? "Payload too large" : "Bad request",
                            refusal.detail()));
        } else {
            response.putHeader("Content-Type", "text/html;charset=UTF-8").end(html);
        }
    }
}
