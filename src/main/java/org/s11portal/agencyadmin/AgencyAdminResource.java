package org.s11portal.agencyadmin;

import java.util.function.Supplier;

import org.jboss.resteasy.reactive.RestForm;
import org.s11portal.account.Roles;
import org.s11portal.common.persistence.RetriesConflicts;
import org.s11portal.common.web.FormErrors;
import org.s11portal.common.web.Redirects;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Agencies for partnership admins: list, page, create, edit, archive, restore, delete (AgencyAdminService decides). */
@Path("/admin/agencies")
@RolesAllowed(Roles.PARTNERSHIP_ADMIN)
@Produces(MediaType.TEXT_HTML)
public class AgencyAdminResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(AgencyAdminService.ListPage page);

        static native TemplateInstance agency(AgencyAdminService.AgencyView view, String done);

        static native TemplateInstance form(AgencyAdminService.FormPage page);

        static native TemplateInstance conflict(AgencyAdminService.Conflict conflict);

        static native TemplateInstance archive(AgencyAdminService.AgencyView view, String reason, FormErrors errors);

        static native TemplateInstance delete(AgencyAdminService.AgencyView view);
    }

    @Inject
    AgencyAdminService agencies;

    @GET
    public TemplateInstance list(@QueryParam("status") String status, @QueryParam("sector") String sector,
            @QueryParam("page") @DefaultValue("1") int page) {
        return Templates.list(agencies.list(status, sector, page));
    }

    @GET
    @Path("new")
    public TemplateInstance newForm() {
        return Templates.form(agencies.newForm());
    }

    @POST
    @Path("new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@BeanParam AgencyForm form) {
        return answer(retryOnce(() -> agencies.create(form)), "created");
    }

    @GET
    @Path("{id: [0-9]+}")
    public TemplateInstance agency(@PathParam("id") long id, @QueryParam("done") String done) {
        return Templates.agency(agencies.view(id), done);
    }

    @GET
    @Path("{id: [0-9]+}/edit")
    public TemplateInstance editForm(@PathParam("id") long id) {
        return Templates.form(agencies.editForm(id));
    }

    @POST
    @Path("{id: [0-9]+}/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("id") long id, @BeanParam AgencyForm form) {
        return answer(retryOnce(() -> agencies.update(id, form)), "changed");
    }

    @GET
    @Path("{id: [0-9]+}/archive")
    public TemplateInstance archiveForm(@PathParam("id") long id) {
        return Templates.archive(agencies.view(id), null, FormErrors.none());
    }

    @RetriesConflicts
    @POST
    @Path("{id: [0-9]+}/archive")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response archive(@PathParam("id") long id, @RestForm String reason) {
        FormErrors errors = agencies.archive(id, reason);
        if (errors.any()) {
            return Response.status(400).entity(Templates.archive(agencies.view(id), reason, errors)).build();
        }
        return Redirects.seeOther("/admin/agencies/" + id + "?done=archived");
    }

    @RetriesConflicts
    @POST
    @Path("{id: [0-9]+}/restore")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response restore(@PathParam("id") long id) {
        agencies.restore(id);
        return Redirects.seeOther("/admin/agencies/" + id + "?done=restored");
    }

    @GET
    @Path("{id: [0-9]+}/delete")
    public TemplateInstance deleteForm(@PathParam("id") long id) {
        return Templates.delete(agencies.view(id));
    }

    @RetriesConflicts
    @POST
    @Path("{id: [0-9]+}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delete(@PathParam("id") long id) {
        if (!agencies.delete(id)) {
            return Response.status(409).entity(Templates.delete(agencies.view(id))).build();
        }
        return Redirects.seeOther("/admin/agencies?deleted=1");
    }

    private static Response answer(AgencyAdminService.Save save, String done) {
        if (save instanceof AgencyAdminService.Invalid invalid) {
            return Response.status(400).entity(Templates.form(invalid.page())).build();
        }
        if (save instanceof AgencyAdminService.Conflicted conflicted) {
            return Response.status(409).entity(Templates.conflict(conflicted.conflict())).build();
        }
        return Redirects.seeOther("/admin/agencies/" + ((AgencyAdminService.Saved) save).id() + "?done=" + done);
    }

    /**
     * A save that lost a race when it was written (someone saved the agency, or took the name, in between) is asked
     * once more: the second call sees the other save and answers with the conflict or the error.
     */
    private static AgencyAdminService.Save retryOnce(Supplier<AgencyAdminService.Save> save) {
        try {
            return save.get();
        } catch (PersistenceException e) {
            return save.get();
        }
    }
}
