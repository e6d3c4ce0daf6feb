package org.s11portal.cycle;

import org.jboss.resteasy.reactive.RestForm;
import org.s11portal.common.web.DateParts;
import org.s11portal.common.web.GovUkDate;

/**
 * A later year-1 due date as typed (a GOV.UK date input named {@code newDue}) and the reason: an agency's own
 * extension (home.AgencyResource) and the extension of a cycle for everyone (cycleadmin) both post it.
 */
public class ExtensionForm {

    public static final int MAX_REASON = ExtensionService.MAX_REASON;

    @RestForm("newDue-day")
    public String day;

    @RestForm("newDue-month")
    public String month;

    @RestForm("newDue-year")
    public String year;

    @RestForm
    public String reason;

    /** The form's own check: the parts make a real date. */
    public record Parts(@GovUkDate(label = "The new due date") DateParts newDue) {
    }

    public Parts parts() {
        return new Parts(new DateParts(day, month, year));
    }
}
