package org.s11portal.survey;

import java.time.Instant;

import org.s11portal.account.User;
import org.s11portal.agency.Agency;
import org.s11portal.cycle.Cycle;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** The staff headcount an agency's lead gave for a cycle: the denominator of take-up. */
@Entity
@Table(name = "survey_headcount")
public class SurveyHeadcount extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "agency_id")
    public Agency agency;

    @ManyToOne(optional = false)
    @JoinColumn(name = "cycle_id")
    public Cycle cycle;

    @Column(nullable = false)
    public int headcount;

    @ManyToOne(optional = false)
    @JoinColumn(name = "set_by_user_id")
    public User setBy;

    @Column(name = "set_at", nullable = false)
    public Instant setAt;

    public static SurveyHeadcount findFor(Agency agency, Cycle cycle) {
        return find("agency = ?1 and cycle = ?2", agency, cycle).firstResult();
    }
}
