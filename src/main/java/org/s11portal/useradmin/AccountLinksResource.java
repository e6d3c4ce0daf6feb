package org.s11portal.useradmin;

import org.s11portal.common.web.ClientAddress;
import org.s11portal.common.web.FormErrors;
import org.s11portal.common.web.Redirects;
import org.s11portal.useradmin.OneTimeToken.Purpose;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

/**
 * The pages reached without signing in: accepting an invitation, "Forgotten your password?", and resetting a password
 * through its link. A link that no longer works gets one page, whatever the reason (used, replaced, expired, account
 * deactivated, never issued), saying whom to ask.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class AccountLinksResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance setPassword(boolean invitation, String action, String name, FormErrors errors);

        static native TemplateInstance unusable(boolean invitation);

        static native TemplateInstance forgotten(String email, FormErrors errors);

        static native TemplateInstance forgottenSent();
    }

    @Inject
    AccountLinksService links;

    @Inject
    ClientAddress clientAddress;

    @GET
    @Path("invitations/{token}")
    public Response invitation(@PathParam("token") String token) {
        return form(token, Purpose.INVITATION, FormErrors.none(), 200);
    }

    @POST
    @Path("invitations/{token}")
    public Response accept(@PathParam("token") String token, @BeanParam PasswordForm form) {
        return set(token, Purpose.INVITATION, form, "/sign-in?ready=true");
    }

    @GET
    @Path("password-reset/{token}")
    public Response reset(@PathParam("token") String token) {
        return form(token, Purpose.PASSWORD_RESET, FormErrors.none(), 200);
    }

    @POST
    @Path("password-reset/{token}")
    public Response setNewPassword(@PathParam("token") String token, @BeanParam PasswordForm form) {
        return set(token, Purpose.PASSWORD_RESET, form, "/sign-in?passwordChanged=true");
    }

    @GET
    @Path("sign-in/forgotten")
    public TemplateInstance forgottenForm() {
        return Templates.forgotten("", FormErrors.none());
    }

    /** Always the same answer for a well-formed address, whether or not it has an account or was limited. */
    @POST
    @Path("sign-in/forgotten")
    public Response forgotten(@RestForm String email, RoutingContext routing) {
        FormErrors errors = AccountLinksService.checkEmail(email);
        if (!errors.isEmpty()) {
            return Response.status(400).entity(Templates.forgotten(email == null ? "" : email, errors)).build();
        }
        links.forgotten(email, clientAddress.of(routing.request()));
        return Redirects.seeOther("/sign-in/forgotten/sent");
    }

    @GET
    @Path("sign-in/forgotten/sent")
    public TemplateInstance forgottenSent() {
        return Templates.forgottenSent();
    }

    private Response form(String token, Purpose purpose, FormErrors errors, int status) {
        boolean invitation = purpose == Purpose.INVITATION;
        return links.holder(token, purpose)
                .map(name -> Response.status(status).entity(Templates.setPassword(invitation, action(token, purpose), name, errors)))
                .orElseGet(() -> Response.status(404).entity(Templates.unusable(invitation)))
                .build();
    }

    private Response set(String token, Purpose purpose, PasswordForm form, String signIn) {
        AccountLinksService.PasswordSet outcome = links.setPassword(token, purpose, form);
        if (outcome.done()) {
            return Redirects.seeOther(signIn);
        }
        if (outcome.unusable()) {
            return Response.status(404).entity(Templates.unusable(purpose == Purpose.INVITATION)).build();
        }
        return form(token, purpose, outcome.errors(), 400);
    }

    private static String action(String token, Purpose purpose) {
        return (purpose == Purpose.INVITATION ? "/invitations/" : "/password-reset/") + token;
    }
}
