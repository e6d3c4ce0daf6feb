package org.s11portal.monitoring;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.s11portal.assessment.Assessment;
import org.s11portal.common.persistence.GeneratedIdEntity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** An agency's answer to a checkpoint: a short summary (moderators read it with its actions' latest updates). Sent once. */
@Entity
@Table(name = "checkpoint_return")
public class CheckpointReturn extends GeneratedIdEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "checkpoint_id")
    public Checkpoint checkpoint;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "assessment_id")
    public Assessment assessment;

    @Column(name = "sent_at", nullable = false)
    public Instant sentAt;

    @Column(name = "sent_by_name", nullable = false, length = 120)
    public String sentByName;

    @Column(nullable = false, columnDefinition = "text")
    public String summary;

    /** The returns of these assessments, in one statement. */
    public static List<CheckpointReturn> forAssessments(Collection<Assessment> assessments) {
        if (assessments.isEmpty()) {
            return List.of();
        }
        return list("select r from CheckpointReturn r join fetch r.checkpoint where r.assessment in ?1", assessments);
    }
}
