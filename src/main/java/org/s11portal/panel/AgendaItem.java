package org.s11portal.panel;

import java.time.Instant;
import java.util.List;

import org.s11portal.account.User;
import org.s11portal.assessment.Assessment;
import org.s11portal.assessment.AssessmentState;
import org.s11portal.common.persistence.EditableEntity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One submission on a panel's agenda, in the panel's order, and the outcome the panel recorded for it. */
@Entity
@Table(name = "agenda_item")
public class AgendaItem extends EditableEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "panel_day_id")
    public PanelDay panel;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "assessment_id")
    public Assessment assessment;

    /** 1, 2, 3 ... in the order the panel takes the submissions. */
    @Column(nullable = false)
    public int position;

    @Enumerated(EnumType.STRING)
    @Column(length = 30)
    public Outcome outcome;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "outcome_by_user_id")
    public User outcomeBy;

    @Column(name = "outcome_by_name", length = 120)
    public String outcomeByName;

    @Column(name = "outcome_at")
    public Instant outcomeAt;


    /**
     * Whether the panel still has to decide: no outcome yet, or returned for more information and submitted again
     * (a returned and resubmitted assessment stays on the agenda).
     */
    public boolean awaitingOutcome() {
        return outcome == null || (outcome == Outcome.RETURNED && assessment.state == AssessmentState.SUBMITTED);
    }

    /** What the agenda shows: the outcome, "Resubmitted" after a return, or nothing yet. */
    public String status() {
        if (outcome == null) {
            return "No outcome yet";
        }
        if (outcome == Outcome.RETURNED && assessment.state == AssessmentState.SUBMITTED) {
            // the assessment changed state after the panel chose to return it: returned, then submitted again;
            // otherwise the moderator chose "returned" but did not send the return form
            return outcomeAt != null && assessment.updatedAt.isAfter(outcomeAt) ? "Resubmitted after return"
                    : "Return not sent yet";
        }
        return outcome.label;
    }

    public String path() {
        return "/panels/" + panel.id + "/items/" + id;
    }

    /** The panel's agenda in order, each with its assessment and agency (and the agency's areas), in one statement. */
    public static List<AgendaItem> agenda(PanelDay panel) {
        return list("select distinct i from AgendaItem i join fetch i.assessment a join fetch a.agency g"
                + " left join fetch g.areas where i.panel = ?1 order by i.position, i.id", panel);
    }
}
