package org.s11portal.assessment;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.s11portal.cycle.Cycle;
import org.s11portal.cycle.DeadlineExtension;
import org.s11portal.tool.Question;
import org.s11portal.tool.Standard;

/**
 * Everything about one assessment that the rules, the task list and the pages need, loaded in one
 * transaction: the tool's standards, the answers by question, the action plan and the effective due date.
 */
public final class AssessmentWork {

    public final Assessment assessment;
    public final Cycle cycle;
    public final List<Standard> standards;
    public final Map<Long, Answer> answersByQuestion;
    public final List<ActionItem> actions;
    public final DeadlineExtension extension;
    /** Whether this holds the agency's current answers and actions (false for {@link #withoutDraft}). */
    public final boolean draft;

    private AssessmentWork(Assessment assessment, boolean withDraft) {
        this.assessment = assessment;
        this.cycle = assessment.cycle;
        this.standards = cycle.tool.standards;
        this.standards.forEach(s -> s.questions.size());
        this.answersByQuestion = withDraft ? Answer.forAssessment(assessment).stream()
                .collect(Collectors.toMap(a -> a.question.id, Function.identity())) : Map.of();
        this.actions = withDraft ? ActionItem.forAssessment(assessment) : List.of();
        this.extension = DeadlineExtension.latestFor(assessment.agency, cycle);
        this.draft = withDraft;
    }

    /** Call inside a transaction; the result can be read after it ends. */
    public static AssessmentWork load(Assessment assessment) {
        return new AssessmentWork(assessment, true);
    }

    /**
     * The assessment, its tool and dates without any of the agency's unsubmitted answers or actions: what
     * the pages get for someone who may not read the draft (see {@link DraftPrivacy}).
     */
    public static AssessmentWork withoutDraft(Assessment assessment) {
        return new AssessmentWork(assessment, false);
    }


    public Answer answer(Question question) {
        return answersByQuestion.get(question.id);
    }

    /**
     * The agency's due date: the cycle's (which "extend for everyone" moves), or the agency's own extension while that
     * is later; an own extension that ends earlier than the cycle's due date has become moot.
     */
    public LocalDate due() {
        return extension != null && extension.newDue.isAfter(cycle.year1Due) ? extension.newDue : cycle.year1Due;
    }

    public Standard standard(String code) {
        return standards.stream().filter(s -> s.code.equals(code)).findFirst().orElse(null);
    }

    public List<ActionItem> actionsFor(Standard standard) {
        return actions.stream().filter(a -> a.standard.id.equals(standard.id)).toList();
    }

    /** A standard with any question rated partly or not in place: it needs at least one SMART action. */
    public boolean hasGap(Standard standard) {
        return standard.questions.stream().map(this::answer)
                .anyMatch(a -> a != null && a.rating != null && a.rating.isGap());
    }

    public boolean isEditable() {
        return AssessmentLifecycle.isEditable(assessment.state);
    }

    /** The standard after this one, or null after the last. */
    public Standard next(Standard standard) {
        int index = standards.indexOf(standard);
        return index >= 0 && index + 1 < standards.size() ? standards.get(index + 1) : null;
    }

    /** "/assessments/12": the base of every page about this assessment. */
    public String path() {
        return "/assessments/" + assessment.id;
    }

    /** "/assessments/12/view": the read-only page, the one moderators and admins use. */
    public String viewPath() {
        return path() + "/view";
    }

    public String standardPath(Standard standard) {
        return path() + "/standards/" + standard.code;
    }
}
