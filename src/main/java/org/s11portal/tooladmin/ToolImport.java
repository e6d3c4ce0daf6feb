package org.s11portal.tooladmin;

import java.time.Instant;

import org.s11portal.common.persistence.GeneratedIdEntity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * An uploaded tool file between "check your answers" and its confirmation: kept on the server, for the admin who
 * uploaded it only, so the confirmation never trusts a copy of the tool sent back by the browser. It holds the file as
 * checked, written as JSON whether it came as JSON or YAML. Deleted once confirmed; those left unconfirmed are deleted
 * a day later, when the next file is uploaded.
 */
@Entity
@Table(name = "tool_import")
public class ToolImport extends GeneratedIdEntity {

    @Column(name = "user_id", nullable = false)
    public Long userId;

    @Column(nullable = false, columnDefinition = "mediumtext")
    public String content;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
