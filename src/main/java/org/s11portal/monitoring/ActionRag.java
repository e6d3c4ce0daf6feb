package org.s11portal.monitoring;

import java.time.LocalDate;

import org.s11portal.assessment.ActionItem;
import org.s11portal.assessment.ActionStatus;

/**
 * The one place that says whether a year-2 action is overdue and what its red, amber or green is. Every page, the CSV
 * and the API ask here.
 * <ul>
 * <li>Overdue: its due (target) date has passed and it is still open (neither complete nor no longer needed).</li>
 * <li>Red: overdue; or at risk with its due date within {@link #NEAR_DUE_DAYS} days.</li>
 * <li>Amber: at risk (due later); or not started after its start date.</li>
 * <li>Green: everything else that is still wanted: on track, complete, not started before its start date.</li>
 * <li>No longer needed: no colour.</li>
 * </ul>
 */
public final class ActionRag {

    /** An action at risk this close to its due date is red: there is little time left to bring it back. */
    public static final int NEAR_DUE_DAYS = 28;

    public enum Rag {
        RED("Red", "govuk-tag--red"),
        AMBER("Amber", "govuk-tag--orange"),
        GREEN("Green", "govuk-tag--green"),
        NONE("Not rated", "govuk-tag--grey");

        public final String label;
        public final String tagClass;

        Rag(String label, String tagClass) {
            this.label = label;
            this.tagClass = tagClass;
        }
    }

    private ActionRag() {
    }

    public static boolean overdue(ActionItem action, LocalDate today) {
        return action.status.isOpen() && action.targetDate != null && action.targetDate.isBefore(today);
    }

    public static Rag rag(ActionItem action, LocalDate today) {
        if (action.status == ActionStatus.NO_LONGER_NEEDED) {
            return Rag.NONE;
        }
        if (overdue(action, today)) {
            return Rag.RED;
        }
        if (action.status == ActionStatus.AT_RISK) {
            boolean nearDue = action.targetDate != null && !action.targetDate.isAfter(today.plusDays(NEAR_DUE_DAYS));
            return nearDue ? Rag.RED : Rag.AMBER;
        }
        if (action.status == ActionStatus.NOT_STARTED && action.startDate != null && action.startDate.isBefore(today)) {
            return Rag.AMBER;
        }
        return Rag.GREEN;
    }
}
