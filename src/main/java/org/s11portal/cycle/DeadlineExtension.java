package org.s11portal.cycle;

import java.time.Instant;
import java.time.LocalDate;

import org.s11portal.account.User;
import org.s11portal.agency.Agency;
import org.s11portal.common.persistence.GeneratedIdEntity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A later year-1 due date granted to one agency, with the reason and who granted it. The latest one counts. */
@Entity
@Table(name = "deadline_extension")
public class DeadlineExtension extends GeneratedIdEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "agency_id")
    public Agency agency;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "cycle_id")
    public Cycle cycle;

    @Column(name = "new_due", nullable = false)
    public LocalDate newDue;

    @Column(nullable = false, columnDefinition = "text")
    public String reason;

    @ManyToOne(optional = false)
    @JoinColumn(name = "granted_by_user_id")
    public User grantedBy;

    @Column(name = "granted_at", nullable = false)
    public Instant grantedAt;

    public static DeadlineExtension latestFor(Agency agency, Cycle cycle) {
        return find("agency = ?1 and cycle = ?2 order by grantedAt desc, id desc", agency, cycle).firstResult();
    }
}
