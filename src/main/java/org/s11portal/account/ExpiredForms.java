package org.s11portal.account;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.s11portal.common.observability.RequestLogs;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.core.CurrentRequestManager;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.core.multipart.FormData;
import org.jboss.resteasy.reactive.server.multipart.FormValue;

import io.quarkus.csrf.reactive.runtime.CsrfTokenParameterProvider;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.runtime.BlockingOperationControl;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;

/**
 * A form refused for its CSRF token (by quarkus-rest-csrf, or by {@link SessionCsrf} for a token not bound to the
 * session) answers a bare 400. This turns that into the service's "this form had expired" page: it says what
 * happened and offers what was typed back in a fresh form with a new token, to check and send again. It never
 * re-submits by itself. Passwords and the old token are never echoed; files cannot be kept, and the page says so.
 */
public class ExpiredForms {

    private static final Logger LOG = Logger.getLogger(ExpiredForms.class);
    private static final int MAX_FIELDS = 200;
    private static final Pattern TECHNICAL = Pattern.compile("nonce|next|action|.*-version|version");
    private static final Set<String> SECRET = Set.of("password", "newPassword", "currentPassword", "confirmPassword");

    /** One field sent with the refused form; {@code hidden} for the form's own bookkeeping (nonce, versions). */
    public record Field(String name, String value, boolean hidden, boolean multiline) {
    }

    @CheckedTemplate(basePath = "error")
    static class Templates {
        static native TemplateInstance expiredForm(String action, String enctype, String tokenName, String token,
                List<Field> fields, List<String> fileFields, boolean passwordDropped);
    }

    @Inject
    SessionCsrf csrf;

    @Inject
    SessionService sessions;

    @Inject
    CsrfTokenParameterProvider csrfParameter;

    @ConfigProperty(name = "quarkus.rest-csrf.cookie-name", defaultValue = "csrf-token")
    String cookieName;

    /**
     * The token for the page's form. Signed in, the session decides: a browser that lost its CSRF cookie (expired or
     * cleared; a cross-site post never carries the session cookie either) gets a new token bound to the session; a
     * browser whose cookie is still the session's keeps it (the page's form had an old token, e.g. after signing in
     * again in another tab); a refused token never changes the session, so a forged post cannot disturb it. Signed
     * out, a new token.
     */
    private String freshToken(RoutingContext routing) {
        Cookie session = routing.request().getCookie(SessionService.COOKIE_NAME);
        Cookie cookie = routing.request().getCookie(cookieName);
        if (session != null && !session.getValue().isBlank() && BlockingOperationControl.isBlockingAllowed()) {
            var active = sessions.resolve(session.getValue());
            if (active.isPresent()) {
                if (cookie != null && active.get().csrfTokenHash() != null
                        && SessionCsrf.hash(cookie.getValue()).equals(active.get().csrfTokenHash())) {
                    return cookie.getValue();
                }
                String token = csrf.newToken();
                if (cookie == null) {
                    sessions.rebindCsrf(session.getValue(), token);
                }
                csrf.renew(routing, token);
                return token;
            }
        }
        String token = csrf.newToken();
        csrf.renew(routing, token);
        return token;
    }

    /** At most 1 MB of a form body not read yet, or null when it cannot be read. */
    private static FormData readUrlEncoded(ResteasyReactiveRequestContext context) {
        try {
            byte[] body = context.getInputStream().readNBytes(1024 * 1024);
            FormData form = new FormData(MAX_FIELDS);
            for (String pair : new String(body, StandardCharsets.US_ASCII).split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                form.add(name, value);
            }
            return form;
        } catch (IOException | RuntimeException unreadable) {
            return null;
        }
    }

    @ServerResponseFilter(priority = 4000)
    public void expiredForm(ContainerRequestContext request, ContainerResponseContext response, RoutingContext routing) {
        if (!"POST".equals(request.getMethod()) || response.getStatus() != 400 || response.hasEntity()
                || routing.normalizedPath().startsWith("/api/")) {
            return;
        }
        MediaType type;
        try {
            type = request.getMediaType();
        } catch (IllegalArgumentException unparseable) {
            return;
        }
        boolean multipart = type != null && type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE);
        if (type == null || !(multipart || type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE))) {
            return;
        }
        List<Field> fields = new ArrayList<>();
        List<String> files = new ArrayList<>();
        boolean passwordDropped = false;
        ResteasyReactiveRequestContext context = CurrentRequestManager.get();
        FormData form = context == null ? null : context.getFormData();
        if (form == null && !multipart && BlockingOperationControl.isBlockingAllowed() && context != null) {
            // a resource reading the body itself (MultivaluedMap): the refusal came before it, so read it here
            form = readUrlEncoded(context);
        }
        if (form != null) {
            for (String name : form) {
                if (fields.size() >= MAX_FIELDS) {
                    break;
                }
                if (name.equals(csrfParameter.getParameterName())) {
                    continue;
                }
                if (SECRET.contains(name) || name.toLowerCase(Locale.ROOT).contains("password")) {
                    passwordDropped = true;
                    continue;
                }
                Deque<FormValue> values = form.get(name);
                for (FormValue value : values) {
                    if (value.isFileItem()) {
                        if (!files.contains(name)) {
                            files.add(name);
                        }
                    } else {
                        String text = value.getValue() == null ? "" : value.getValue();
                        fields.add(new Field(name, text, TECHNICAL.matcher(name).matches(),
                                text.length() > 80 || text.contains("\n")));
                    }
                }
            }
        }
        String token = freshToken(routing);
        LOG.logf(RequestLogs.level(routing.normalizedPath(), Logger.Level.WARN),
                "security-event=csrf-refused-page method=POST path=%s fields=%d", RequestLogs.path(routing.normalizedPath()),
                fields.size());
        String action = routing.request().path();
        response.setEntity(Templates.expiredForm(action, multipart ? "multipart/form-data" : null,
                csrfParameter.getParameterName(), token, fields, files, passwordDropped).render(),
                null, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
    }
}
