package org.s11portal.useradmin;

import org.jboss.resteasy.reactive.RestForm;
import org.s11portal.account.Roles;
import org.s11portal.common.persistence.RetriesConflicts;
import org.s11portal.common.web.FormErrors;
import org.s11portal.common.web.Redirects;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** "Users": the accounts a partnership admin manages (UserAdminService decides scope and rules). */
@Path("/admin/users")
@RolesAllowed(Roles.PARTNERSHIP_ADMIN)
@Produces(MediaType.TEXT_HTML)
public class UsersResource {

    static final String INVITED = "invited";
    static final String AGENCY_ADDED = "agency-added";
    static final String AGENCY_REMOVED = "agency-removed";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(UserAdminService.UsersPage page);

        static native TemplateInstance invite(InviteForm form, UserAdminService.InviteChoices choices, FormErrors errors);

        static native TemplateInstance user(UserAdminService.UserView view, String notice, FormErrors errors);

        static native TemplateInstance confirm(UserAdminService.Confirmation confirmation);
    }

    @Inject
    UserAdminService users;

    @GET
    public TemplateInstance list(@QueryParam("role") String role, @QueryParam("status") String status,
            @QueryParam("page") @DefaultValue("1") int page) {
        return Templates.list(users.page(role, status, page));
    }

    @GET
    @Path("new")
    public TemplateInstance inviteForm() {
        return Templates.invite(InviteForm.empty(), users.choices(), FormErrors.none());
    }

    @RetriesConflicts
    @POST
    @Path("new")
    public Response invite(@BeanParam InviteForm form) {
        UserAdminService.Invited invited = users.invite(form);
        if (invited.userId() != null) {
            return Redirects.seeOther("/admin/users/" + invited.userId() + "?done=" + INVITED);
        }
        return Response.status(400).entity(Templates.invite(form, users.choices(), invited.errors())).build();
    }

    @GET
    @Path("{id}")
    public TemplateInstance user(@PathParam("id") long id, @QueryParam("done") String done) {
        UserAdminService.UserView view = users.view(id);
        UserAction action = UserAction.fromPath(done);
        String notice = INVITED.equals(done) ? "An invitation has been sent to " + view.user().email + ". The link works for 7 days."
                : AGENCY_ADDED.equals(done) ? "The agency has been added."
                : AGENCY_REMOVED.equals(done) ? "The agency has been removed."
                : action == null ? null : action.notice;
        return Templates.user(view, notice, FormErrors.none());
    }

    @RetriesConflicts
    @POST
    @Path("{id}/agencies")
    public Response addAgency(@PathParam("id") long id, @RestForm String agencyId) {
        FormErrors errors = users.addAgency(id, agencyId);
        if (errors.isEmpty()) {
            return Redirects.seeOther("/admin/users/" + id + "?done=" + AGENCY_ADDED);
        }
        return Response.status(400).entity(Templates.user(users.view(id), null, errors)).build();
    }

    @RetriesConflicts
    @POST
    @Path("{id}/agencies/{agencyId}/remove")
    public Response removeAgency(@PathParam("id") long id, @PathParam("agencyId") long agencyId) {
        String refusal = users.removeAgency(id, agencyId);
        if (refusal == null) {
            return Redirects.seeOther("/admin/users/" + id + "?done=" + AGENCY_REMOVED);
        }
        return Response.status(409).entity(Templates.user(users.view(id), null,
                FormErrors.none().add(UserAdminService.LeadAgency.removeId(agencyId), refusal))).build();
    }

    @GET
    @Path("{id}/{action}")
    public TemplateInstance confirm(@PathParam("id") long id, @PathParam("action") String action) {
        return Templates.confirm(users.confirmation(id, action(action)));
    }

    @RetriesConflicts
    @POST
    @Path("{id}/{action}")
    public Response act(@PathParam("id") long id, @PathParam("action") String path) {
        UserAction action = action(path);
        String refusal = users.act(id, action);
        if (refusal == null) {
            return Redirects.seeOther("/admin/users/" + id + "?done=" + action.path);
        }
        return Response.status(409).entity(Templates.confirm(users.confirmation(id, action))).build();
    }

    private static UserAction action(String path) {
        UserAction action = UserAction.fromPath(path);
        if (action == null) {
            throw new NotFoundException();
        }
        return action;
    }
}
