package org.s11portal.tool;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import java.util.Objects;

import org.hibernate.annotations.Cache;
import org.hibernate.annotations.CacheConcurrencyStrategy;
import org.hibernate.engine.spi.EntityEntry;
import org.hibernate.engine.spi.SessionImplementor;
import org.s11portal.common.config.PortalClock;
import org.s11portal.common.persistence.GeneratedIdEntity;

import jakarta.persistence.Cacheable;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreRemove;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;

/**
 * A version of the self-assessment questionnaire. Only a DRAFT is edited; once PUBLISHED (the only kind a cycle may
 * use) it is frozen: the entity, its standards and their questions refuse any change as they are flushed, except
 * retiring it (PUBLISHED to RETIRED). A tool made and stored in the same transaction (demo data, fixtures) is not
 * frozen until it has been stored.
 */
@Entity
@Cacheable
@Table(name = "tool")
public class Tool extends GeneratedIdEntity {

    public enum Status { DRAFT, PUBLISHED, RETIRED }

    @Column(nullable = false, unique = true, length = 20)
    public String version;

    @Column(nullable = false, length = 200)
    public String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public Status status = Status.DRAFT;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Cache(usage = CacheConcurrencyStrategy.READ_WRITE)
    @OneToMany(mappedBy = "tool", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    public List<Standard> standards = new ArrayList<>();

    /** Optimistic lock: bumped by every change to a draft, its standards and questions included. */
    @Version
    @Column(name = "lock_version", nullable = false)
    public int lockVersion;

    /** Codes of standards and questions removed from this version (one a line): never given to a new one. */
    @Column(name = "retired_codes", columnDefinition = "text")
    public String retiredCodes;

    /** Made in this transaction: not frozen until stored, so a published version can be built (demo data, fixtures). */
    @Transient
    private boolean createdHere;

    @PrePersist
    void beforeInsert() {
        createdAt = PortalClock.current().now();
        createdHere = true;
    }

    /**
     * Published or retired as stored: nothing of it may change (a published one may only be retired). Read from the
     * state the session loaded, from the database or the second-level cache alike.
     */
    public boolean isFrozen() {
        Object stored = storedValue("status");
        return !createdHere && stored != null && stored != Status.DRAFT;
    }

    private Object storedValue(String property) {
        // a lazy reference (an enhanced proxy: this very class) has no loaded state until initialised
        org.hibernate.Hibernate.initialize(this);
        EntityEntry entry = getEntityManager().unwrap(SessionImplementor.class).getPersistenceContextInternal().getEntry(this);
        return entry == null || entry.getLoadedState() == null ? null : entry.getLoadedValue(property);
    }

    @PreUpdate
    void refuseChangeOnceFrozen() {
        Object storedStatus = storedValue("status");
        boolean retiring = storedStatus == Status.PUBLISHED && status == Status.RETIRED;
        if (isFrozen() && (!retiring && status != storedStatus || !Objects.equals(title, storedValue("title"))
                || !Objects.equals(version, storedValue("version")))) {
            throw new FrozenToolException(this);
        }
    }

    @PreRemove
    void refuseDeleteOnceFrozen() {
        if (isFrozen()) {
            throw new FrozenToolException(this);
        }
    }

    public List<String> retiredCodeList() {
        return retiredCodes == null || retiredCodes.isBlank() ? List.of() : List.of(retiredCodes.strip().split("\\s*\\n\\s*"));
    }

    /** Marks codes as retired in this version: no new standard or question will be given them. */
    public void retire(java.util.Collection<String> codes) {
        java.util.Set<String> all = new java.util.TreeSet<>(retiredCodeList());
        all.addAll(codes);
        retiredCodes = all.isEmpty() ? null : String.join("\n", all);
    }

    /** The names of the cycles that use each of these tools (tool id to names, in the order the cycles opened). */
    @SuppressWarnings("unchecked")
    public static java.util.Map<Long, List<String>> cycleNamesUsing(java.util.Collection<Long> toolIds) {
        java.util.Map<Long, List<String>> names = new java.util.HashMap<>();
        if (toolIds.isEmpty()) {
            return names;
        }
        // the cycle table is read here, without its class: cycles build on tools, never the other way round
        List<Object[]> rows = getEntityManager().createNativeQuery(
                "select tool_id, name from cycle where tool_id in (:ids) order by year1_opens, id")
                .setParameter("ids", toolIds).getResultList();
        for (Object[] row : rows) {
            names.computeIfAbsent(((Number) row[0]).longValue(), k -> new ArrayList<>()).add((String) row[1]);
        }
        return names;
    }

    /** Whether a cycle that has not closed by this day uses this tool. */
    public boolean usedByOpenCycleOn(java.time.LocalDate day) {
        Number count = (Number) getEntityManager().createNativeQuery(
                "select count(*) from cycle where tool_id = :id and closes >= :day")
                .setParameter("id", id).setParameter("day", day).getSingleResult();
        return count.longValue() > 0;
    }

    public static Tool findByVersion(String version) {
        return find("version", version).firstResult();
    }

    public int questionCount() {
        return standards.stream().mapToInt(s -> s.questions.size()).sum();
    }
}
