package org.s11portal.assessment;

import java.time.Instant;
import java.util.List;

import org.s11portal.account.User;
import org.s11portal.common.persistence.GeneratedIdEntity;
import org.s11portal.tool.Standard;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A moderator's comment on one standard of a submitted version (or on the whole, when no standard). */
@Entity
@Table(name = "review_comment")
public class ReviewComment extends GeneratedIdEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "assessment_id")
    public Assessment assessment;

    @Column(name = "version_number", nullable = false)
    public int versionNumber;

    @ManyToOne
    @JoinColumn(name = "standard_id")
    public Standard standard;

    @ManyToOne(optional = false)
    @JoinColumn(name = "author_user_id")
    public User author;

    @Column(name = "author_name", nullable = false, length = 120)
    public String authorName;

    @Column(nullable = false, columnDefinition = "text")
    public String body;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** The comments made on the latest returned version, which the agency is now answering. */
    public static List<ReviewComment> forVersion(Assessment assessment, int versionNumber) {
        return list("assessment = ?1 and versionNumber = ?2 order by id", assessment, versionNumber);
    }
}
