package org.s11portal.survey;

import java.time.Instant;

import org.s11portal.agency.Agency;
import org.s11portal.common.persistence.GeneratedIdEntity;
import org.s11portal.cycle.Cycle;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** An agency's survey link for a cycle. Replacing it deactivates the old one, which then says the survey moved. */
@Entity
@Table(name = "survey_link")
public class SurveyLink extends GeneratedIdEntity {

    @ManyToOne(optional = false)
    @JoinColumn(name = "agency_id")
    public Agency agency;

    @ManyToOne(optional = false)
    @JoinColumn(name = "cycle_id")
    public Cycle cycle;

    /** 128 random bits, URL-safe: unguessable, shared with every member of staff. */
    @Column(nullable = false, unique = true, length = 64)
    public String token;

    @Column(nullable = false)
    public boolean active;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "replaced_at")
    public Instant replacedAt;

    public static SurveyLink byToken(String token) {
        return find("token", token).firstResult();
    }

    public static SurveyLink activeFor(Agency agency, Cycle cycle) {
        return find("agency = ?1 and cycle = ?2 and active = true", agency, cycle).firstResult();
    }
}
