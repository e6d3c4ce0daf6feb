package org.s11portal.assessment;

/**
 * The state of an agency's submission in a cycle (not the rating of a question, nor a task's progress).
 * Year 1: NOT_STARTED to FEEDBACK_ISSUED, with returns; year 2: MONITORING to CLOSED.
 */
public enum AssessmentState {
    NOT_STARTED("Not started", "grey"),
    IN_PROGRESS("In progress", "light-blue"),
    SUBMITTED("Submitted", "blue"),
    RETURNED("Returned", "orange"),
    MODERATED("Moderated", "purple"),
    FEEDBACK_ISSUED("Feedback issued", "green"),
    MONITORING("Year 2 monitoring", "turquoise"),
    CLOSED("Closed", "grey");

    public final String label;
    /** govuk-tag colour modifier. */
    public final String tagColour;

    AssessmentState(String label, String tagColour) {
        this.label = label;
        this.tagColour = tagColour;
    }
}
