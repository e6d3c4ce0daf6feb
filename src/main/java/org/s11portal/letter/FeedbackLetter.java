package org.s11portal.letter;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.hibernate.Hibernate;
import org.s11portal.account.User;
import org.s11portal.assessment.Assessment;
import org.s11portal.common.persistence.EditableEntity;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostUpdate;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

/**
 * An agency's feedback letter for one assessment. A draft is made from the panel's record ({@link LetterContent}) and
 * a template version; its individual paragraphs are edited (optimistic version, as answers). Issuing stores the PDF
 * with its SHA-256, the template version and the content it was made from, and from then on the row never changes:
 * the only change an issued row accepts is ISSUED → SUPERSEDED, when a reissue replaces it ({@link #beforeUpdate}
 * refuses anything else, whatever code tries). Superseded letters are kept and can still be downloaded.
 */
@Entity
@Table(name = "feedback_letter")
public class FeedbackLetter extends EditableEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "assessment_id")
    public Assessment assessment;

    /** The template version the letter is (or was) made from. */
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "template_id")
    public LetterTemplate template;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    public LetterState state = LetterState.DRAFT;

    /** The LetterContent as JSON: for a draft as the panel recorded it; for an issued letter exactly what it shows. */
    @Column(name = "content_json", nullable = false, columnDefinition = "longtext")
    public String contentJson;

    /** The individual paragraphs as edited (field name → text, JSON), applied over the content when rendering. */
    @Column(name = "paragraphs_json", nullable = false, columnDefinition = "longtext")
    public String paragraphsJson;

    /** The issued PDF, byte for byte as served; null for a draft. Read only when downloaded. */
    @Basic(fetch = FetchType.LAZY)
    @Column(columnDefinition = "longblob")
    public byte[] pdf;

    @Column(length = 64, columnDefinition = "char(64)")
    public String sha256;

    @Column(name = "issued_at")
    public Instant issuedAt;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "issued_by_user_id")
    public User issuedBy;

    @Column(name = "issued_by_name", length = 120)
    public String issuedByName;

    /** Why this letter replaced an earlier one; null for a first issue. */
    @Column(name = "reissue_reason", columnDefinition = "text")
    public String reissueReason;

    /** The issued letter this one replaces (a reissue), or null. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "supersedes_id")
    public FeedbackLetter supersedes;

    /** What the row held when it was read or last written: an issued letter must still hold it. */
    @Transient
    private Snapshot stored;

    private record Snapshot(LetterState state, Long assessmentId, Long templateId, String contentJson, String paragraphsJson,
            String sha256, Instant issuedAt, Long issuedById, String issuedByName, String reissueReason,
            Long supersedesId) {
    }

    /** Thrown when something tries to change an issued letter: the transaction fails and nothing is written. */
    public static class IssuedLetterChanged extends IllegalStateException {
        IssuedLetterChanged(Long id, String what) {
            super("feedback letter " + id + " is issued and cannot change (" + what + ")");
        }
    }

    /** "/letters/12": the letter's page. */
    public String path() {
        return "/letters/" + id;
    }

    public boolean isDraft() {
        return state == LetterState.DRAFT;
    }

    /** Issued or superseded: what the agency may read. */
    public boolean isIssuedOrSuperseded() {
        return state == LetterState.ISSUED || state == LetterState.SUPERSEDED;
    }

    public static List<FeedbackLetter> listForAssessment(Assessment assessment) {
        return list("assessment = ?1 order by id desc", assessment);
    }

    /** The draft letter of an assessment, or null. */
    public static FeedbackLetter draftFor(Assessment assessment) {
        return find("assessment = ?1 and state = ?2", assessment, LetterState.DRAFT).firstResult();
    }

    /** The letter that replaced this one, or null. */
    public FeedbackLetter supersededBy() {
        return find("supersedes = ?1", this).firstResult();
    }

    @PostLoad
    @PostPersist
    @PostUpdate
    void remember() {
        // the lazy PDF is not read here (that would load it with every letter): its checksum stands for it
        stored = new Snapshot(state, idOf(assessment), idOf(template), contentJson, paragraphsJson, sha256,
                issuedAt, issuedBy == null ? null : issuedBy.id, issuedByName, reissueReason, idOf(supersedes));
    }

    /**
     * The one rule of an issued letter: nothing about it changes, except that an issued letter becomes superseded.
     * A draft changes freely (its optimistic version guards concurrent edits).
     */
    @PreUpdate
    void refuseChangeOfIssued() {
        if (stored == null || stored.state() == LetterState.DRAFT) {
            return;
        }
        if (state != stored.state() && !(stored.state() == LetterState.ISSUED && state == LetterState.SUPERSEDED)) {
            throw new IssuedLetterChanged(id, "state " + stored.state() + " to " + state);
        }
        String changed = changedField();
        if (changed != null) {
            throw new IssuedLetterChanged(id, changed);
        }
    }

    private String changedField() {
        if (!Objects.equals(stored.assessmentId(), idOf(assessment))) {
            return "assessment";
        }
        if (!Objects.equals(stored.templateId(), idOf(template))) {
            return "template";
        }
        if (!Objects.equals(stored.contentJson(), contentJson)) {
            return "content";
        }
        if (!Objects.equals(stored.paragraphsJson(), paragraphsJson)) {
            return "paragraphs";
        }
        if (!Objects.equals(stored.sha256(), sha256)) {
            return "checksum";
        }
        // the PDF is read lazily: a PDF never read in this transaction cannot have been changed in it
        if (sha256 != null && Hibernate.isPropertyInitialized(this, "pdf") && (pdf == null || !sha256.equals(Sha256.hex(pdf)))) {
            return "PDF";
        }
        if (!Objects.equals(stored.issuedAt(), issuedAt) || !Objects.equals(stored.issuedByName(), issuedByName)
                || !Objects.equals(stored.issuedById(), issuedBy == null ? null : issuedBy.id)) {
            return "issue details";
        }
        if (!Objects.equals(stored.reissueReason(), reissueReason)) {
            return "reissue reason";
        }
        if (!Objects.equals(stored.supersedesId(), idOf(supersedes))) {
            return "supersedes";
        }
        return null;
    }

    private static Long idOf(Object entity) {
        if (entity instanceof Assessment a) {
            return a.id;
        }
        if (entity instanceof LetterTemplate t) {
            return t.id;
        }
        if (entity instanceof FeedbackLetter l) {
            return l.id;
        }
        return null;
    }
}
