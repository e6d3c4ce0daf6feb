package org.s11portal.letter;

import java.time.Instant;

import org.s11portal.agency.Agency;
import org.s11portal.agency.Partnership;
import org.s11portal.common.persistence.GeneratedIdEntity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * One version of a standard letter: the joint template (for joint agencies), or one partnership's local template.
 * Versions are written once and never edited; a change is a new version, and every letter keeps the version it was
 * made from. The source is Qute with {@link LetterContent} as its only data ({@link LetterTemplates#problems}
 * says what is wrong with one). Seeded by Liquibase (0031) with a joint template and a local one per partnership.
 */
@Entity
@Table(name = "letter_template")
public class LetterTemplate extends GeneratedIdEntity {

    /** "JOINT", or "LOCAL-" and the partnership's area code: the versions of one template share it. */
    @Column(name = "scope_key", nullable = false, updatable = false, length = 40)
    public String scopeKey;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 10)
    public LetterKind kind;

    /** The partnership of a local template; null for the joint one. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "partnership_id", updatable = false)
    public Partnership partnership;

    @Column(nullable = false, updatable = false)
    public int version;

    @Column(nullable = false, updatable = false, columnDefinition = "longtext")
    public String source;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false, length = 120)
    public String createdBy;

    /** The scope key of the template an agency's letter is made from: joint, or its one partnership's. */
    public static String scopeKeyFor(Agency agency) {
        if (agency.isJoint() || agency.areas.isEmpty()) {
            return LetterKind.JOINT.name();
        }
        return LetterKind.LOCAL.name() + "-" + agency.areas.iterator().next().code.name();
    }

    /** The newest version of the template for this scope key, or null when there is none. */
    public static LetterTemplate current(String scopeKey) {
        return find("scopeKey = ?1 order by version desc", scopeKey).firstResult();
    }

    /** The newest version of the template an agency's letter is made from, or null. */
    public static LetterTemplate currentFor(Agency agency) {
        return current(scopeKeyFor(agency));
    }

    /** "Joint (HIPS) template, version 2" or "Local template (Portsmouth), version 1". */
    public String describe() {
        return kind == LetterKind.JOINT ? "Joint (HIPS) template, version " + version
                : "Local template (" + org.s11portal.agency.Area.valueOf(scopeKey.substring(scopeKey.indexOf('-') + 1)).label
                        + "), version " + version;
    }
}
