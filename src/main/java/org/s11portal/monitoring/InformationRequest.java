package org.s11portal.monitoring;

import java.time.Instant;
import java.util.List;

import org.s11portal.assessment.Assessment;
import org.s11portal.common.persistence.EditableEntity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * A moderator's "ask for more information" in year 2. It stays on the agency lead's home page until the lead answers
 * it, by posting a progress update or sending a checkpoint return after it was asked.
 */
@Entity
@Table(name = "information_request")
public class InformationRequest extends EditableEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "assessment_id")
    public Assessment assessment;

    @Column(name = "asked_at", nullable = false)
    public Instant askedAt;

    @Column(name = "asked_by_name", nullable = false, length = 120)
    public String askedByName;

    @Column(nullable = false, columnDefinition = "text")
    public String request;

    @Column(name = "answered_at")
    public Instant answeredAt;

    @Column(name = "answered_by_name", length = 120)
    public String answeredByName;

    public boolean isOpen() {
        return answeredAt == null;
    }

    public static List<InformationRequest> forAssessment(Assessment assessment) {
        return list("assessment = ?1 order by askedAt desc, id desc", assessment);
    }

    public static List<InformationRequest> openFor(Assessment assessment) {
        return list("assessment = ?1 and answeredAt is null order by askedAt, id", assessment);
    }
}
