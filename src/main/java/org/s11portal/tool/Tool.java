package org.s11portal.tool;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.hibernate.annotations.Cache;
import org.hibernate.annotations.CacheConcurrencyStrategy;
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
import jakarta.persistence.Table;

/** A version of the self-assessment questionnaire. A cycle freezes one; a published tool is never edited. */
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

    @PrePersist
    void beforeInsert() {
        createdAt = PortalClock.current().now();
    }

    public static Tool findByVersion(String version) {
        return find("version", version).firstResult();
    }

    public int questionCount() {
        return standards.stream().mapToInt(s -> s.questions.size()).sum();
    }
}
