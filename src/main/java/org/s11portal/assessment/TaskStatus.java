package org.s11portal.assessment;

/** A task's progress on the task list: kept apart from ratings and from the submission's state. */
public enum TaskStatus {
    NOT_STARTED("Not started", "govuk-tag--blue"),
    IN_PROGRESS("In progress", "govuk-tag--light-blue"),
    /** Answers or actions carried forward from last cycle that the lead has not yet confirmed or changed. */
    TO_REVIEW("To review", "govuk-tag--yellow"),
    ACTION_NEEDED("Action needed", "govuk-tag--red"),
    COMPLETED("Completed", "");

    public final String label;
    public final String tagClass;

    TaskStatus(String label, String tagClass) {
        this.label = label;
        this.tagClass = tagClass;
    }
}
