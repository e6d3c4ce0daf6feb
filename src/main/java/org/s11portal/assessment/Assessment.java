package org.s11portal.assessment;

import java.util.List;

import org.s11portal.account.User;
import org.s11portal.agency.Agency;
import org.s11portal.common.persistence.BaseEntity;
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
public class Assessment extends BaseEntity {

    @ManyToOne(optional = false)
    @JoinColumn(name = "agency_id")
    public Agency agency;

    @ManyToOne(optional = false)
    @JoinColumn(name = "cycle_id")
    public Cycle cycle;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    public AssessmentState state = AssessmentState.NOT_STARTED;

    public static Assessment findFor(Agency agency, Cycle cycle) {
        return find("agency = ?1 and cycle = ?2", agency, cycle).firstResult();
    }

    public static List<Assessment> listForCycle(Cycle cycle) {
        return list("cycle", cycle);
    }

    /** Changes state and writes the event row that records who, when and why. */
    public void moveTo(AssessmentState to, User actor, String note) {
        AssessmentEvent event = new AssessmentEvent();
        event.assessment = this;
        event.fromState = state;
        event.toState = to;
        event.actor = actor;
        event.actorName = actor.displayName;
        event.occurredAt = java.time.Instant.now();
        event.note = note;
        event.persist();
        state = to;
    }
}
