package org.s11portal.common.web;

import java.util.UUID;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.s11portal.common.observability.RequestIds;
import org.s11portal.common.observability.RequestLogs;
import org.s11portal.common.persistence.DatabaseUnavailable;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Every error answer, in one place. Pages get the service's own error page; API clients get
 * application/problem+json. Neither ever carries an exception message or a stack trace: unexpected
 * errors are logged with a reference that the page shows, so support can find the log line.
 */
public class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);
    static final MediaType PROBLEM_JSON = MediaType.valueOf("application/problem+json");

    @CheckedTemplate(basePath = "error")
    static class Templates {
        static native TemplateInstance notFound();

        static native TemplateInstance forbidden();

        static native TemplateInstance badRequest(String detail);

        static native TemplateInstance tooLarge(String detail);

        static native TemplateInstance serverError(String reference);

        static native TemplateInstance unavailable();
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, HttpServerRequest request) {
        return respond(request, 404, "Not found", "There is nothing here, or you do not have access to it.",
                Templates::notFound);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpServerRequest request) {
        LOG.logf(RequestLogs.level(request.path(), Logger.Level.WARN), "security-event=access-denied path=%s",
                RequestLogs.path(request.path()));
        return respond(request, 403, "Forbidden", "Your role does not allow this.", Templates::forbidden);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, HttpServerRequest request) {
        int status = e.getResponse().getStatus();
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException json) {
                return jsonProblem(json, request);
            }
        }
        if (status == 404) {
            return notFound(null, request);
        }
        if (status >= 500) {
            return unexpected(e, request);
        }
        if (status == 413) {
            return refused(RequestRefusals.classify(e), request);
        }
        String detail = status == 415 || status == 400
                ? "The request could not be understood. Go back, check what you entered and try again."
                : "The request could not be completed.";
        return respond(request, status, Response.Status.fromStatusCode(status) == null ? "Error"
                : Response.Status.fromStatusCode(status).getReasonPhrase(), detail, () -> Templates.badRequest(detail));
    }

    /**
     * A JSON body the API cannot read: malformed, a value of the wrong type, an unknown enum value, an impossible
     * date, nesting deeper than Jackson allows. Answers the documented problem+json naming the field, never the
     * parser's message (which quotes the input and names classes). Declared for each Jackson type that
     * quarkus-rest-jackson maps itself to an empty 400, so that this one is chosen.
     */
    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, HttpServerRequest request) {
        return jsonProblem(e, request);
    }

    @ServerExceptionMapper
    public Response unreadableJsonValue(MismatchedInputException e, HttpServerRequest request) {
        return jsonProblem(e, request);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e, HttpServerRequest request) {
        return jsonProblem(e, request);
    }

    private static Response jsonProblem(JsonProcessingException e, HttpServerRequest request) {
        String detail;
        if (e instanceof com.fasterxml.jackson.core.exc.StreamConstraintsException
                || e.getCause() instanceof com.fasterxml.jackson.core.exc.StreamConstraintsException) {
            detail = "The JSON is nested too deeply or too large to read.";
        } else if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .reduce((a, b) -> a + "." + b).orElse("");
            if (field.length() > 100) {
                field = field.substring(0, 100);
            }
            detail = "The value of " + field + " is not valid: check its type, allowed values and, for a date, that it is"
                    + " a real date written as YYYY-MM-DD.";
        } else {
            detail = "The body is not valid JSON.";
        }
        LOG.logf(RequestLogs.level(request.path(), Logger.Level.INFO), "request-refused status=400 reason=unreadable-json"
                + " method=%s path=%s", request.method().name(), RequestLogs.path(request.path()));
        return respond(request, 400, "Bad request", detail, () -> Templates.badRequest(detail));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, HttpServerRequest request) {
        RequestRefusals.Refusal refusal = RequestRefusals.classify(e);
        if (refusal != null) {
            return refused(refusal, request);
        }
        if (isDatabaseUnavailable(e)) {
            LOG.logf(RequestLogs.level(request.path(), Logger.Level.ERROR), "database unavailable while serving %s %s: %s",
                    request.method(), RequestLogs.path(request.path()), e.toString());
            return respond(request, 503, "Service unavailable",
                    "The service is unavailable at the moment. Nothing you sent was saved. Try again in a few minutes.",
                    Templates::unavailable);
        }
        // the request id: the same in the log line, the page and the X-Request-Id header
        String reference = RequestIds.current() != null ? RequestIds.current() : UUID.randomUUID().toString();
        LOG.logf(RequestLogs.level(request.path(), Logger.Level.ERROR), e, "unexpected error reference=%s on %s %s", reference,
                request.method(), RequestLogs.path(request.path()));
        return respond(request, 500, "Internal error", "Something went wrong. Reference " + reference,
                () -> Templates.serverError(reference));
    }

    /** A request refused while its body or headers were read: one log line, no stack trace. */
    private static Response refused(RequestRefusals.Refusal refusal, HttpServerRequest request) {
        if (request.response().ended()) {
            // already answered by RequestRefusals when the body was refused: nothing more to log
            return Response.status(refusal.status()).build();
        }
        RequestRefusals.log(refusal, request.method().name(), request.path());
        return respond(request, refusal.status(), refusal.status() == 413 ? "Payload too large" : "Bad request",
                refusal.detail(), () -> page(refusal));
    }

    static TemplateInstance page(RequestRefusals.Refusal refusal) {
        return refusal.status() == 413 ? Templates.tooLarge(refusal.detail()) : Templates.badRequest(refusal.detail());
    }

    private static Response respond(HttpServerRequest request, int status, String title, String detail,
            java.util.function.Supplier<TemplateInstance> page) {
        if (request.path().startsWith("/api/")) {
            return Response.status(status).type(PROBLEM_JSON).entity(problemJson(status, title, detail)).build();
        }
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(page.get().render()).build();
    }

    static String problemJson(int status, String title, String detail) {
        return "{\"type\":\"about:blank\",\"title\":\"" + jsonEscape(title) + "\",\"status\":" + status
                + ",\"detail\":\"" + jsonEscape(detail) + "\"}";
    }

    private static String jsonEscape(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    static boolean isDatabaseUnavailable(Throwable e) {
        return DatabaseUnavailable.causes(e);
    }
}
