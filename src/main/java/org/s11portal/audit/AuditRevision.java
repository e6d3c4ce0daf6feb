package org.s11portal.audit;

import org.hibernate.envers.RevisionEntity;
import org.hibernate.envers.RevisionNumber;
import org.hibernate.envers.RevisionTimestamp;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One Envers revision: when, and who (kept by name too, so the record survives a renamed account). */
@Entity
@Table(name = "revinfo")
@RevisionEntity(AuditRevisionListener.class)
public class AuditRevision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @RevisionNumber
    @Column(name = "rev")
    public int id;

    @RevisionTimestamp
    @Column(name = "revtstmp")
    public long timestamp;

    @Column(name = "user_id")
    public Long userId;

    @Column(name = "user_name", length = 120)
    public String userName;
}
