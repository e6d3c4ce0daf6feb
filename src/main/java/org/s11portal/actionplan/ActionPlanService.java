package org.s11portal.actionplan;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.s11portal.account.CurrentUser;
import org.s11portal.assessment.ActionItem;
import org.s11portal.assessment.ActionStatus;
import org.s11portal.assessment.Assessment;
import org.s11portal.assessment.AssessmentScope;
import org.s11portal.assessment.AssessmentState;
import org.s11portal.assessment.AssessmentWork;
import org.s11portal.assessment.SubmissionVersion;
import org.s11portal.common.template.TemplateExtensions;
import org.s11portal.common.web.DateInput;
import org.s11portal.common.web.FormErrors;
import org.s11portal.tool.Question;
import org.s11portal.tool.Standard;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
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

    /** The typed values of an action, checked for input errors only. */
    public record ActionInput(Standard standard, Question question, String gap, String action, String measure,
            String lead, String resources, LocalDate startDate, LocalDate targetDate, ActionStatus status, Integer version) {
    }

    public record Outcome(ActionItem saved, FormErrors errors, boolean conflict) {
    }

    /**
     * Why an action plan cannot be changed now: the assessment's state and when it was last submitted (null when
     * no submission is recorded). {@link #message} says it in words, for the pages and the API.
     */
    public record PlanLock(AssessmentState state, Instant submittedAt) {

        public String message() {
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
    @Transactional
    public PlanLock lock(AssessmentWork work) {
        if (work.isEditable()) {
            return null;
        }
        SubmissionVersion latest = SubmissionVersion.latest(work.assessment);
        return new PlanLock(work.assessment.state, latest == null ? null : latest.submittedAt);
    }

    public ActionInput read(AssessmentWork work, ActionForm form, FormErrors errors) {
        Standard standard = form.standard == null ? null : work.standard(form.standard.trim());
        if (standard == null) {
            errors.add("standard", "Select the standard this action serves");
        }
        Question question = null;
        if (standard != null && form.question != null && !form.question.isBlank()) {
            question = standard.questions.stream().filter(q -> q.code.equals(form.question.trim())).findFirst().orElse(null);
            if (question == null) {
                errors.add("question", "Select a question of " + standard.code + ", or none");
            }
        }
        for (String[] field : new String[][] { { "gap", form.gap }, { "action", form.action }, { "measure", form.measure },
                { "resources", form.resources } }) {
            if (field[1] != null && field[1].length() > MAX_TEXT) {
                errors.add(field[0], "Must be " + MAX_TEXT + " characters or fewer");
            }
        }
        if (form.lead != null && form.lead.length() > 200) {
            errors.add("lead", "Lead must be 200 characters or fewer");
        }
        LocalDate start = DateInput.read("startDate", "Start date", form.startDay, form.startMonth, form.startYear, errors);
        LocalDate target = DateInput.read("targetDate", "Target date", form.targetDay, form.targetMonth, form.targetYear, errors);
        ActionStatus status = ActionStatus.PLANNED;
        if (form.status != null && !form.status.isBlank()) {
            try {
                status = ActionStatus.valueOf(form.status);
            } catch (IllegalArgumentException e) {
                errors.add("status", "Select a status from the list");
            }
        }
        return new ActionInput(standard, question, clean(form.gap), clean(form.action), clean(form.measure),
                clean(form.lead), clean(form.resources), start, target, status, form.version);
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

    @Transactional
    public ActionItem get(long assessmentId, long actionId) {
        return find(scope.assessment(assessmentId), actionId);
    }

    public List<ActionItem.SmartProblem> smartProblems(AssessmentWork work, ActionItem item, LocalDate today) {
        return item.smartProblems(today, work.cycle.closes);
    }

    private Assessment editable(long assessmentId) {
        Assessment assessment = scope.assessmentToEdit(assessmentId);
        AssessmentWork work = AssessmentWork.load(assessment);
        if (!work.isEditable()) {
            throw new NotEditable(lock(work));
        }
        return assessment;
    }

    private void markInProgress(Assessment assessment) {
        if (assessment.state == AssessmentState.NOT_STARTED || assessment.state == AssessmentState.RETURNED) {
            assessment.moveTo(AssessmentState.IN_PROGRESS, currentUser.user(), "Action plan changed");
        }
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
