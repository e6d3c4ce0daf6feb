package org.s11portal.letter;

import java.time.LocalDate;

/** The agreed action plan is due a fixed time after the agency's first feedback letter of the cycle was issued. */
public final class ActionPlanDue {

    public static final int WEEKS_AFTER_LETTER = 6;

    private ActionPlanDue() {
    }

    public static LocalDate afterLetterIssuedOn(LocalDate issuedOn) {
        return issuedOn.plusWeeks(WEEKS_AFTER_LETTER);
    }
}
