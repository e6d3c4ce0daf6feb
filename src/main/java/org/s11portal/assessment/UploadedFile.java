package org.s11portal.assessment;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.s11portal.account.User;
import org.s11portal.common.persistence.GeneratedIdEntity;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;
import jakarta.ws.rs.core.Response;

/**
 * What every uploaded file stores, whatever it is attached to (an answer's evidence, a year-2 progress update): the
 * checked name and type, size, SHA-256, bytes (loaded only on download), who uploaded it and when.
 */
@MappedSuperclass
public abstract class UploadedFile extends GeneratedIdEntity {

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

    /** Fills this file from an upload that passed {@link EvidenceChecks}. */
    public void store(EvidenceChecks.Accepted accepted, User by, Instant at) {
        filename = accepted.name().name();
        contentType = accepted.type();
        sizeBytes = accepted.bytes().length;
        sha256 = accepted.sha256();
        content = accepted.bytes();
        uploadedBy = by;
        uploadedAt = at;
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

    /** The download: an attachment under a safe name with the stored type, never sniffed by the browser. */
    public Response download() {
        // files stored before names were checked get a safe name with the right extension too
        String safeName = EvidenceFileName.of(filename, contentType).name();
        return Response.ok(content, contentType)
                .header("Content-Disposition", "attachment; filename*=UTF-8''"
                        + URLEncoder.encode(safeName, StandardCharsets.UTF_8).replace("+", "%20"))
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }
}
