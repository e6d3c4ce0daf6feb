package org.s11portal.actionplan;

import org.jboss.resteasy.reactive.RestForm;
import org.s11portal.common.web.DateParts;
import org.s11portal.common.web.GovUkDate;

/**
 * What the action form posts, as typed. Dates come as day, month and year fields, the GOV.UK date-input pattern:
 * this class checks only that they make real dates ({@link GovUkDate}); every other rule is on
 * {@link ActionPlanService.ActionFields}, which the API validates too.
 */
public class ActionForm {

    @RestForm
    public String standard;

    @RestForm
    public String question;

    @RestForm
    public String gap;

    @RestForm
    public String action;

    @RestForm
    public String measure;

    @RestForm
    public String lead;

    @RestForm
    public String resources;

    @RestForm("startDate-day")
    public String startDay;

    @RestForm("startDate-month")
    public String startMonth;

    @RestForm("startDate-year")
    public String startYear;

    @RestForm("targetDate-day")
    public String targetDay;

    @RestForm("targetDate-month")
    public String targetMonth;

    @RestForm("targetDate-year")
    public String targetYear;

    @RestForm
    public String status;

    @RestForm
    public Integer version;

    /**
     * The form's own check: the date parts make real dates. (A record, not getters here: Quarkus would validate a
     * constrained getter of this request-bound class as a method and throw.)
     */
    record Dates(@GovUkDate(label = "Start date") DateParts startDate, @GovUkDate(label = "Target date") DateParts targetDate) {
    }

    Dates dates() {
        return new Dates(new DateParts(startDay, startMonth, startYear), new DateParts(targetDay, targetMonth, targetYear));
    }

    /** The typed values; a date whose parts are not a real date is null (its error comes from {@link Dates}). */
    ActionPlanService.ActionFields fields() {
        Dates dates = dates();
        return new ActionPlanService.ActionFields(standard, question, gap, action, measure, lead, resources,
                dates.startDate().toDate(), dates.targetDate().toDate(), status, version);
    }
}
