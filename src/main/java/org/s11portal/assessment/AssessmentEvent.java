package org.s11portal.assessment;

import java.time.Instant;

import org.s11portal.account.User;
import org.s11portal.common.persistence.GeneratedIdEntity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One change of an assessment's state: from, to, who, when and why. Never updated once written. */
@Entity
@Table(name = "assessment_event")
public class AssessmentEvent extends GeneratedIdEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "assessment_id")
    public Assessment assessment;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_state", length = 30)
    public AssessmentState fromState;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_state", nullable = false, length = 30)
    public AssessmentState toState;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "actor_user_id")
    public User actor;

    /** Kept as written at the time, so the record survives a later change of name. */
    @Column(name = "actor_name", nullable = false, length = 120)
    public String actorName;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(columnDefinition = "text")
    public String note;
}
