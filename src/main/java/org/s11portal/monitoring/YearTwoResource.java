package org.s11portal.monitoring;

import java.util.List;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.s11portal.account.Roles;
import org.s11portal.assessment.ActionStatus;
import org.s11portal.assessment.EvidenceFileName;
import org.s11portal.common.persistence.RetriesConflicts;
import org.s11portal.common.web.FormErrors;
import org.s11portal.common.web.Redirects;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

/**
 * The agency lead's "Your action plan" in year 2: agree the plan, post progress updates per action, send checkpoint
 * returns. Updates are append-only: there is no route to change or delete one.
 */
@Path("/assessments/{id}/year-2")
@RolesAllowed(Roles.AGENCY_LEAD)
@Produces(MediaType.TEXT_HTML)
public class YearTwoResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance plan(MonitoringService.YearTwo view, String done);

        static native TemplateInstance action(MonitoringService.YearTwo view, MonitoringService.ActionRow row,
                MonitoringService.UpdateInput typed, FormErrors errors, List<ActionStatus> statuses, List<String> chooseAgain);

        static native TemplateInstance checkpoint(MonitoringService.YearTwo view, MonitoringService.CheckpointRow checkpoint,
                String summary, FormErrors errors);

        /** A change refused because of the plan's state: why, and what the person typed so nothing is lost. */
        static native TemplateInstance notNow(MonitoringService.YearTwo view, String reason, List<String> typed);
    }

    @Inject
    MonitoringService monitoring;

    @GET
    public TemplateInstance plan(@PathParam("id") long id, @QueryParam("done") String done) {
        return Templates.plan(monitoring.leadView(id), done);
    }

    @POST
    @Path("agree")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response agree(@PathParam("id") long id) {
        try {
            monitoring.agreePlan(id);
        } catch (MonitoringService.NotNow e) {
            return notNow(id, e, List.of());
        }
        return Redirects.seeOther("/assessments/" + id + "/year-2?done=agreed");
    }

    @GET
    @Path("actions/{actionId}")
    public TemplateInstance action(@PathParam("id") long id, @PathParam("actionId") long actionId) {
        MonitoringService.YearTwo view = monitoring.leadView(id);
        MonitoringService.ActionRow row = view.row(actionId);
        return Templates.action(view, row, new MonitoringService.UpdateInput(row.action().status.name(), null, null, null, null),
                FormErrors.none(), List.of(ActionStatus.values()), List.of());
    }

    @RetriesConflicts
    @POST
    @Path("actions/{actionId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response postUpdate(@PathParam("id") long id, @PathParam("actionId") long actionId, MultivaluedMap<String, String> form) {
        return post(id, actionId, new MonitoringService.UpdateInput(form.getFirst("status"), form.getFirst("done"),
                form.getFirst("childrenChange"), form.getFirst("evidence"), form.getFirst("reason")), List.of());
    }

    /** The update form as the page sends it, with any files chosen. */
    @RetriesConflicts
    @POST
    @Path("actions/{actionId}")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response postUpdateWithFiles(@PathParam("id") long id, @PathParam("actionId") long actionId,
            @RestForm String status, @RestForm String done, @RestForm String childrenChange, @RestForm String evidence,
            @RestForm String reason, @RestForm("files") List<FileUpload> files) {
        List<MonitoringService.Attachment> attachments = files == null ? List.of() : files.stream()
                .filter(f -> f.fileName() != null && !f.fileName().isBlank())
                .map(f -> new MonitoringService.Attachment(f.fileName(), f.uploadedFile())).toList();
        return post(id, actionId, new MonitoringService.UpdateInput(status, done, childrenChange, evidence, reason), attachments);
    }

    private Response post(long id, long actionId, MonitoringService.UpdateInput input, List<MonitoringService.Attachment> files) {
        MonitoringService.Posted posted;
        try {
            posted = monitoring.postUpdate(id, actionId, input, files);
        } catch (MonitoringService.NotNow e) {
            return notNow(id, e, typed(input.done(), input.childrenChange(), input.evidence(), input.reason()));
        }
        if (posted.update() == null) {
            // a browser cannot be sent its chosen files back: name them so they can be chosen again
            List<String> chooseAgain = files.stream().map(f -> EvidenceFileName.cleaned(f.sentName()).name()).toList();
            return Response.status(400).entity(Templates.action(posted.view(), posted.row(), input, posted.errors(),
                    List.of(ActionStatus.values()), chooseAgain)).build();
        }
        return Redirects.seeOther("/assessments/" + id + "/year-2?done=update#action-" + actionId);
    }

    /** A file posted with a progress update: for the agency's lead and moderators in scope (404 for anyone else). */
    @GET
    @Path("files/{fileId}")
    @Produces(MediaType.WILDCARD)
    @RolesAllowed({ Roles.AGENCY_LEAD, Roles.MODERATOR })
    public Response download(@PathParam("id") long id, @PathParam("fileId") long fileId) {
        return monitoring.download(id, fileId).download();
    }

    @GET
    @Path("checkpoints/{checkpointId}")
    public TemplateInstance checkpoint(@PathParam("id") long id, @PathParam("checkpointId") long checkpointId) {
        MonitoringService.YearTwo view = monitoring.leadView(id);
        return Templates.checkpoint(view, view.checkpoints().stream().filter(c -> c.checkpoint().id == checkpointId).findFirst()
                .orElseThrow(jakarta.ws.rs.NotFoundException::new), null, FormErrors.none());
    }

    @POST
    @Path("checkpoints/{checkpointId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response sendReturn(@PathParam("id") long id, @PathParam("checkpointId") long checkpointId,
            MultivaluedMap<String, String> form) {
        String summary = form.getFirst("summary");
        MonitoringService.Returned returned;
        try {
            returned = monitoring.sendReturn(id, checkpointId, summary);
        } catch (MonitoringService.NotNow e) {
            return notNow(id, e, typed(summary));
        }
        if (!returned.sent()) {
            return Response.status(400).entity(Templates.checkpoint(returned.view(), returned.checkpoint(), summary,
                    returned.errors())).build();
        }
        return Redirects.seeOther("/assessments/" + id + "/year-2?done=return#checkpoints");
    }

    private Response notNow(long id, MonitoringService.NotNow e, List<String> typed) {
        return Response.status(409).entity(Templates.notNow(monitoring.leadView(id), e.reason, typed)).build();
    }

    private static List<String> typed(String... texts) {
        return java.util.Arrays.stream(texts).filter(t -> t != null && !t.isBlank()).toList();
    }
}
