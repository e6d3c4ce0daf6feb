package org.s11portal.common.persistence;

import java.time.Instant;

import org.s11portal.common.config.PortalClock;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Version;

/**
 * Identity from MariaDB AUTO_INCREMENT, audit timestamps and an optimistic-lock version, for entities
 * that people edit.
 */
@MappedSuperclass
public abstract class BaseEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

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
