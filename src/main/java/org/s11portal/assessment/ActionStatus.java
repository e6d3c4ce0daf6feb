package org.s11portal.assessment;

/**
 * Where an action stands, set by the agency when it plans the action and, in year 2, by each progress update.
 * Complete needs evidence of impact and no longer needed a reason (the progress update's rules).
 */
public enum ActionStatus {
    NOT_STARTED("Not started", "govuk-tag--grey"),
    ON_TRACK("On track", "govuk-tag--blue"),
    AT_RISK("At risk", "govuk-tag--orange"),
    COMPLETE("Complete", "govuk-tag--green"),
    NO_LONGER_NEEDED("No longer needed", "govuk-tag--grey");

    public final String label;
    public final String tagClass;

    ActionStatus(String label, String tagClass) {
        this.label = label;
        this.tagClass = tagClass;
    }

    /** The form value (as the shared radios tag reads it). */
    public String value() {
        return name();
    }

    /** The statuses an action can be given while the plan is written: complete and no longer needed come by update. */
    public static java.util.List<ActionStatus> open() {
        return java.util.Arrays.stream(values()).filter(ActionStatus::isOpen).toList();
    }

    /** Still to be done: neither complete nor no longer needed. Only open actions can be overdue or carried forward. */
    public boolean isOpen() {
        return this != COMPLETE && this != NO_LONGER_NEEDED;
    }
}
