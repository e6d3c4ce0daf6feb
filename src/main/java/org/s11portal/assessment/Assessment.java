package org.s11portal.assessment;

import java.util.List;

import org.s11portal.agency.Agency;
import org.s11portal.common.persistence.EditableEntity;
import org.s11portal.cycle.Cycle;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** An agency's Section 11 submission for one cycle: one per agency per cycle, joint agencies included. */
@Entity
@Table(name = "assessment")
public class Assessment extends EditableEntity {

    @ManyToOne(optional = false)
    @JoinColumn(name = "agency_id")
    public Agency agency;

    @ManyToOne(optional = false)
    @JoinColumn(name = "cycle_id")
    public Cycle cycle;

    /** Read it anywhere; only {@link AssessmentLifecycle} changes it (see {@link #setState}). */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    public AssessmentState state = AssessmentState.NOT_STARTED;

    public static Assessment findFor(Agency agency, Cycle cycle) {
        return find("agency = ?1 and cycle = ?2", agency, cycle).firstResult();
    }

    /** The agency's latest assessment of a cycle that opened before this one's, or null: what carrying forward copies. */
    public static Assessment earlierOf(Assessment assessment) {
        return find("agency = ?1 and cycle.year1Opens < ?2 order by cycle.year1Opens desc",
                assessment.agency, assessment.cycle.year1Opens).firstResult();
    }

    public static List<Assessment> listForCycle(Cycle cycle) {
        return list("cycle", cycle);
    }

    /**
     * Every assignment to {@link #state} goes through here (Panache turns {@code assessment.state = x} into this
     * call), and only {@link AssessmentLifecycle#move} makes one: package-private, so code outside this package
     * cannot change a state, and a change the lifecycle's table does not allow is refused.
     */
    void setState(AssessmentState to) {
        if (to != state && !AssessmentLifecycle.allows(state, to)) {
            throw new IllegalStateException("no move from " + state + " to " + to);
        }
        this.state = to;
    }
}
