package org.s11portal.cycleadmin;

import org.jboss.resteasy.reactive.RestForm;
import org.s11portal.common.web.DateParts;
import org.s11portal.common.web.GovUkDate;
import org.s11portal.monitoring.Checkpoint;

/** A year-2 checkpoint as typed: its title ("Progress update by 31 March") and due date. */
public class CheckpointForm {

    public static final int MAX_TITLE = 200;

    @RestForm
    public String title;

    @RestForm("dueOn-day")
    public String day;

    @RestForm("dueOn-month")
    public String month;

    @RestForm("dueOn-year")
    public String year;

    record Parts(@GovUkDate(label = "The checkpoint's due date") DateParts dueOn) {
    }

    Parts parts() {
        return new Parts(new DateParts(day, month, year));
    }

    static CheckpointForm of(Checkpoint checkpoint) {
        CheckpointForm form = new CheckpointForm();
        form.title = checkpoint.title;
        DateParts parts = DateParts.of(checkpoint.dueOn);
        form.day = parts.day();
        form.month = parts.month();
        form.year = parts.year();
        return form;
    }
}
