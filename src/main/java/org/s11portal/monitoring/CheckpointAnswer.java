package org.s11portal.monitoring;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * How an agency answered a checkpoint, the one rule: on time when its return was sent on or before the due date (UK
 * calendar day), late when after, missing when none was sent and the due date has passed; otherwise not due yet.
 */
public enum CheckpointAnswer {
    ON_TIME("Answered on time", "govuk-tag--green"),
    LATE("Answered late", "govuk-tag--orange"),
    MISSING("Missing", "govuk-tag--red"),
    NOT_DUE("Not due yet", "govuk-tag--grey");

    public final String label;
    public final String tagClass;

    CheckpointAnswer(String label, String tagClass) {
        this.label = label;
        this.tagClass = tagClass;
    }

    public static CheckpointAnswer of(Checkpoint checkpoint, CheckpointReturn sent, LocalDate today, ZoneId zone) {
        if (sent != null) {
            return LocalDate.ofInstant(sent.sentAt, zone).isAfter(checkpoint.dueOn) ? LATE : ON_TIME;
        }
        return today.isAfter(checkpoint.dueOn) ? MISSING : NOT_DUE;
    }
}
