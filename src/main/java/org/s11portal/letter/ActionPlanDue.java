package org.s11portal.letter;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.s11portal.assessment.Assessment;

/** The agreed action plan is due a fixed time after the agency's first feedback letter of the cycle was issued. */
public final class ActionPlanDue {

    public static final int WEEKS_AFTER_LETTER = 6;

    private ActionPlanDue() {
    }

    public static LocalDate afterLetterIssuedOn(LocalDate issuedOn) {
        return issuedOn.plusWeeks(WEEKS_AFTER_LETTER);
    }

    /** When the assessment's agreed action plan is due, or null while none of its letters has been issued. */
    public static LocalDate of(Assessment assessment, ZoneId zone) {
        Instant firstIssued = FeedbackLetter.getEntityManager()
                .createQuery("select min(l.issuedAt) from FeedbackLetter l where l.assessment = ?1", Instant.class)
                .setParameter(1, assessment).getSingleResult();
        return firstIssued == null ? null : afterLetterIssuedOn(LocalDate.ofInstant(firstIssued, zone));
    }
}
