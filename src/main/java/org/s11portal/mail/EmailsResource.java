package org.s11portal.mail;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.s11portal.account.Roles;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerResponse;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** "Emails": what the portal has sent or is still to send, for partnership admins (EmailsService decides scope). */
@Path("/emails")
@RolesAllowed(Roles.PARTNERSHIP_ADMIN)
@Produces(MediaType.TEXT_HTML)
public class EmailsResource {

    /**
     * The HTML part is shown in a sandboxed frame of the email's page: no script, no form, nothing loaded from
     * anywhere, as a different origin; only the email's own inline styles apply.
     */
    static final String HTML_PART_POLICY = "sandbox; default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'self'";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(EmailsService.EmailsPage page);

        static native TemplateInstance email(OutboxMessage email, String from);
    }

    @Inject
    EmailsService emails;

    @ConfigProperty(name = "quarkus.mailer.from")
    String from;

    @GET
    public TemplateInstance list(@QueryParam("page") @DefaultValue("1") int page) {
        return Templates.list(emails.page(page));
    }

    @GET
    @Path("{id}")
    public TemplateInstance email(@PathParam("id") long id) {
        return Templates.email(emails.email(id), from);
    }

    @GET
    @Path("{id}/html")
    public Response html(@PathParam("id") long id, @Context HttpServerResponse response) {
        String html = emails.email(id).htmlBody;
        // replaces the policy every response carries (quarkus.http.header.*), which forbids framing
        response.headers().set("Content-Security-Policy", HTML_PART_POLICY).set("X-Frame-Options", "SAMEORIGIN");
        return Response.ok(html, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }
}
