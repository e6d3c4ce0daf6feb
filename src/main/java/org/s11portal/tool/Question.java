package org.s11portal.tool;

import org.s11portal.common.persistence.GeneratedIdEntity;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreRemove;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;

/** A question (criterion) of a standard; its code (S1.Q1) is stable across tool versions. */
@Entity
@Cacheable
@Table(name = "question")
public class Question extends GeneratedIdEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "standard_id")
    public Standard standard;

    @Column(nullable = false, length = 16)
    public String code;

    @Column(nullable = false)
    public int position;

    @Column(nullable = false, columnDefinition = "text")
    public String text;

    @Column(columnDefinition = "text")
    public String guidance;

    /** A question of a published tool is frozen with it: no insert, update or delete. */
    @PrePersist
    @PreUpdate
    @PreRemove
    void refuseChangeOnceFrozen() {
        // through methods, not fields: the standard and its tool may be lazy proxies
        if (standard != null && standard.isFrozen()) {
            throw new FrozenToolException(standard.tool());
        }
    }
}
