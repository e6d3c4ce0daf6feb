package org.s11portal.monitoring;

import java.time.Instant;

import org.s11portal.assessment.Assessment;
import org.s11portal.common.persistence.EditableEntity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;

/** What year 2 records once per assessment: when its lead agreed the action plan, and the panel check's conclusion. */
@Entity
@Table(name = "year_two_record")
public class YearTwoRecord extends EditableEntity {

    @OneToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "assessment_id", unique = true)
    public Assessment assessment;

    @Column(name = "plan_agreed_at")
    public Instant planAgreedAt;

    @Column(name = "plan_agreed_by_name", length = 120)
    public String planAgreedByName;

    @Column(columnDefinition = "text")
    public String conclusion;

    @Column(name = "concluded_at")
    public Instant concludedAt;

    @Column(name = "concluded_by_name", length = 120)
    public String concludedByName;

    public static YearTwoRecord of(Assessment assessment) {
        return find("assessment", assessment).firstResult();
    }

    public static YearTwoRecord getOrCreate(Assessment assessment) {
        YearTwoRecord record = of(assessment);
        if (record == null) {
            record = new YearTwoRecord();
            record.assessment = assessment;
            record.persist();
        }
        return record;
    }
}
