package org.s11portal.assessment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.s11portal.account.Roles;
import org.s11portal.common.config.PortalClock;
import org.s11portal.common.web.FormErrors;
import org.s11portal.common.web.Redirects;
import org.s11portal.tool.Question;
import org.s11portal.tool.Standard;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
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
    Validator validator;

    @Inject
    AssessmentService assessments;

    @Inject
    PortalClock clock;

    @GET
    public Response taskList(@PathParam("id") long id, @QueryParam("saved") String saved,
            @QueryParam("carried") Integer carried) {
        AssessmentWork work = assessments.work(id);
        if (!work.draft) {
            return Redirects.seeOther(work.viewPath());
        }
        Map<String, TaskStatus> statuses = new LinkedHashMap<>();
        work.standards.forEach(s -> statuses.put(s.code, SubmissionRules.standardStatus(work, s)));
        boolean nothingAnswered = work.answersByQuestion.values().stream().allMatch(Answer::isEmpty);
        // a cycle that has closed has no live deadline: its dates are history, never "N days overdue"
        Long daysLeft = clock.today().isAfter(work.cycle.closes) ? null : clock.daysUntil(work.due());
        return Response.ok(Templates.taskList(work, statuses, SubmissionRules.actionPlanStatus(work, clock.today()),
                SubmissionRules.problems(work, clock.today()), daysLeft,
                assessments.returnComments(id), saved == null ? null : work.standard(saved) == null ? null : saved,
                carried == null ? -1 : carried, work.isEditable() && nothingAnswered,
                SubmissionRules.answersToReview(work), SubmissionRules.actionsToReview(work),
                work.isEditable() ? null : assessments.latestVersion(id))).build();
    }

    @GET
    @Path("standards/{code}")
    public Response standard(@PathParam("id") long id, @PathParam("code") String code) {
        AssessmentWork work = assessments.work(id);
        Standard standard = standardOr404(work, code);
        if (!work.draft) {
            return Redirects.seeOther(work.viewPath() + "#standard-" + standard.code);
        }
        return Response.ok(Templates.standard(page(id, work, standard, null, FormErrors.none()))).build();
    }

    @POST
    @Path("standards/{code}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces({ MediaType.TEXT_HTML, MediaType.APPLICATION_JSON })
    public Response save(@PathParam("id") long id, @PathParam("code") String code, MultivaluedMap<String, String> form,
            @HeaderParam("X-Autosave") String autosave) {
        AssessmentWork work = assessments.work(id);
        Standard standard = standardOr404(work, code);
        FormErrors errors = FormErrors.none();
        Map<Long, AnswerInput> inputs = AnswerForms.read(standard, form, validator, errors);
        if (errors.any()) {
            return autosave != null ? Response.status(422).type(MediaType.APPLICATION_JSON).entity("{\"saved\":false}").build()
                    : Response.status(400).entity(Templates.standard(page(id, work, standard, inputs, errors))).build();
        }
        AssessmentService.SaveResult result;
        boolean confirm = autosave == null;
        try {
            result = assessments.saveStandard(id, code, inputs, confirm);
        } catch (OptimisticLockException e) {
            result = assessments.saveStandard(id, code, inputs, confirm);
        }
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

    private StandardPage page(long id, AssessmentWork work, Standard standard, Map<Long, AnswerInput> typed, FormErrors errors) {
        List<StandardPage.QuestionRow> rows = new ArrayList<>();
        for (Question question : standard.questions) {
            Answer saved = work.answer(question);
            AnswerInput input = typed == null ? null : typed.get(question.id);
            rows.add(new StandardPage.QuestionRow(question,
                    input != null ? input.rating() : saved == null ? null : saved.rating,
                    input != null ? input.evidence() : saved == null ? null : saved.evidence,
                    input != null ? input.impact() : saved == null ? null : saved.impact,
                    input != null ? input.naReason() : saved == null ? null : saved.naReason,
                    input != null ? input.version() : saved == null ? null : saved.version,
                    saved != null && saved.carriedForward,
                    SubmissionRules.answerProblems(work, question),
                    assessments.files(saved)));
        }
        List<SubmissionRules.Problem> standardProblems = SubmissionRules.standardProblems(work, standard).stream()
                .filter(p -> p.is(SubmissionRules.Kind.GAP_WITHOUT_ACTION)).toList();
        List<ReviewComment> comments = assessments.returnComments(id).getOrDefault(standard.code, List.of());
        return new StandardPage(work, standard, rows, standardProblems, comments, errors, List.of(Rating.values()));
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

    private static Standard standardOr404(AssessmentWork work, String code) {
        Standard standard = work.standard(code);
        if (standard == null) {
            throw new NotFoundException();
        }
        return standard;
    }

}
