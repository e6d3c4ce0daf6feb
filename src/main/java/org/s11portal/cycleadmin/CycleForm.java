package org.s11portal.cycleadmin;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jboss.resteasy.reactive.RestForm;
import org.s11portal.common.web.DateParts;
import org.s11portal.common.web.GovUkDate;
import org.s11portal.cycle.Cycle;

/**
 * The "Create a cycle" and "Change the cycle" form as typed: the name, tool version, every date as a GOV.UK date
 * input, the take-up target, the action plan's weeks and the agencies taking part. The fields are in the order of
 * the page, so the error summary lists problems in that order.
 */
public class CycleForm {

    @RestForm
    public String name;

    @RestForm
    public String tool;

    @RestForm("year1Opens-day")
    public String year1OpensDay;

    @RestForm("year1Opens-month")
    public String year1OpensMonth;

    @RestForm("year1Opens-year")
    public String year1OpensYear;

    @RestForm("year1Due-day")
    public String year1DueDay;

    @RestForm("year1Due-month")
    public String year1DueMonth;

    @RestForm("year1Due-year")
    public String year1DueYear;

    @RestForm("surveyOpens-day")
    public String surveyOpensDay;

    @RestForm("surveyOpens-month")
    public String surveyOpensMonth;

    @RestForm("surveyOpens-year")
    public String surveyOpensYear;

    @RestForm("surveyCloses-day")
    public String surveyClosesDay;

    @RestForm("surveyCloses-month")
    public String surveyClosesMonth;

    @RestForm("surveyCloses-year")
    public String surveyClosesYear;

    @RestForm("panel1-day")
    public String panel1Day;

    @RestForm("panel1-month")
    public String panel1Month;

    @RestForm("panel1-year")
    public String panel1Year;

    @RestForm("panel2-day")
    public String panel2Day;

    @RestForm("panel2-month")
    public String panel2Month;

    @RestForm("panel2-year")
    public String panel2Year;

    @RestForm("panel3-day")
    public String panel3Day;

    @RestForm("panel3-month")
    public String panel3Month;

    @RestForm("panel3-year")
    public String panel3Year;

    @RestForm("panel4-day")
    public String panel4Day;

    @RestForm("panel4-month")
    public String panel4Month;

    @RestForm("panel4-year")
    public String panel4Year;

    @RestForm("lettersBy-day")
    public String lettersByDay;

    @RestForm("lettersBy-month")
    public String lettersByMonth;

    @RestForm("lettersBy-year")
    public String lettersByYear;

    @RestForm("year2Due-day")
    public String year2DueDay;

    @RestForm("year2Due-month")
    public String year2DueMonth;

    @RestForm("year2Due-year")
    public String year2DueYear;

    @RestForm("closes-day")
    public String closesDay;

    @RestForm("closes-month")
    public String closesMonth;

    @RestForm("closes-year")
    public String closesYear;

    @RestForm
    public String takeupTargetPct;

    @RestForm
    public String actionPlanWeeks;

    /**
     * Which agencies take part: {@link #ALL_AGENCIES} (the default: the form then posts no agency at all, however many
     * there are) or {@link #CHOSEN_AGENCIES}, those ticked in {@link #participants}.
     */
    @RestForm
    public String which = ALL_AGENCIES;

    @RestForm
    public List<String> participants = new ArrayList<>();

    public static final String ALL_AGENCIES = "all";
    public static final String CHOSEN_AGENCIES = "chosen";

    /** The dates as typed, each checked to be a real date by {@link GovUkDate}. */
    public record Dates(
            @GovUkDate(label = "Year 1 opens") DateParts year1Opens,
            @GovUkDate(label = "Self-assessment due") DateParts year1Due,
            @GovUkDate(label = "Staff survey opens") DateParts surveyOpens,
            @GovUkDate(label = "Staff survey closes") DateParts surveyCloses,
            @GovUkDate(label = "Planned panel date 1") DateParts panel1,
            @GovUkDate(label = "Planned panel date 2") DateParts panel2,
            @GovUkDate(label = "Planned panel date 3") DateParts panel3,
            @GovUkDate(label = "Planned panel date 4") DateParts panel4,
            @GovUkDate(label = "Letters sent by") DateParts lettersBy,
            @GovUkDate(label = "Year 2 progress update due") DateParts year2Due,
            @GovUkDate(label = "Cycle closes") DateParts closes) {

        /** The planned panel dates given, in the order typed. */
        List<LocalDate> panelDates() {
            List<LocalDate> dates = new ArrayList<>();
            for (DateParts parts : List.of(panel1, panel2, panel3, panel4)) {
                if (parts.toDate() != null) {
                    dates.add(parts.toDate());
                }
            }
            return dates;
        }
    }

    public Dates dates() {
        return new Dates(new DateParts(year1OpensDay, year1OpensMonth, year1OpensYear), new DateParts(year1DueDay, year1DueMonth, year1DueYear), new DateParts(surveyOpensDay, surveyOpensMonth, surveyOpensYear), new DateParts(surveyClosesDay, surveyClosesMonth, surveyClosesYear), new DateParts(panel1Day, panel1Month, panel1Year), new DateParts(panel2Day, panel2Month, panel2Year), new DateParts(panel3Day, panel3Month, panel3Year), new DateParts(panel4Day, panel4Month, panel4Year), new DateParts(lettersByDay, lettersByMonth, lettersByYear), new DateParts(year2DueDay, year2DueMonth, year2DueYear), new DateParts(closesDay, closesMonth, closesYear));
    }

    /** The form filled in from a saved cycle (to change it). */
    static CycleForm of(Cycle cycle, List<Long> participantIds) {
        CycleForm form = new CycleForm();
        form.name = cycle.name;
        form.tool = String.valueOf(cycle.tool.id);
        List<LocalDate> panels = cycle.plannedPanelDates;
        form.fill(new Dates(DateParts.of(cycle.year1Opens), DateParts.of(cycle.year1Due), DateParts.of(cycle.surveyOpens),
                DateParts.of(cycle.surveyCloses), DateParts.of(panels.size() > 0 ? panels.get(0) : null),
                DateParts.of(panels.size() > 1 ? panels.get(1) : null), DateParts.of(panels.size() > 2 ? panels.get(2) : null),
                DateParts.of(panels.size() > 3 ? panels.get(3) : null), DateParts.of(cycle.lettersBy),
                DateParts.of(cycle.year2Due), DateParts.of(cycle.closes)));
        form.takeupTargetPct = String.valueOf(cycle.takeupTargetPct);
        form.actionPlanWeeks = String.valueOf(cycle.actionPlanWeeks);
        form.participants = participantIds.stream().map(String::valueOf).toList();
        return form;
    }

    private void fill(Dates dates) {
        year1OpensDay = dates.year1Opens().day();
        year1OpensMonth = dates.year1Opens().month();
        year1OpensYear = dates.year1Opens().year();
        year1DueDay = dates.year1Due().day();
        year1DueMonth = dates.year1Due().month();
        year1DueYear = dates.year1Due().year();
        surveyOpensDay = dates.surveyOpens().day();
        surveyOpensMonth = dates.surveyOpens().month();
        surveyOpensYear = dates.surveyOpens().year();
        surveyClosesDay = dates.surveyCloses().day();
        surveyClosesMonth = dates.surveyCloses().month();
        surveyClosesYear = dates.surveyCloses().year();
        panel1Day = dates.panel1().day();
        panel1Month = dates.panel1().month();
        panel1Year = dates.panel1().year();
        panel2Day = dates.panel2().day();
        panel2Month = dates.panel2().month();
        panel2Year = dates.panel2().year();
        panel3Day = dates.panel3().day();
        panel3Month = dates.panel3().month();
        panel3Year = dates.panel3().year();
        panel4Day = dates.panel4().day();
        panel4Month = dates.panel4().month();
        panel4Year = dates.panel4().year();
        lettersByDay = dates.lettersBy().day();
        lettersByMonth = dates.lettersBy().month();
        lettersByYear = dates.lettersBy().year();
        year2DueDay = dates.year2Due().day();
        year2DueMonth = dates.year2Due().month();
        year2DueYear = dates.year2Due().year();
        closesDay = dates.closes().day();
        closesMonth = dates.closes().month();
        closesYear = dates.closes().year();
    }

    public boolean choseTool(long toolId) {
        return String.valueOf(toolId).equals(tool == null ? null : tool.strip());
    }

    /** Whether every active agency takes part, rather than only those ticked. */
    public boolean allAgencies() {
        return !CHOSEN_AGENCIES.equals(which);
    }

    public boolean chose(long agencyId) {
        return participants != null && participants.contains(String.valueOf(agencyId));
    }
}
