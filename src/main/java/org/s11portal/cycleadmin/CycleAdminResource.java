package org.s11portal.cycleadmin;

import java.util.List;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.s11portal.account.Roles;
import org.s11portal.common.persistence.RetriesConflicts;
import org.s11portal.common.web.Redirects;
import org.s11portal.cycle.Cycle;
import org.s11portal.cycle.ExtensionForm;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Audit cycles for partnership admins: every admin reads them; the HIPS admin creates, changes, opens, extends and
 * closes them ({@link CycleAdminService}; anyone else gets 404 on those routes).
 */
@Path("/admin/cycles")
@RolesAllowed(Roles.PARTNERSHIP_ADMIN)
@Produces(MediaType.TEXT_HTML)
public class CycleAdminResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(CycleAdminService.ListPage page);

        static native TemplateInstance form(CycleAdminService.FormPage page);

        static native TemplateInstance show(CycleAdminService.CyclePage page, String done);

        static native TemplateInstance check(CycleAdminService.CheckPage page);

        static native TemplateInstance extend(CycleAdminService.ExtendPage page);

        static native TemplateInstance close(Cycle cycle);

        static native TemplateInstance participants(CycleAdminService.ParticipantsPage page);

        static native TemplateInstance checkpoint(CycleAdminService.CheckpointPage page);

        static native TemplateInstance notNow(long cycleId, String cycleName, String message);
    }

    @Inject
    CycleAdminService cycles;

    @ServerExceptionMapper
    public Response notNow(CycleAdminService.NotNow refusal) {
        return Response.status(409).type(MediaType.TEXT_HTML)
                .entity(Templates.notNow(refusal.cycleId, refusal.cycleName, refusal.getMessage())).build();
    }

    @GET
    public TemplateInstance list(@QueryParam("page") Integer page) {
        return Templates.list(cycles.list(page == null ? 1 : page));
    }

    @GET
    @Path("new")
    public TemplateInstance newForm() {
        return Templates.form(cycles.newForm());
    }

    @RetriesConflicts
    @POST
    @Path("new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@BeanParam CycleForm form) {
        return saved(cycles.create(form), "created");
    }

    @GET
    @Path("{id}")
    public TemplateInstance show(@PathParam("id") long id, @QueryParam("done") String done) {
        return Templates.show(cycles.cyclePage(id), done);
    }

    @GET
    @Path("{id}/edit")
    public TemplateInstance editForm(@PathParam("id") long id) {
        return Templates.form(cycles.editForm(id));
    }

    @RetriesConflicts
    @POST
    @Path("{id}/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response edit(@PathParam("id") long id, @BeanParam CycleForm form) {
        return saved(cycles.edit(id, form), "changed");
    }

    private static Response saved(CycleAdminService.Saved saved, String done) {
        if (saved instanceof CycleAdminService.Refused refused) {
            return Response.status(400).entity(Templates.form(refused.page())).build();
        }
        return Redirects.seeOther("/admin/cycles/" + ((CycleAdminService.Done) saved).cycleId() + "?done=" + done);
    }

    /** "Check your answers" before opening. */
    @GET
    @Path("{id}/open")
    public TemplateInstance check(@PathParam("id") long id) {
        return Templates.check(cycles.checkPage(id));
    }

    @RetriesConflicts
    @POST
    @Path("{id}/open")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response open(@PathParam("id") long id) {
        CycleAdminService.CheckPage refused = cycles.open(id);
        if (refused != null) {
            return Response.status(409).entity(Templates.check(refused)).build();
        }
        return Redirects.seeOther("/admin/cycles/" + id + "?done=opened");
    }

    @GET
    @Path("{id}/extend")
    public TemplateInstance extendForm(@PathParam("id") long id) {
        return Templates.extend(cycles.extendForm(id));
    }

    @RetriesConflicts
    @POST
    @Path("{id}/extend")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response extend(@PathParam("id") long id, @BeanParam ExtensionForm form) {
        CycleAdminService.ExtendPage refused = cycles.extend(id, form);
        if (refused != null) {
            return Response.status(400).entity(Templates.extend(refused)).build();
        }
        return Redirects.seeOther("/admin/cycles/" + id + "?done=extended");
    }

    @GET
    @Path("{id}/close")
    public TemplateInstance closeForm(@PathParam("id") long id) {
        return Templates.close(cycles.closeForm(id));
    }

    @RetriesConflicts
    @POST
    @Path("{id}/close")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response close(@PathParam("id") long id) {
        cycles.close(id);
        return Redirects.seeOther("/admin/cycles/" + id + "?done=closed");
    }

    @GET
    @Path("{id}/participants")
    public TemplateInstance participantsForm(@PathParam("id") long id) {
        return Templates.participants(cycles.participantsForm(id));
    }

    @RetriesConflicts
    @POST
    @Path("{id}/participants")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addParticipants(@PathParam("id") long id, @RestForm("participants") List<String> agencyIds) {
        CycleAdminService.Added added = cycles.addParticipants(id, agencyIds);
        if (added.refused() != null) {
            return Response.status(400).entity(Templates.participants(added.refused())).build();
        }
        return Redirects.seeOther("/admin/cycles/" + id + "?done=participants#participants");
    }

    @GET
    @Path("{id}/checkpoints/new")
    public TemplateInstance newCheckpoint(@PathParam("id") long id) {
        return Templates.checkpoint(cycles.checkpointForm(id, null));
    }

    @RetriesConflicts
    @POST
    @Path("{id}/checkpoints/new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addCheckpoint(@PathParam("id") long id, @BeanParam CheckpointForm form) {
        return checkpointSaved(id, cycles.saveCheckpoint(id, null, form));
    }

    @GET
    @Path("{id}/checkpoints/{checkpointId}")
    public TemplateInstance checkpointForm(@PathParam("id") long id, @PathParam("checkpointId") long checkpointId) {
        return Templates.checkpoint(cycles.checkpointForm(id, checkpointId));
    }

    @RetriesConflicts
    @POST
    @Path("{id}/checkpoints/{checkpointId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changeCheckpoint(@PathParam("id") long id, @PathParam("checkpointId") long checkpointId,
            @BeanParam CheckpointForm form) {
        return checkpointSaved(id, cycles.saveCheckpoint(id, checkpointId, form));
    }

    @RetriesConflicts
    @POST
    @Path("{id}/checkpoints/{checkpointId}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response deleteCheckpoint(@PathParam("id") long id, @PathParam("checkpointId") long checkpointId) {
        cycles.deleteCheckpoint(id, checkpointId);
        return Redirects.seeOther("/admin/cycles/" + id + "?done=checkpoints#checkpoints");
    }

    private static Response checkpointSaved(long id, CycleAdminService.CheckpointPage refused) {
        if (refused != null) {
            return Response.status(400).entity(Templates.checkpoint(refused)).build();
        }
        return Redirects.seeOther("/admin/cycles/" + id + "?done=checkpoints#checkpoints");
    }
}
