package org.s11portal.survey;

import java.time.LocalDate;

import org.s11portal.agency.Agency;
import org.s11portal.cycle.Cycle;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * One anonymous answer to the staff survey. Deliberately holds nothing that singles a person out: a
 * random id (no order), the day (not the time), coarse filters and the answers. No link, address, agent,
 * cookie or account. SurveyAnonymityTest fails if a column is added here or in the table.
 */
@Entity
@Table(name = "survey_response")
public class SurveyResponse extends PanacheEntityBase {

    @Id
    @Column(length = 32, columnDefinition = "char(32)")
    public String id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "agency_id")
    public Agency agency;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "cycle_id")
    public Cycle cycle;

    @Column(name = "survey_version", nullable = false, length = 20)
    public String surveyVersion;

    @Column(name = "answered_on", nullable = false)
    public LocalDate answeredOn;

    /** Area codes the person works in, comma-separated, or null when not given. */
    @Column(length = 100)
    public String areas;

    @Column(name = "role_band", length = 20)
    public String roleBand;

    @Column(name = "works_with", length = 20)
    public String worksWith;

    @Column(length = 12)
    public String q1;
    @Column(length = 12)
    public String q2;
    @Column(length = 12)
    public String q3;
    @Column(length = 12)
    public String q4;
    @Column(length = 12)
    public String q5;
    @Column(length = 12)
    public String q6;
    @Column(length = 12)
    public String q7;
    @Column(length = 12)
    public String q8;
    @Column(length = 12)
    public String q9;
    @Column(length = 12)
    public String q10;
    @Column(length = 12)
    public String q11;
    @Column(length = 12)
    public String q12;
    /** Multi-select, comma-separated. */
    @Column(length = 120)
    public String q13;
    @Column(length = 12)
    public String q14;

    @Column(name = "free_text", columnDefinition = "text")
    public String freeText;

    public String answer(int number) {
        return switch (number) {
            case 1 -> q1; case 2 -> q2; case 3 -> q3; case 4 -> q4; case 5 -> q5; case 6 -> q6; case 7 -> q7;
            case 8 -> q8; case 9 -> q9; case 10 -> q10; case 11 -> q11; case 12 -> q12; case 13 -> q13; case 14 -> q14;
            default -> throw new IllegalArgumentException("no question " + number);
        };
    }

    public void answer(int number, String value) {
        switch (number) {
            case 1 -> q1 = value; case 2 -> q2 = value; case 3 -> q3 = value; case 4 -> q4 = value; case 5 -> q5 = value;
            case 6 -> q6 = value; case 7 -> q7 = value; case 8 -> q8 = value; case 9 -> q9 = value; case 10 -> q10 = value;
            case 11 -> q11 = value; case 12 -> q12 = value; case 13 -> q13 = value; case 14 -> q14 = value;
            default -> throw new IllegalArgumentException("no question " + number);
        }
    }
}
