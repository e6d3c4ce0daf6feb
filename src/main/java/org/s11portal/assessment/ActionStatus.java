package org.s11portal.assessment;

/** Where an action stands: the agency's own view, tracked through year 2. */
public enum ActionStatus {
    PLANNED("Planned"),
    IN_PROGRESS("In progress"),
    COMPLETED("Completed");

    public final String label;

    ActionStatus(String label) {
        this.label = label;
    }
}
