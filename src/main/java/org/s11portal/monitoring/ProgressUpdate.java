package org.s11portal.monitoring;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.s11portal.account.User;
import org.s11portal.assessment.ActionItem;
import org.s11portal.assessment.ActionStatus;
import org.s11portal.common.persistence.GeneratedIdEntity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.PreRemove;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;

/**
 * A dated progress update on one action in year 2: what was done, what changed for children, the evidence, and the
 * status it set. Append-only: once posted it is never changed or deleted (the entity refuses both), only followed by
 * another update.
 */
@Entity
@Table(name = "progress_update")
public class ProgressUpdate extends GeneratedIdEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "action_item_id")
    public ActionItem action;

    @Column(name = "posted_at", nullable = false)
    public Instant postedAt;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "author_id")
    public User author;

    @Column(name = "author_name", nullable = false, length = 120)
    public String authorName;

    @Column(nullable = false, columnDefinition = "text")
    public String done;

    @Column(name = "children_change", columnDefinition = "text")
    public String childrenChange;

    @Column(columnDefinition = "text")
    public String evidence;

    /** Why the action is no longer needed (required for that status). */
    @Column(columnDefinition = "text")
    public String reason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public ActionStatus status;

    @PreUpdate
    void refuseChange() {
        throw new IllegalStateException("a progress update is never changed once posted");
    }

    @PreRemove
    void refuseDelete() {
        throw new IllegalStateException("a progress update is never deleted");
    }

    /** Every update of these actions, newest first: one statement however many actions. */
    public static List<ProgressUpdate> forActions(Collection<ActionItem> actions) {
        if (actions.isEmpty()) {
            return List.of();
        }
        return list("action in ?1 order by postedAt desc, id desc", actions);
    }
}
