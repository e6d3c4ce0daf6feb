package org.s11portal.cycle;

import java.time.LocalDate;

import org.s11portal.common.persistence.EditableEntity;
import org.s11portal.tool.Tool;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * A two-year audit cycle: year 1 self-assessment and staff survey, year 2 monitoring of the action plans.
 * All dates are UK calendar dates.
 */
@Entity
@Table(name = "cycle")
public class Cycle extends EditableEntity {

    @Column(nullable = false, unique = true, length = 100)
    public String name;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "tool_id")
    public Tool tool;

    @Column(name = "year1_opens", nullable = false)
    public LocalDate year1Opens;

    @Column(name = "year1_due", nullable = false)
    public LocalDate year1Due;

    @Column(name = "survey_opens", nullable = false)
    public LocalDate surveyOpens;

    @Column(name = "survey_closes", nullable = false)
    public LocalDate surveyCloses;

    @Column(name = "year2_due", nullable = false)
    public LocalDate year2Due;

    /** The last day of the cycle; action-plan target dates must fall on or before it. */
    @Column(nullable = false)
    public LocalDate closes;

    /** Staff-survey take-up target, as a percentage of headcount. */
    @Column(name = "takeup_target_pct", nullable = false)
    public int takeupTargetPct;

    /** The staff survey's question set for this cycle (see SurveyDefinition). */
    @Column(name = "survey_version", nullable = false, length = 20)
    public String surveyVersion = "2020.1";

    /** The cycle running on the given day: opened and not yet closed, the most recently opened first. */
    public static Cycle liveOn(LocalDate day) {
        return find("year1Opens <= ?1 and closes >= ?1 order by year1Opens desc, id desc", day).firstResult();
    }

    public static Cycle findByName(String name) {
        return find("name", name).firstResult();
    }

    /** "Year 1" until the self-assessment is due, "Year 2" after. */
    public int yearOn(LocalDate day) {
        return day.isAfter(year1Due) ? 2 : 1;
    }
}
