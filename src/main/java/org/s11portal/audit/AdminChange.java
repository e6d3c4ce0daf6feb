package org.s11portal.audit;

import java.time.Instant;

import org.s11portal.common.persistence.GeneratedIdEntity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.PreRemove;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;

/**
 * One administrative change: who made it, when, what it was, to which record, and the record's fields before and
 * after (JSON). Written in the change's own transaction by {@link AdminLog}; append-only (the entity refuses update
 * and delete, and no route edits it), so the log cannot be edited from the portal.
 */
@Entity
@Table(name = "admin_change")
public class AdminChange extends GeneratedIdEntity {

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    /** Null for a change made by the system (the first-admin bootstrap, say). */
    @Column(name = "actor_id")
    public Long actorId;

    /** Kept by name, so the entry still reads right after the account is renamed. */
    @Column(name = "actor_name", nullable = false, length = 120)
    public String actorName;

    /** What was done, as a short verb phrase: "Invited user", "Archived agency", "Published tool version". */
    @Column(nullable = false, length = 80)
    public String action;

    /** The kind of record: "User", "Agency", "Cycle", "Tool", "LetterTemplate", "Theme". */
    @Column(name = "record_type", nullable = false, length = 40)
    public String recordType;

    @Column(name = "record_id")
    public Long recordId;

    /** The record's name as it read at the time ("Solent NHS Trust", "2024–26"). */
    @Column(name = "record_label", nullable = false, length = 200)
    public String recordLabel;

    /**
     * The partnership whose admins may read this entry, or null when only the HIPS admin may (HIPS-wide records:
     * cycles, tool versions, themes, the joint letter template). For an agency or a lead it is set once per area the
     * agency works in: see {@link AdminLog}.
     */
    @Column(name = "partnership_ids", length = 40)
    public String partnershipIds;

    @Column(name = "before_json", columnDefinition = "mediumtext")
    public String beforeJson;

    @Column(name = "after_json", columnDefinition = "mediumtext")
    public String afterJson;

    @PreUpdate
    void refuseUpdate() {
        throw new IllegalStateException("the audit log is append-only");
    }

    @PreRemove
    void refuseDelete() {
        throw new IllegalStateException("the audit log is append-only");
    }
}
