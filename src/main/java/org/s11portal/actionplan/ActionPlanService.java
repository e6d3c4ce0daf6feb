package org.s11portal.actionplan;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.s11portal.account.CurrentUser;
import org.s11portal.assessment.ActionItem;
import org.s11portal.assessment.ActionStatus;
import org.s11portal.assessment.Assessment;
import org.s11portal.assessment.AssessmentLifecycle;
import org.s11portal.assessment.AssessmentScope;
import org.s11portal.assessment.AssessmentService;
import org.s11portal.assessment.AssessmentState;
import org.s11portal.assessment.AssessmentWork;
import org.s11portal.assessment.SubmissionVersion;
import org.s11portal.common.template.TemplateExtensions;
import org.s11portal.common.web.DateWithin;
import org.s11portal.common.web.FormErrors;
import org.s11portal.common.web.InputProblem;
import org.s11portal.common.web.OneOf;
import org.s11portal.common.web.Violations;
import org.s11portal.tool.Question;
import org.s11portal.tool.Standard;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.NotFoundException;

/**
 * The SMART action plan. An action missing SMART parts is still saved (as a draft, flagged "not SMART"):
 * only a real input error (unknown standard, impossible date, too long) refuses the save.
 */
@ApplicationScoped
public class ActionPlanService {

    public static final int MAX_TEXT = 5_000;
    private static final ZoneId UK = ZoneId.of("Europe/London");

    @Inject
    AssessmentScope scope;

    @Inject
    CurrentUser currentUser;

    @Inject
    AssessmentLifecycle lifecycle;

    @Inject
    AssessmentService assessments;

    @Inject
    Validator validator;

    static final String SELECT_STANDARD = "Select the standard this action serves";
    static final String TOO_LONG = "Must be " + MAX_TEXT + " characters or fewer";
    /** Complete needs evidence of impact and no longer needed a reason: both are set by a year-2 progress update. */
    static final String NOT_WHILE_PLANNING = "Select not started, on track or at risk: an action is marked complete or"
            + " no longer needed by a progress update in year 2";

    /**
     * An action's values from the form or the JSON API, typed and not yet checked. Only input errors refuse a save;
     * an action that is not yet SMART is saved ({@link ActionItem#smartProblems}).
     */
    public record ActionFields(
            @NotBlank(message = SELECT_STANDARD) String standard,
            String question,
            @Size(max = MAX_TEXT, message = TOO_LONG) String gap,
            @Size(max = MAX_TEXT, message = TOO_LONG) String action,
            @Size(max = MAX_TEXT, message = TOO_LONG) String measure,
            @Size(max = 200, message = "Lead must be 200 characters or fewer") String lead,
            @Size(max = MAX_TEXT, message = TOO_LONG) String resources,
            @DateWithin(label = "Start date") LocalDate startDate,
            @DateWithin(label = "Target date") LocalDate targetDate,
            @OneOf(value = ActionStatus.class, message = "Select a status from the list") String status,
            Integer version) {
    }

    /** The outcome of {@link #check}: the input to save, or the problems that refuse it. */
    public record Checked(ActionInput input, List<InputProblem> problems) {
    }

    /** The typed values of an action, checked for input errors only. */
    public record ActionInput(Standard standard, Question question, String gap, String action, String measure,
            String lead, String resources, LocalDate startDate, LocalDate targetDate, ActionStatus status, Integer version) {
    }

    /**
     * Why an action plan cannot be changed now: the assessment's state and when it was last submitted (null when
     * no submission is recorded). {@link #message} says it in words, for the pages and the API.
     */
    public record PlanLock(AssessmentState state, Instant submittedAt, String closed) {

        public String message() {
            if (closed != null) {
                return closed;
            }
            String submitted = submittedAt == null ? "This action plan has been submitted"
                    : "This action plan was submitted on " + TemplateExtensions.format(LocalDate.ofInstant(submittedAt, UK));
            return switch (state) {
                case SUBMITTED -> submitted + " and cannot be changed unless a moderator returns it.";
                case MODERATED -> submitted + " and has been moderated, so it cannot be changed.";
                case FEEDBACK_ISSUED -> submitted + " and feedback has been issued, so it cannot be changed.";
                case MONITORING -> submitted + ". The cycle is now in year 2 monitoring, so the plan cannot be changed here.";
                case CLOSED -> submitted + ". The cycle is closed, so the plan cannot be changed.";
                default -> submitted + " and cannot be changed now.";
            };
        }
    }

    /**
     * A change refused because the assessment is not editable (submitted or later): nothing was saved. The resources
     * catch it to say why; uncaught it is still a 409, never a 500.
     */
    public static class NotEditable extends jakarta.ws.rs.ClientErrorException {

        public final transient PlanLock lock;

        NotEditable(PlanLock lock) {
            super("action plan not editable: " + lock.state(), 409);
            this.lock = lock;
        }
    }

    /** Why the plan cannot be changed now, or null while the assessment is editable. */
    private static PlanLock lock(Assessment assessment) {
        if (AssessmentLifecycle.isEditable(assessment.state)) {
            return null;
        }
        SubmissionVersion latest = SubmissionVersion.latest(assessment);
        return new PlanLock(assessment.state, latest == null ? null : latest.submittedAt,
                AssessmentLifecycle.closedReason(assessment));
    }

    /** The plan page: the assessment as the reader may see it, and why the plan cannot be changed (null if it can). */
    public record PlanPage(AssessmentWork work, PlanLock lock) {
    }

    @Transactional
    public PlanPage planPage(long assessmentId) {
        AssessmentWork work = assessments.work(scope.assessment(assessmentId));
        return new PlanPage(work, lock(work.assessment));
    }

    /** One action's page: the plan's page, and the action (404 when it is not one of the assessment's). */
    public record ActionPage(AssessmentWork work, ActionItem action, PlanLock lock) {
    }

    @Transactional
    public ActionPage actionPage(long assessmentId, long actionId) {
        Assessment assessment = scope.assessment(assessmentId);
        AssessmentWork work = assessments.work(assessment);
        return new ActionPage(work, work.draft ? find(assessment, actionId) : null, lock(assessment));
    }

    /**
     * Checks an action's values: their annotations, then what needs the tool (the standard is one of this cycle's,
     * the question one of the standard's). Problems are named by property; {@code input} is null when there are any.
     */
    public Checked check(AssessmentWork work, ActionFields fields) {
        List<InputProblem> problems = new ArrayList<>(Violations.problems(validator.validate(fields)));
        Standard standard = fields.standard() == null || fields.standard().isBlank() ? null : work.standard(fields.standard().trim());
        if (standard == null && fields.standard() != null && !fields.standard().isBlank()) {
            problems.add(new InputProblem("standard", SELECT_STANDARD));
        }
        Question question = null;
        if (standard != null && fields.question() != null && !fields.question().isBlank()) {
            question = standard.questions.stream().filter(q -> q.code.equals(fields.question().trim())).findFirst().orElse(null);
            if (question == null) {
                problems.add(new InputProblem("question", "Select a question of " + standard.code + ", or none"));
            }
        }
        if (problems.stream().noneMatch(p -> p.property().equals("status")) && fields.status() != null && !fields.status().isBlank()
                && !ActionStatus.valueOf(fields.status()).isOpen()) {
            problems.add(new InputProblem("status", NOT_WHILE_PLANNING));
        }
        if (!problems.isEmpty()) {
            return new Checked(null, problems);
        }
        ActionStatus status = fields.status() == null || fields.status().isBlank() ? ActionStatus.NOT_STARTED
                : ActionStatus.valueOf(fields.status());
        return new Checked(new ActionInput(standard, question, clean(fields.gap()), clean(fields.action()),
                clean(fields.measure()), clean(fields.lead()), clean(fields.resources()), fields.startDate(),
                fields.targetDate(), status, fields.version()), List.of());
    }

    /**
     * What posting the action form came to, with what the page needs to say so: {@code lock} when the plan cannot be
     * changed, {@code errors} when the input was refused, {@code saved} when done, {@code theirs} when someone else
     * saved the action after it was loaded (nothing overwritten). {@code existing} is the action as it was.
     */
    public record FormSave(AssessmentWork work, ActionItem existing, PlanLock lock, FormErrors errors, ActionItem saved,
            ActionItem theirs) {
    }

    /** Adds an action from the form: the plan's lock, then the form's dates, the values and the tool's rules. */
    @Transactional
    public FormSave createFromForm(long assessmentId, ActionForm form) {
        Assessment assessment = scope.assessment(assessmentId);
        AssessmentWork work = assessments.work(assessment);
        PlanLock lock = lock(assessment);
        if (lock != null) {
            return new FormSave(work, null, lock, FormErrors.none(), null, null);
        }
        Read read = read(work, form);
        if (read.input() == null) {
            return new FormSave(work, null, null, read.errors(), null, null);
        }
        return new FormSave(work, null, null, read.errors(), create(assessmentId, read.input()), null);
    }

    /** Changes an action from the form, as {@link #createFromForm}; a newer save by someone else comes back as theirs. */
    @Transactional
    public FormSave updateFromForm(long assessmentId, long actionId, ActionForm form) {
        Assessment assessment = scope.assessment(assessmentId);
        AssessmentWork work = assessments.work(assessment);
        ActionItem existing = find(assessment, actionId);
        PlanLock lock = lock(assessment);
        if (lock != null) {
            return new FormSave(work, existing, lock, FormErrors.none(), null, null);
        }
        Read read = read(work, form);
        if (read.input() == null) {
            return new FormSave(work, existing, null, read.errors(), null, null);
        }
        if (read.input().version() == null || read.input().version() != existing.version) {
            return new FormSave(work, existing, null, read.errors(), null, existing);
        }
        return new FormSave(work, existing, null, read.errors(), update(assessmentId, actionId, read.input()), null);
    }

    /** What the API's save came to: the problems that refused it, or the action saved, with the assessment. */
    public record ApiSave(AssessmentWork work, List<InputProblem> problems, ActionItem item) {
    }

    /**
     * Adds an action ({@code actionId} null) or changes one from the API's values, in one transaction: refused with
     * the problems when the input is wrong; {@link NotEditable} or {@link OptimisticLockException} as for
     * {@link #create} and {@link #update}.
     */
    @Transactional
    public ApiSave saveFromApi(long assessmentId, Long actionId, ActionFields fields) {
        AssessmentWork work = assessments.work(scope.assessment(assessmentId));
        Checked checked = check(work, fields);
        if (checked.input() == null) {
            return new ApiSave(work, checked.problems(), null);
        }
        ActionItem item = actionId == null ? create(assessmentId, checked.input())
                : update(assessmentId, actionId, checked.input());
        return new ApiSave(work, List.of(), item);
    }

    /** What the form says: the input to save, or the errors to show (input null). */
    private record Read(ActionInput input, FormErrors errors) {
    }

    /** The form's date parts first, then the action's values and the tool's rules. */
    private Read read(AssessmentWork work, ActionForm form) {
        List<InputProblem> parts = Violations.problems(validator.validate(form.dates()));
        Checked checked = check(work, form.fields());
        FormErrors errors = Violations.page(ActionForm.class, parts, checked.problems());
        return new Read(errors.any() ? null : checked.input(), errors);
    }

    @Transactional
    public ActionItem create(long assessmentId, ActionInput input) {
        Assessment assessment = editable(assessmentId);
        ActionItem item = new ActionItem();
        item.assessment = assessment;
        apply(item, input);
        item.persist();
        markInProgress(assessment);
        return item;
    }

    /** Updates from the version the person loaded; a newer save by someone else is a conflict, never overwritten. */
    @Transactional
    public ActionItem update(long assessmentId, long actionId, ActionInput input) {
        Assessment assessment = editable(assessmentId);
        ActionItem item = find(assessment, actionId);
        if (input.version() == null || input.version() != item.version) {
            throw new OptimisticLockException("action " + actionId + " changed since it was loaded");
        }
        apply(item, input);
        item.carriedForward = false;
        markInProgress(assessment);
        return item;
    }

    @Transactional
    public void delete(long assessmentId, long actionId) {
        Assessment assessment = editable(assessmentId);
        find(assessment, actionId).delete();
    }

    public List<ActionItem.SmartProblem> smartProblems(AssessmentWork work, ActionItem item, LocalDate today) {
        return item.smartProblems(today, work.cycle.closes);
    }

    /** The assessment, when the caller may change it and its state allows it: only its state is read to decide. */
    private Assessment editable(long assessmentId) {
        Assessment assessment = scope.assessmentToEdit(assessmentId);
        if (!AssessmentLifecycle.isEditable(assessment.state)) {
            throw new NotEditable(lock(assessment));
        }
        return assessment;
    }

    private void markInProgress(Assessment assessment) {
        lifecycle.edited(assessment, currentUser.user(), "Action plan changed", "Action plan changed");
    }

    private static ActionItem find(Assessment assessment, long actionId) {
        ActionItem item = ActionItem.findById(actionId);
        if (item == null || !item.assessment.id.equals(assessment.id)) {
            throw new NotFoundException();
        }
        return item;
    }

    private static void apply(ActionItem item, ActionInput input) {
        item.standard = input.standard();
        item.question = input.question();
        item.gap = input.gap();
        item.action = input.action();
        item.measure = input.measure();
        item.lead = input.lead();
        item.resources = input.resources();
        item.startDate = input.startDate();
        item.targetDate = input.targetDate();
        item.status = input.status();
    }

    private static String clean(String text) {
        return text == null || text.isBlank() ? null : text.replace("\r\n", "\n").strip();
    }
}
