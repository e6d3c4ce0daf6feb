package org.s11portal.cycleadmin;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.s11portal.common.template.TemplateExtensions;
import org.s11portal.cycle.Cycle;

import io.quarkus.qute.TemplateExtension;

/** A cycle's details as the rows of its summary list ({@code cycle.summaryRows} in templates). */
@TemplateExtension
public class CycleSummary {

    /** One row: what it is, its value in words, and the form field its "Change" link goes to. */
    public record Row(String label, String value, String field) {
        public String hidden() {
            return label.toLowerCase(Locale.UK);
        }
    }

    /** "/admin/cycles/12": the cycle's page for admins. */
    static String adminPath(Cycle cycle) {
        return "/admin/cycles/" + cycle.id;
    }

    static List<Row> summaryRows(Cycle cycle) {
        return List.of(
                new Row("Name", cycle.name, "name"),
                new Row("Tool version", cycle.tool.version + ": " + cycle.tool.title, "tool"),
                new Row("Year 1 opens", date(cycle.year1Opens), "year1Opens-day"),
                new Row("Self-assessment due", date(cycle.year1Due), "year1Due-day"),
                new Row("Staff survey", date(cycle.surveyOpens) + " to " + date(cycle.surveyCloses), "surveyOpens-day"),
                new Row("Planned panel dates", cycle.plannedPanelDates.isEmpty() ? "None planned"
                        : cycle.plannedPanelDates.stream().map(CycleSummary::date).collect(Collectors.joining(", ")), "panel1-day"),
                new Row("Letters sent by", cycle.lettersBy == null ? "Not set" : date(cycle.lettersBy), "lettersBy-day"),
                new Row("Action plan agreed", cycle.actionPlanWeeks + " weeks after the agency's first feedback letter",
                        "actionPlanWeeks"),
                new Row("Year 2 progress update due", date(cycle.year2Due), "year2Due-day"),
                new Row("Cycle closes", date(cycle.closes), "closes-day"),
                new Row("Staff survey take-up target", cycle.takeupTargetPct + "% of headcount", "takeupTargetPct"));
    }

    private static String date(LocalDate date) {
        return TemplateExtensions.format(date);
    }
}
