package org.s11portal.monitoring;

import java.time.LocalDate;
import java.util.List;

import org.s11portal.common.persistence.GeneratedIdEntity;
import org.s11portal.cycle.Cycle;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A year-2 checkpoint of a cycle, e.g. "Progress update by 31 March": every agency in year 2 sends a return to it. */
@Entity
@Table(name = "checkpoint")
public class Checkpoint extends GeneratedIdEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "cycle_id")
    public Cycle cycle;

    @Column(nullable = false, length = 200)
    public String title;

    @Column(name = "due_on", nullable = false)
    public LocalDate dueOn;

    public static List<Checkpoint> forCycle(Cycle cycle) {
        return list("cycle = ?1 order by dueOn, id", cycle);
    }

    public static Checkpoint add(Cycle cycle, String title, LocalDate dueOn) {
        Checkpoint checkpoint = new Checkpoint();
        checkpoint.cycle = cycle;
        checkpoint.title = title;
        checkpoint.dueOn = dueOn;
        checkpoint.persist();
        return checkpoint;
    }
}
