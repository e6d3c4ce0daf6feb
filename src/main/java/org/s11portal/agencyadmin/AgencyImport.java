package org.s11portal.agencyadmin;

import java.time.Instant;

import org.s11portal.common.persistence.GeneratedIdEntity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * An uploaded agency import between its preview and its confirmation: the rows as read from the file (JSON), owned
 * by the admin who uploaded it and kept for an hour. The rows are checked again when the import is confirmed; the
 * form that confirms it carries only this row's id.
 */
@Entity
@Table(name = "agency_import")
public class AgencyImport extends GeneratedIdEntity {

    @Column(name = "owner_id", nullable = false)
    public Long ownerId;

    @Column(name = "file_name", nullable = false, length = 200)
    public String fileName;

    @Column(name = "row_count", nullable = false)
    public int rowCount;

    @Column(name = "rows_json", nullable = false, columnDefinition = "mediumtext")
    public String rowsJson;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;
}
