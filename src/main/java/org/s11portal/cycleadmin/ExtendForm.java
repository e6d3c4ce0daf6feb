package org.s11portal.cycleadmin;

import org.jboss.resteasy.reactive.RestForm;
import org.s11portal.common.web.DateParts;
import org.s11portal.common.web.GovUkDate;

/** "Extend for everyone" as typed: the new self-assessment due date and the reason. */
public class ExtendForm {

    public static final int MAX_REASON = 2_000;

    @RestForm("newDue-day")
    public String day;

    @RestForm("newDue-month")
    public String month;

    @RestForm("newDue-year")
    public String year;

    @RestForm
    public String reason;

    record Parts(@GovUkDate(label = "The new due date") DateParts newDue) {
    }

    Parts parts() {
        return new Parts(new DateParts(day, month, year));
    }
}
