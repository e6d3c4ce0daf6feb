package org.s11portal.assessment;

import java.time.Instant;
import java.util.List;

import org.s11portal.account.User;
import org.s11portal.common.persistence.GeneratedIdEntity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * What was submitted, frozen: the whole submission as JSON with its SHA-256, the senior officer who
 * signed it off, who pressed submit and when. Never updated; a resubmission is the next number.
 */
@Entity
@Table(name = "submission_version")
public class SubmissionVersion extends GeneratedIdEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "assessment_id", updatable = false)
    public Assessment assessment;

    @Column(nullable = false, updatable = false)
    public int number;

    @Column(name = "frozen_json", nullable = false, updatable = false, columnDefinition = "longtext")
    public String frozenJson;

    @Column(nullable = false, updatable = false, length = 64, columnDefinition = "char(64)")
    public String sha256;

    @Column(name = "declared_by_name", nullable = false, updatable = false, length = 120)
    public String declaredByName;

    @Column(name = "declared_role", nullable = false, updatable = false, length = 120)
    public String declaredRole;

    @ManyToOne(optional = false)
    @JoinColumn(name = "submitted_by_user_id", updatable = false)
    public User submittedBy;

    @Column(name = "submitted_at", nullable = false, updatable = false)
    public Instant submittedAt;

    public static List<SubmissionVersion> forAssessment(Assessment assessment) {
        return list("assessment = ?1 order by number", assessment);
    }

    public static SubmissionVersion latest(Assessment assessment) {
        return find("assessment = ?1 order by number desc", assessment).firstResult();
    }

    public static SubmissionVersion numbered(Assessment assessment, int number) {
        return find("assessment = ?1 and number = ?2", assessment, number).firstResult();
    }
}
