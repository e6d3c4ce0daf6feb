package org.s11portal.cycleadmin;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.s11portal.account.User;
import org.s11portal.common.persistence.GeneratedIdEntity;
import org.s11portal.cycle.Cycle;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * "Extend for everyone": the cycle's year-1 due date moved from {@code previousDue} to {@code newDue} for every agency,
 * with the reason and who did it. An agency's own extension (cycle.DeadlineExtension) still counts while it is later.
 */
@Entity
@Table(name = "cycle_extension")
public class CycleExtension extends GeneratedIdEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "cycle_id")
    public Cycle cycle;

    @Column(name = "previous_due", nullable = false)
    public LocalDate previousDue;

    @Column(name = "new_due", nullable = false)
    public LocalDate newDue;

    @Column(nullable = false, columnDefinition = "text")
    public String reason;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "granted_by_user_id")
    public User grantedBy;

    @Column(name = "granted_at", nullable = false)
    public Instant grantedAt;

    /** The cycle's extensions, oldest first, with who granted each (one statement). */
    public static List<CycleExtension> forCycle(Cycle cycle) {
        return list("select e from CycleExtension e join fetch e.grantedBy where e.cycle = ?1 order by e.grantedAt, e.id", cycle);
    }
}
