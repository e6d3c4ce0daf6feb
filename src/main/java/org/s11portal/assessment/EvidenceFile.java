package org.s11portal.assessment;

import java.time.Instant;
import java.util.List;

import org.s11portal.account.User;
import org.s11portal.common.persistence.GeneratedIdEntity;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A file uploaded as evidence for one answer, with its checksum and uploader. Bytes load only on download. */
@Entity
@Table(name = "evidence_file")
public class EvidenceFile extends GeneratedIdEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "answer_id")
    public Answer answer;

    @Column(nullable = false, length = 255)
    public String filename;

    @Column(name = "content_type", nullable = false, length = 100)
    public String contentType;

    @Column(name = "size_bytes", nullable = false)
    public long sizeBytes;

    @Column(nullable = false, length = 64, columnDefinition = "char(64)")
    public String sha256;

    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false, columnDefinition = "longblob")
    public byte[] content;

    @ManyToOne(optional = false)
    @JoinColumn(name = "uploaded_by_user_id")
    public User uploadedBy;

    @Column(name = "uploaded_at", nullable = false)
    public Instant uploadedAt;

    public static List<EvidenceFile> forAnswer(Answer answer) {
        return list("answer = ?1 order by uploadedAt", answer);
    }

    public String sizeLabel() {
        if (sizeBytes < 1024) {
            return sizeBytes + " bytes";
        }
        if (sizeBytes < 1024 * 1024) {
            return Math.round(sizeBytes / 1024.0) + " KB";
        }
        return String.format("%.1f MB", sizeBytes / (1024.0 * 1024.0));
    }
}
