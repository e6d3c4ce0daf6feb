package org.s11portal.assessment;

import java.time.Instant;
import java.util.List;

import org.hibernate.envers.AuditReaderFactory;
import org.hibernate.envers.RevisionType;
import org.hibernate.envers.query.AuditEntity;
import org.s11portal.audit.AuditRevision;

import io.quarkus.hibernate.orm.panache.Panache;

/** Every saved change to an answer (Hibernate Envers): who, when, and the values it had after the change. */
public final class AnswerHistory {

    public record Revision(int number, Instant at, String userName, String change, String rating, String evidence,
            String impact, String naReason) {
    }

    private AnswerHistory() {
    }

    /** Newest first. Call inside a transaction. */
    @SuppressWarnings("unchecked")
    public static List<Revision> of(Answer answer) {
        List<Object[]> rows = AuditReaderFactory.get(Panache.getEntityManager())
                .createQuery()
                .forRevisionsOfEntity(Answer.class, false, true)
                .add(AuditEntity.id().eq(answer.id))
                .addOrder(AuditEntity.revisionNumber().desc())
                .getResultList();
        return rows.stream().map(row -> {
            Answer values = (Answer) row[0];
            AuditRevision revision = (AuditRevision) row[1];
            RevisionType type = (RevisionType) row[2];
            return new Revision(revision.id, Instant.ofEpochMilli(revision.timestamp), revision.userName,
                    type == RevisionType.ADD ? "Created" : type == RevisionType.DEL ? "Deleted" : "Changed",
                    values.rating == null ? "Not rated" : values.rating.label,
                    values.evidence, values.impact, values.naReason);
        }).toList();
    }

    public static Revision latestRevision(Answer answer) {
        List<Revision> revisions = of(answer);
        return revisions.isEmpty() ? null : revisions.get(0);
    }
}
