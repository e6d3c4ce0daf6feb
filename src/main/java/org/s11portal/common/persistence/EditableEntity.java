package org.s11portal.common.persistence;

import java.time.Instant;

import org.s11portal.common.config.PortalClock;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Version;

/**
 * An AUTO_INCREMENT id, created and updated times, and an optimistic-lock version, for rows that people edit:
 * two people saving the same row never overwrite each other silently.
 */
@MappedSuperclass
public abstract class EditableEntity extends GeneratedIdEntity {

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public int version;

    // entity callbacks cannot be injected: they ask the application's clock through its static accessor
    @PrePersist
    void beforeInsert() {
        createdAt = PortalClock.current().now();
        updatedAt = createdAt;
    }

    @PreUpdate
    void beforeUpdate() {
        updatedAt = PortalClock.current().now();
    }
}
