package org.s11portal.assessment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.s11portal.account.Roles;
import org.s11portal.common.config.PortalClock;
import org.s11portal.common.persistence.Transactions;
import org.s11portal.common.web.FormErrors;
import org.s11portal.tool.Standard;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The self-assessment as JSON, for agencies' own tools: the same scope, validation and submission rules as
 * the pages. Signed in by the session cookie; every change sends the CSRF token in the X-CSRF-TOKEN header
 * (the value of the csrf-token cookie). Errors are application/problem+json.
 */
@Path("/api/v1/assessments/{id}")
@RolesAllowed({ Roles.AGENCY_LEAD, Roles.MODERATOR, Roles.PARTNERSHIP_ADMIN })
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Self-assessment")
public class AssessmentApiResource {

    @Inject
    AssessmentService assessments;

    @Inject
    PortalClock clock;

    @Inject
    Validator validator;

    /**
     * showing: "draft" (the agency's own lead: current answers) or "submitted" (moderators and admins: only the
     * latest submitted version, never the draft); version: the submitted version shown, null for the draft or
     * when nothing has been submitted yet (then no answers, actions or problems).
     */
    public record AssessmentJson(long id, String agency, String cycle, String state, String showing, Integer version,
            LocalDate due, String toolVersion, List<StandardJson> standards, List<ActionJson> actions,
            List<ProblemJson> problems) {
    }

    public record StandardJson(String code, String title, String whatGoodLooksLike, List<String> reflectionPrompts,
            List<String> evidenceExamples, List<QuestionJson> questions) {
    }

    public record QuestionJson(String code, String text, String guidance, AnswerJson answer) {
    }

    /** An answer; as a request, only rating, the texts and version are read, and each text is checked for length. */
    public record AnswerJson(Rating rating,
            @Size(max = AnswerInput.MAX_TEXT, message = AnswerInput.TOO_LONG) String evidence,
            @Size(max = AnswerInput.MAX_TEXT, message = AnswerInput.TOO_LONG) String impact,
            @Size(max = AnswerInput.MAX_TEXT, message = AnswerInput.TOO_LONG) String naReason,
            Integer version, boolean carriedForward) {
    }

    public record ActionJson(Long id, String standard, String question, String gap, String action, String measure,
            String lead, String resources, LocalDate startDate, LocalDate targetDate, String status, Integer version,
            List<String> notSmart) {

        /** An action as it is now, with what it still lacks to be SMART on this day. */
        public static ActionJson of(ActionItem a, AssessmentWork work, LocalDate today) {
            return new ActionJson(a.id, a.standard.code, a.question == null ? null : a.question.code, a.gap, a.action,
                    a.measure, a.lead, a.resources, a.startDate, a.targetDate, a.status.name(), a.version,
                    a.smartProblems(today, work.cycle.closes).stream().map(ActionItem.SmartProblem::message).toList());
        }
    }

    public record ProblemJson(String standard, String message, String href) {
    }

    public record SubmitJson(String declaredByName, String declaredRole) {
    }

    @GET
    @Operation(summary = "The self-assessment with its tool, answers, actions and what still blocks submission;"
            + " moderators and admins get only the latest submitted version (showing, version)")
    public AssessmentJson get(@PathParam("id") long id) {
        AssessmentService.Reading reading = assessments.reading(id, null);
        return reading.work().draft ? json(reading.work()) : submittedJson(reading);
    }

    @PUT
    @Path("answers/{questionCode}")
    @RolesAllowed(Roles.AGENCY_LEAD)
    @Operation(summary = "Save one answer as a draft; send the version you read (absent for a new answer). 409 if someone saved in between")
    public Response saveAnswer(@PathParam("id") long id, @PathParam("questionCode") String questionCode, AnswerJson body) {
        if (body == null) {
            return problem(400, "Bad request", "Send the answer as JSON", null);
        }
        AnswerInput input = new AnswerInput(body.rating(), body.evidence(), body.impact(), body.naReason(), body.version());
        // a conflict rolls the save back; the retry re-reads the answers and re-checks the versions the person read
        AssessmentService.AnswerSave save = Transactions.retryingConflicts(
                () -> assessments.saveAnswer(id, questionCode, body, input));
        if (save.result() == null) {
            return problem(422, "Invalid answer", "Texts must be " + AnswerInput.MAX_TEXT + " characters or fewer", null);
        }
        AssessmentService.SaveResult result = save.result();
        if (result instanceof AssessmentService.NotEditable notEditable) {
            return problem(409, "Not editable", "The self-assessment is " + notEditable.state().label.toLowerCase(), null);
        }
        if (result instanceof AssessmentService.Conflicts) {
            return problem(409, "Conflict", "Someone else saved this answer after you read it: read it again", null);
        }
        return Response.ok(Map.of("version", ((AssessmentService.Saved) result).versions().getOrDefault(save.questionId(), 0))).build();
    }

    @POST
    @Path("submit")
    @RolesAllowed(Roles.AGENCY_LEAD)
    @Operation(summary = "Submit with the senior officer's sign-off; 422 lists every rule still failing")
    public Response submit(@PathParam("id") long id, SubmitJson body) {
        SignOff signOff = body == null ? new SignOff(null, null) : new SignOff(body.declaredByName(), body.declaredRole());
        if (!validator.validate(signOff).isEmpty()) {
            return problem(422, "Sign-off missing", "Give declaredByName and declaredRole (up to 120 characters each)", null);
        }
        AssessmentService.SubmitResult result = assessments.submit(id, signOff.declaredByName(), signOff.declaredRole());
        if (result instanceof AssessmentService.Refused refused) {
            List<ProblemJson> problems = refused.problems().stream()
                    .map(p -> new ProblemJson(p.standardCode(), p.message(), p.href())).toList();
            return problem(422, "Cannot submit yet", problems.size() + " rules are not met", problems);
        }
        SubmissionVersion version = ((AssessmentService.Submitted) result).version();
        return Response.ok(Map.of("version", version.number, "sha256", version.sha256)).build();
    }

    private AssessmentJson json(AssessmentWork work) {
        List<StandardJson> standards = new ArrayList<>();
        for (Standard s : work.standards) {
            List<QuestionJson> questions = s.questions.stream().map(q -> {
                Answer a = work.answer(q);
                return new QuestionJson(q.code, q.text, q.guidance, a == null ? null
                        : new AnswerJson(a.rating, a.evidence, a.impact, a.naReason, a.version, a.carriedForward));
            }).toList();
            standards.add(new StandardJson(s.code, s.title, s.goodLooksLike, s.reflectionPromptList(), s.evidenceExampleList(), questions));
        }
        List<ProblemJson> problems = SubmissionRules.problems(work, clock.today()).stream()
                .map(p -> new ProblemJson(p.standardCode(), p.message(), p.href())).toList();
        return new AssessmentJson(work.assessment.id, work.assessment.agency.name, work.cycle.name, work.assessment.state.name(),
                "draft", null, work.due(), work.cycle.tool.version, standards, work.actions.stream().map(a -> ActionJson.of(a, work, clock.today())).toList(), problems);
    }

    /** The latest submitted version (for those who may not read the draft), in the same shape. */
    private static AssessmentJson submittedJson(AssessmentService.Reading reading) {
        AssessmentWork work = reading.work();
        SubmissionSnapshot snapshot = reading.snapshot();
        Map<String, SubmissionSnapshot.AnswerEntry> answers = new LinkedHashMap<>();
        if (snapshot != null) {
            snapshot.standards().forEach(s -> s.answers().forEach(a -> answers.put(a.questionCode(), a)));
        }
        List<StandardJson> standards = new ArrayList<>();
        for (Standard s : work.standards) {
            List<QuestionJson> questions = s.questions.stream().map(q -> {
                SubmissionSnapshot.AnswerEntry a = answers.get(q.code);
                boolean given = a != null && (a.rating() != null || a.evidence() != null || a.impact() != null || a.naReason() != null);
                return new QuestionJson(q.code, q.text, q.guidance, !given ? null
                        : new AnswerJson(a.rating() == null ? null : Rating.valueOf(a.rating()), a.evidence(), a.impact(),
                                a.naReason(), null, false));
            }).toList();
            standards.add(new StandardJson(s.code, s.title, s.goodLooksLike, s.reflectionPromptList(), s.evidenceExampleList(), questions));
        }
        List<ActionJson> actions = snapshot == null ? List.of() : snapshot.actions().stream()
                .map(a -> new ActionJson(a.id(), a.standardCode(), a.questionCode(), a.gap(), a.action(), a.measure(), a.lead(),
                        a.resources(), a.startDate() == null ? null : LocalDate.parse(a.startDate()),
                        a.targetDate() == null ? null : LocalDate.parse(a.targetDate()), statusName(a.status()), null, List.of()))
                .toList();
        return new AssessmentJson(work.assessment.id, work.assessment.agency.name, work.cycle.name, work.assessment.state.name(),
                "submitted", reading.version() == null ? null : reading.version().number, work.due(), work.cycle.tool.version,
                standards, actions, List.of());
    }

    private static String statusName(String label) {
        for (ActionStatus status : ActionStatus.values()) {
            if (status.label.equals(label)) {
                return status.name();
            }
        }
        return label;
    }

    /** A form's errors as the API's problem list. */
    public static List<ProblemJson> errorList(FormErrors errors) {
        return errors.list().stream().map(e -> new ProblemJson(null, e.message(), e.field())).toList();
    }

    /** An application/problem+json answer (RFC 9457). */
    public static Response problem(int status, String title, String detail, List<ProblemJson> problems) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        if (problems != null) {
            body.put("problems", problems);
        }
        return Response.status(status).type("application/problem+json").entity(body).build();
    }
}
