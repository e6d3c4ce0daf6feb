package org.s11portal.actionplan;

import org.jboss.resteasy.reactive.RestForm;

/** What the action form posts. Dates come as day, month and year fields, the GOV.UK date-input pattern. */
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
}
