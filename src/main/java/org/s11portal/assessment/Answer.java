package org.s11portal.assessment;

import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;
import org.s11portal.common.persistence.EditableEntity;
import org.s11portal.tool.Question;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** An agency's answer to one question: rating, evidence, evidence of impact, and a reason when not applicable. */
@Entity
@Table(name = "answer")
@Audited
public class Answer extends EditableEntity {

    @NotAudited
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "assessment_id")
    public Assessment assessment;

    @NotAudited
    @ManyToOne(optional = false)
    @JoinColumn(name = "question_id")
    public Question question;

    @Enumerated(EnumType.STRING)
    @Column(length = 10)
    public Rating rating;

    @Column(columnDefinition = "text")
    public String evidence;

    @Column(columnDefinition = "text")
    public String impact;

    @Column(name = "na_reason", columnDefinition = "text")
    public String naReason;

    /** Copied from an earlier cycle and not yet reviewed by anyone. */
    @Column(name = "carried_forward", nullable = false)
    public boolean carriedForward;

    public static Answer findFor(Assessment assessment, Question question) {
        return find("assessment = ?1 and question = ?2", assessment, question).firstResult();
    }

    public static java.util.List<Answer> forAssessment(Assessment assessment) {
        return list("assessment", assessment);
    }

    public boolean evidenceGiven() {
        return evidence != null && !evidence.isBlank();
    }

    public boolean impactGiven() {
        return impact != null && !impact.isBlank();
    }

    public boolean naReasonGiven() {
        return naReason != null && !naReason.isBlank();
    }

    public boolean isEmpty() {
        return rating == null && !evidenceGiven() && !impactGiven() && !naReasonGiven();
    }
}
