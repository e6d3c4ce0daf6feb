package org.s11portal.cycle;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.s11portal.common.persistence.EditableEntity;
import org.s11portal.tool.Tool;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

/**
 * A two-year audit cycle: year 1 self-assessment and staff survey, year 2 monitoring of the action plans.
 * All dates are UK calendar dates.
 */
@Entity
@Table(name = "cycle")
public class Cycle extends EditableEntity {

    /** A draft is being set up (nobody sees it but admins); an open cycle is live on its dates; a closed one is history. */
    public enum Status {
        DRAFT("Draft"), OPEN("Open"), CLOSED("Closed");

        public final String label;

        Status(String label) {
            this.label = label;
        }
    }

    /** The action plan is agreed this many weeks after the agency's first feedback letter, unless a cycle says otherwise. */
    public static final int DEFAULT_ACTION_PLAN_WEEKS = 6;

    /**
     * OPEN by default, so a cycle made directly (demo data, test fixtures) is live on its dates; the admins' "Create a
     * cycle" makes a DRAFT, which "Open cycle" opens.
     */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    public Status status = Status.OPEN;

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

    /** The date by which the panels' feedback letters should be sent (null for cycles set up before it was asked). */
    @Column(name = "letters_by")
    public LocalDate lettersBy;

    /** Weeks after the agency's first issued letter by which its action plan is agreed (see letter.ActionPlanDue). */
    @Column(name = "action_plan_weeks", nullable = false)
    public int actionPlanWeeks = DEFAULT_ACTION_PLAN_WEEKS;

    /** The panel days planned for the cycle, earliest first; moderators still plan each panel day itself. */
    @ElementCollection
    @CollectionTable(name = "cycle_panel_date", joinColumns = @JoinColumn(name = "cycle_id"))
    @Column(name = "held_on", nullable = false)
    @OrderBy
    public List<LocalDate> plannedPanelDates = new ArrayList<>();

    /** The day the HIPS admin closed the cycle; null while it is a draft or open. */
    @Column(name = "closed_on")
    public LocalDate closedOn;

    /** The staff survey's question set for this cycle (see SurveyDefinition). */
    @Column(name = "survey_version", nullable = false, length = 20)
    public String surveyVersion = "2020.1";

    /** The cycle running on the given day: an OPEN cycle whose dates cover it, the most recently opened first. */
    public static Cycle liveOn(LocalDate day) {
        return find("status = ?2 and year1Opens <= ?1 and closes >= ?1 order by year1Opens desc, id desc", day, Status.OPEN)
                .firstResult();
    }

    /** Every OPEN cycle whose dates cover the day (the daily reminders work on each). */
    public static List<Cycle> runningOn(LocalDate day) {
        return list("status = ?2 and year1Opens <= ?1 and closes >= ?1", day, Status.OPEN);
    }

    /** Whether the agency takes part in this cycle (a row of cycle_agency). */
    public boolean takesPart(org.s11portal.agency.Agency agency) {
        return CycleAgency.count("cycle = ?1 and agency = ?2", this, agency) > 0;
    }

    public boolean isDraft() {
        return status == Status.DRAFT;
    }

    public boolean isOpen() {
        return status == Status.OPEN;
    }

    public boolean isClosed() {
        return status == Status.CLOSED;
    }

    public static Cycle findByName(String name) {
        return find("name", name).firstResult();
    }

    /** "Year 1" until the self-assessment is due, "Year 2" after. */
    public int yearOn(LocalDate day) {
        return day.isAfter(year1Due) ? 2 : 1;
    }
}
