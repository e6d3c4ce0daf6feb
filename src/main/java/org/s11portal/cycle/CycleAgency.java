package org.s11portal.cycle;

import java.time.Instant;
import java.util.Collection;

import org.s11portal.agency.Agency;
import org.s11portal.common.config.PortalClock;
import org.s11portal.common.persistence.GeneratedIdEntity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * An agency taking part in a cycle. Only its leads get a self-assessment for the cycle; an agency added after the
 * cycle opened (a new one, say) is added by an admin from the cycle's page.
 */
@Entity
@Table(name = "cycle_agency")
public class CycleAgency extends GeneratedIdEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "cycle_id")
    public Cycle cycle;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "agency_id")
    public Agency agency;

    @Column(name = "added_at", nullable = false)
    public Instant addedAt;

    /** Adds the agencies that do not take part yet; answers how many were added. */
    public static int add(Cycle cycle, Collection<Agency> agencies) {
        if (agencies.isEmpty()) {
            return 0;
        }
        java.util.Set<Long> already = new java.util.HashSet<>(getEntityManager()
                .createQuery("select p.agency.id from CycleAgency p where p.cycle = ?1 and p.agency in ?2", Long.class)
                .setParameter(1, cycle).setParameter(2, agencies).getResultList());
        int added = 0;
        for (Agency agency : agencies) {
            if (already.add(agency.id)) {
                CycleAgency row = new CycleAgency();
                row.cycle = cycle;
                row.agency = agency;
                row.addedAt = PortalClock.current().now();
                row.persist();
                added++;
            }
        }
        return added;
    }

    /**
     * The agencies of the list that take part in the cycle, in the list's order, in one statement: what the survey's
     * take-up and results and the year-2 overview show of a scope.
     */
    public static java.util.List<Agency> takingPart(Cycle cycle, java.util.List<Agency> agencies) {
        java.util.Set<Long> taking = new java.util.HashSet<>(agencyIds(cycle));
        return agencies.stream().filter(a -> taking.contains(a.id)).toList();
    }

    /**
     * The ids of the agencies taking part that are not archived, in one statement: the agencies whose leads the cycle's
     * emails and reminders go to. An agency archived during the cycle stays a participant (its record and pages stay)
     * but is sent nothing more.
     */
    public static java.util.List<Long> emailedAgencyIds(Cycle cycle) {
        return getEntityManager().createQuery("select p.agency.id from CycleAgency p where p.cycle = ?1"
                + " and p.agency.archivedAt is null order by p.agency.id", Long.class)
                .setParameter(1, cycle).getResultList();
    }

    /** The ids of the agencies taking part, in one statement. */
    public static java.util.List<Long> agencyIds(Cycle cycle) {
        return getEntityManager().createQuery("select p.agency.id from CycleAgency p where p.cycle = ?1", Long.class)
                .setParameter(1, cycle).getResultList();
    }
}
