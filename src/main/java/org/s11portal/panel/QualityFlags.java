package org.s11portal.panel;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.s11portal.assessment.ActionItem;
import org.s11portal.assessment.Rating;
import org.s11portal.assessment.SubmissionRules;
import org.s11portal.assessment.SubmissionSnapshot;
import org.s11portal.survey.SurveyService;

/**
 * What a panel looks at first in a submission, each flag decided by the rule that owns it: no evidence of impact and
 * gap without action ({@link SubmissionRules}), not applicable without a reason, actions that are not SMART
 * ({@link ActionItem#smartProblems}) and staff-survey take-up below target ({@link SurveyService.TakeUp}).
 */
public final class QualityFlags {

    /** What a flag is about: tests and pages decide on this, never on the wording. */
    public enum Kind {
        NO_EVIDENCE_OF_IMPACT, GAP_WITHOUT_ACTION, NA_WITHOUT_REASON, ACTION_NOT_SMART, TAKE_UP_BELOW_TARGET
    }

    public record Flag(Kind kind, String standardCode, String message) {
    }

    private QualityFlags() {
    }

    /**
     * The flags of a submitted version: answers and actions as submitted, actions judged SMART on the day it was
     * submitted, and the agency's take-up now (null when unknown to the caller).
     */
    public static List<Flag> of(SubmissionSnapshot snapshot, LocalDate submittedOn, LocalDate cycleCloses,
            SurveyService.TakeUp takeUp) {
        List<Flag> flags = new ArrayList<>();
        if (snapshot != null) {
            for (SubmissionSnapshot.StandardEntry standard : snapshot.standards()) {
                for (SubmissionSnapshot.AnswerEntry answer : standard.answers()) {
                    if (answer.noImpact()) {
                        flags.add(new Flag(Kind.NO_EVIDENCE_OF_IMPACT, standard.code(),
                                answer.questionCode() + " is rated " + answer.ratingLabel().toLowerCase() + " with no evidence of impact"));
                    }
                    if (answer.rated() == Rating.NA && (answer.naReason() == null || answer.naReason().isBlank())) {
                        flags.add(new Flag(Kind.NA_WITHOUT_REASON, standard.code(),
                                answer.questionCode() + " is not applicable, with no reason given"));
                    }
                }
                if (SubmissionRules.gapWithoutAction(standard.answers().stream().map(SubmissionSnapshot.AnswerEntry::rated).toList(),
                        snapshot.actionsFor(standard.code()).size())) {
                    flags.add(new Flag(Kind.GAP_WITHOUT_ACTION, standard.code(),
                            standard.code() + " is partly or not in place, with no action"));
                }
            }
            for (SubmissionSnapshot.ActionEntry entry : snapshot.actions()) {
                List<ActionItem.SmartProblem> problems = asAction(entry).smartProblems(submittedOn, cycleCloses);
                if (!problems.isEmpty()) {
                    flags.add(new Flag(Kind.ACTION_NOT_SMART, entry.standardCode(), "An action for " + entry.standardCode()
                            + " is not SMART: " + problems.get(0).message().toLowerCase()));
                }
            }
        }
        if (takeUp != null && takeUp.belowTarget()) {
            flags.add(new Flag(Kind.TAKE_UP_BELOW_TARGET, null, takeUp.percent() == null
                    ? "Staff survey take-up is not known: the agency has not given its headcount"
                    : "Staff survey take-up is " + takeUp.percent() + "% (" + takeUp.responses() + " of " + takeUp.headcount()
                            + " staff), below the target of " + takeUp.targetPct() + "%"));
        }
        return flags;
    }

    /** The submitted action as an (unsaved) action, so the one SMART rule judges it. */
    private static ActionItem asAction(SubmissionSnapshot.ActionEntry entry) {
        ActionItem action = new ActionItem();
        action.gap = entry.gap();
        action.action = entry.action();
        action.measure = entry.measure();
        action.lead = entry.lead();
        action.resources = entry.resources();
        action.startDate = date(entry.startDate());
        action.targetDate = date(entry.targetDate());
        return action;
    }

    private static LocalDate date(String iso) {
        return iso == null || iso.isBlank() ? null : LocalDate.parse(iso);
    }
}
