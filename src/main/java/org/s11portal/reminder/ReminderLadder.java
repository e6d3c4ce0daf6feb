package org.s11portal.reminder;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * When a deadline is chased: 14, 7 and 1 days before it, then once a week while it is overdue. A day the job did not
 * run is caught up the next day (the nearest step not yet reached), and each step has its own key, so a step is sent
 * once however often the job runs.
 */
public final class ReminderLadder {

    static final int[] DAYS_BEFORE = {1, 7, 14};

    private ReminderLadder() {
    }

    /** One step of the ladder: {@code d14}, {@code d7}, {@code d1}, then {@code w1}, {@code w2}... while overdue. */
    public record Step(String key, long daysLeft) {

        public boolean overdue() {
            return daysLeft < 0;
        }

        public long daysOverdue() {
            return -daysLeft;
        }
    }

    /** The step that is due on {@code today} for a deadline on {@code due}, or null when nothing is due yet. */
    public static Step stepOn(LocalDate due, LocalDate today) {
        long daysLeft = ChronoUnit.DAYS.between(today, due);
        if (daysLeft < 0) {
            long week = (-daysLeft - 1) / 7 + 1;
            return new Step("w" + week, daysLeft);
        }
        for (int before : DAYS_BEFORE) {
            if (daysLeft <= before) {
                return new Step("d" + before, daysLeft);
            }
        }
        return null;
    }
}
