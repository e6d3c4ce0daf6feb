package org.s11portal.monitoring;

import java.util.List;

import org.s11portal.assessment.Assessment;
import org.s11portal.assessment.UploadedFile;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.PreRemove;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;

/**
 * A file posted with a progress update, checked as answers' evidence is. Append-only like its update: never replaced
 * or deleted (the entity refuses both), so the update always shows what was posted.
 */
@Entity
@Table(name = "progress_update_file")
public class ProgressUpdateFile extends UploadedFile {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "progress_update_id")
    public ProgressUpdate update;

    @PreUpdate
    void refuseChange() {
        throw new IllegalStateException("a progress update's file is never changed once posted");
    }

    @PreRemove
    void refuseDelete() {
        throw new IllegalStateException("a progress update's file is never deleted");
    }

    /** The files of every update of the assessment's actions, oldest first, without their bytes: one statement. */
    static List<ProgressUpdateFile> forAssessment(Assessment assessment) {
        return list("select f from ProgressUpdateFile f join fetch f.uploadedBy where f.update.action.assessment = ?1"
                + " order by f.id", assessment);
    }

    /** One file with its update and action (to check its assessment), or null. */
    static ProgressUpdateFile withAction(long fileId) {
        return find("select f from ProgressUpdateFile f join fetch f.update u join fetch u.action where f.id = ?1", fileId)
                .firstResult();
    }
}
