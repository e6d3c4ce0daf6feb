package org.s11portal.assessment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;
import org.s11portal.common.persistence.EditableEntity;
import org.s11portal.tool.Question;
import org.s11portal.tool.Standard;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * One action of an agency's plan, linked to the standard it serves (and optionally a question). An action
 * that is not yet SMART is kept as a draft but blocks submission; {@link #smartProblems} says why.
 */
@Entity
@Table(name = "action_item")
@Audited
public class ActionItem extends EditableEntity {

    @NotAudited
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "assessment_id")
    public Assessment assessment;

    @NotAudited
    @ManyToOne(optional = false)
    @JoinColumn(name = "standard_id")
    public Standard standard;

    @NotAudited
    @ManyToOne
    @JoinColumn(name = "question_id")
    public Question question;

    @Column(columnDefinition = "text")
    public String gap;

    @Column(columnDefinition = "text")
    public String action;

    @Column(columnDefinition = "text")
    public String measure;

    @Column(length = 200)
    public String lead;

    @Column(columnDefinition = "text")
    public String resources;

    @Column(name = "start_date")
    public LocalDate startDate;

    @Column(name = "target_date")
    public LocalDate targetDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public ActionStatus status = ActionStatus.NOT_STARTED;

    @Column(name = "carried_forward", nullable = false)
    public boolean carriedForward;

    /** The name of the cycle this action was carried from, or null; unlike {@link #carriedForward} it stays after review. */
    @NotAudited
    @Column(name = "carried_from", length = 100)
    public String carriedFrom;

    /** The date of the panel day that required this action (accepted with required actions), or null for the agency's own. */
    @NotAudited
    @Column(name = "required_by_panel_on")
    public LocalDate requiredByPanelOn;

    /**
     * A copy of this action in another cycle's plan, under that cycle's standard of the same code (its question of the
     * same code, if any), marked carried forward from the named cycle; persisted.
     */
    public ActionItem carryInto(Assessment into, Standard intoStandard, String fromCycle) {
        ActionItem copy = new ActionItem();
        copy.assessment = into;
        copy.standard = intoStandard;
        copy.question = question == null ? null : intoStandard.questions.stream()
                .filter(q -> q.code.equals(question.code)).findFirst().orElse(null);
        copy.gap = gap;
        copy.action = action;
        copy.measure = measure;
        copy.lead = lead;
        copy.resources = resources;
        copy.startDate = startDate;
        copy.targetDate = targetDate;
        copy.status = status;
        copy.carriedForward = true;
        copy.carriedFrom = fromCycle;
        copy.persist();
        return copy;
    }

    public static List<ActionItem> forAssessment(Assessment assessment) {
        return list("assessment = ?1 order by standard.position, id", assessment);
    }

    /**
     * What keeps this action from being SMART, field by field (the field name is the form field's id):
     * empty when it is Specific, Measurable, Achievable, Relevant and Time-bound.
     */
    public List<SmartProblem> smartProblems(LocalDate today, LocalDate cycleCloses) {
        List<SmartProblem> problems = new ArrayList<>();
        if (blank(gap)) {
            problems.add(new SmartProblem("gap", "Describe the gap this action closes"));
        }
        if (blank(action)) {
            problems.add(new SmartProblem("action", "Say specifically what will be done"));
        }
        if (blank(measure)) {
            problems.add(new SmartProblem("measure", "Say how you will measure success"));
        }
        if (blank(lead)) {
            problems.add(new SmartProblem("lead", "Name the role that owns the action"));
        }
        if (blank(resources)) {
            problems.add(new SmartProblem("resources", "Say what resources make the action achievable"));
        }
        if (startDate == null) {
            problems.add(new SmartProblem("startDate", "Enter the start date"));
        }
        if (targetDate == null) {
            problems.add(new SmartProblem("targetDate", "Enter the target date"));
        } else if (!targetDate.isAfter(today)) {
            problems.add(new SmartProblem("targetDate", "Target date must be in the future"));
        } else if (targetDate.isAfter(cycleCloses)) {
            problems.add(new SmartProblem("targetDate", "Target date must be on or before the end of the cycle"));
        } else if (startDate != null && startDate.isAfter(targetDate)) {
            problems.add(new SmartProblem("targetDate", "Target date must be the same as or after the start date"));
        }
        return problems;
    }

    public record SmartProblem(String field, String message) {
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
