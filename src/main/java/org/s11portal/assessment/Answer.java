package org.s11portal.assessment;

import org.s11portal.common.persistence.BaseEntity;
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
public class Answer extends BaseEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "assessment_id")
    public Assessment assessment;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
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
}
