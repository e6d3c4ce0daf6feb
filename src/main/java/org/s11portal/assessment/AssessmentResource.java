package org.s11portal.assessment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.s11portal.account.Roles;
import org.s11portal.common.persistence.RetriesConflicts;
import org.s11portal.common.persistence.Transactions;
import org.s11portal.common.web.Redirects;
import org.s11portal.tool.Standard;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

/** The agency lead's self-assessment pages: task list, standard pages, check answers and submit. */
@Path("/assessments/{id}")
@RolesAllowed({ Roles.AGENCY_LEAD, Roles.MODERATOR, Roles.PARTNERSHIP_ADMIN })
@Produces(MediaType.TEXT_HTML)
public class AssessmentResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance taskList(AssessmentWork work, Map<String, TaskStatus> standardStatuses,
                TaskStatus actionPlanStatus, List<SubmissionRules.Problem> problems, Long daysLeft,
                Map<String, List<ReviewComment>> comments, String saved, int carried, boolean canCarryForward,
                long answersToReview, long actionsToReview, SubmissionVersion latest);

        static native TemplateInstance standard(StandardPage page);

        static native TemplateInstance conflict(AssessmentWork work, Standard standard, List<AssessmentService.Conflict> conflicts,
                List<HiddenField> fields);

        static native TemplateInstance notEditable(AssessmentWork work);

        static native TemplateInstance history(AssessmentService.QuestionHistory history);
    }

    @Inject
    AssessmentService assessments;

    @GET
    public Response taskList(@PathParam("id") long id, @QueryParam("saved") String saved,
            @QueryParam("carried") Integer carried) {
        AssessmentService.TaskList page = assessments.taskList(id);
        AssessmentWork work = page.work();
        if (!work.draft) {
            return Redirects.seeOther(work.viewPath());
        }
        return Response.ok(Templates.taskList(work, page.standardStatuses(), page.actionPlanStatus(), page.problems(),
                page.daysLeft(), page.comments(), saved == null ? null : work.standard(saved) == null ? null : saved,
                carried == null ? -1 : carried, page.canCarryForward(), page.answersToReview(), page.actionsToReview(),
                page.latest())).build();
    }

    @GET
    @Path("standards/{code}")
    public Response standard(@PathParam("id") long id, @PathParam("code") String code) {
        StandardPage page = assessments.standardPage(id, code);
        if (!page.work().draft) {
            return Redirects.seeOther(page.work().viewPath() + "#standard-" + page.standard().code);
        }
        return Response.ok(Templates.standard(page)).build();
    }

    @POST
    @Path("standards/{code}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces({ MediaType.TEXT_HTML, MediaType.APPLICATION_JSON })
    public Response save(@PathParam("id") long id, @PathParam("code") String code, MultivaluedMap<String, String> form,
            @HeaderParam("X-Autosave") String autosave) {
        boolean confirm = autosave == null;
        // a conflict rolls the save back; the retry re-reads the answers and re-checks the versions the person read
        AssessmentService.StandardSave save = Transactions.retryingConflicts(() -> assessments.saveStandardPage(id, code, form, confirm));
        if (save.invalid() != null) {
            return autosave != null ? Response.status(422).type(MediaType.APPLICATION_JSON).entity("{\"saved\":false}").build()
                    : Response.status(400).entity(Templates.standard(save.invalid())).build();
        }
        AssessmentWork work = save.work();
        Standard standard = save.standard();
        AssessmentService.SaveResult result = save.result();
        if (result instanceof AssessmentService.NotEditable) {
            return Response.status(409).entity(Templates.notEditable(work)).build();
        }
        if (result instanceof AssessmentService.Conflicts conflicts) {
            if (autosave != null) {
                return Response.status(409).type(MediaType.APPLICATION_JSON).entity("{\"saved\":false,\"conflict\":true}").build();
            }
            return Response.status(409).entity(Templates.conflict(work, standard, conflicts.conflicts(),
                    resubmission(form, conflicts.conflicts()))).build();
        }
        AssessmentService.Saved saved = (AssessmentService.Saved) result;
        if (autosave != null) {
            return Response.ok(AnswerForms.versionsJson(saved.versions())).type(MediaType.APPLICATION_JSON).build();
        }
        Standard next = work.next(standard);
        if ("continue".equals(form.getFirst("action"))) {
            return Redirects.seeOther(next == null ? "/assessments/" + id + "/actions"
                    : "/assessments/" + id + "/standards/" + next.code);
        }
        return Redirects.seeOther("/assessments/" + id + "?saved=" + standard.code);
    }

    @RetriesConflicts
    @POST
    @Path("carry-forward")
    @RolesAllowed(Roles.AGENCY_LEAD)
    public Response carryForward(@PathParam("id") long id) {
        int copied = assessments.carryForward(id);
        return Redirects.seeOther("/assessments/" + id + "?carried=" + copied);
    }

    @GET
    @Path("questions/{questionId}/history")
    public TemplateInstance history(@PathParam("id") long id, @PathParam("questionId") long questionId) {
        return Templates.history(assessments.history(id, questionId));
    }

    public record HiddenField(String name, String value) {
    }

    /** The person's own answers again, now based on the other person's versions, for "Save my version". */
    private static List<HiddenField> resubmission(MultivaluedMap<String, String> form, List<AssessmentService.Conflict> conflicts) {
        Map<String, String> versions = new LinkedHashMap<>();
        conflicts.forEach(c -> versions.put("q" + c.question().id + "-version", String.valueOf(c.theirs().version)));
        List<HiddenField> fields = new ArrayList<>();
        form.forEach((name, values) -> {
            if (name.startsWith("q")) {
                values.forEach(value -> fields.add(new HiddenField(name, versions.getOrDefault(name, value))));
            }
        });
        return fields;
    }
}
