package org.s11portal.letter;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.s11portal.assessment.Assessment;
import org.s11portal.cycle.Cycle;

/**
 * The agreed action plan is due a number of weeks after the agency's first feedback letter of the cycle was issued:
 * the cycle's {@link Cycle#actionPlanWeeks} (6 unless the admins set the cycle up otherwise).
 */
public final class ActionPlanDue {

    public static final int WEEKS_AFTER_LETTER = Cycle.DEFAULT_ACTION_PLAN_WEEKS;

    private ActionPlanDue() {
    }

    public static LocalDate afterLetterIssuedOn(LocalDate issuedOn) {
        return issuedOn.plusWeeks(WEEKS_AFTER_LETTER);
    }

    /** The due date in the cycle's own number of weeks after the first letter. */
    public static LocalDate afterLetterIssuedOn(LocalDate issuedOn, Cycle cycle) {
        return issuedOn.plusWeeks(cycle.actionPlanWeeks);
    }

    /** When the assessment's agreed action plan is due, or null while none of its letters has been issued. */
    public static LocalDate of(Assessment assessment, ZoneId zone) {
        Instant firstIssued = FeedbackLetter.getEntityManager()
                .createQuery("select min(l.issuedAt) from FeedbackLetter l where l.assessment = ?1", Instant.class)
                .setParameter(1, assessment).getSingleResult();
        return firstIssued == null ? null : afterLetterIssuedOn(LocalDate.ofInstant(firstIssued, zone), assessment.cycle);
    }
}
