package org.s11portal.panel;

import java.util.List;

import org.s11portal.account.User;
import org.s11portal.assessment.Assessment;
import org.s11portal.assessment.AssessmentLifecycle;
import org.s11portal.assessment.AssessmentService;
import org.s11portal.assessment.AssessmentWork;
import org.s11portal.letter.FeedbackLetter;
import org.s11portal.letter.LetterState;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** The bench's records: submissions frozen as a lead's submit freezes them, and a panel's letters undone between runs. */
@ApplicationScoped
public class LettersBenchData {

    @Inject
    AssessmentService assessments;

    @Inject
    AssessmentLifecycle lifecycle;

    @Inject
    EntityManager em;

    /** Freezes the answered assessment as version 1 and submits it (the system stands in for the lead's sign-off). */
    @Transactional
    public void submit(long assessmentId, User lead) {
        Assessment assessment = Assessment.findById(assessmentId);
        assessments.freeze(AssessmentWork.load(assessment), "Dr A. Senior", "Director of Safeguarding", User.findById(lead.id));
        lifecycle.move(assessment, AssessmentLifecycle.Move.SUBMIT, AssessmentLifecycle.Actor.system(), "Letters bench");
    }

    /**
     * Bench only: deletes the panel's letters and puts its assessments back to moderated (dropping the "feedback
     * issued" events), so that the next run makes and issues the same 300 letters afresh. No portal code path does
     * this: an issued letter never changes.
     */
    @Transactional
    public void undoLetters(long panelId) {
        String assessmentsOfPanel = "select assessment_id from agenda_item where panel_day_id = ?1";
        em.createNativeQuery("delete from feedback_letter where assessment_id in (" + assessmentsOfPanel + ")")
                .setParameter(1, panelId).executeUpdate();
        em.createNativeQuery("delete from assessment_event where to_state = 'FEEDBACK_ISSUED' and assessment_id in ("
                + assessmentsOfPanel + ")").setParameter(1, panelId).executeUpdate();
        em.createNativeQuery("update assessment set state = 'MODERATED' where id in (" + assessmentsOfPanel + ")")
                .setParameter(1, panelId).executeUpdate();
    }

    /** How many of the panel's letters are issued, and how many of those have a stored hash that is not of their bytes. */
    @Transactional
    public long[] issuedAndBadHashes(long panelId) {
        List<FeedbackLetter> issued = FeedbackLetter.list(
                "state = ?1 and assessment.id in (select i.assessment.id from AgendaItem i where i.panel.id = ?2)",
                LetterState.ISSUED, panelId);
        long bad = issued.stream().filter(l -> !l.sha256.equals(sha256(l.pdf))).count();
        return new long[] { issued.size(), bad };
    }

    /** Average size of the panel's issued PDFs, in bytes. */
    @Transactional
    public long averagePdfBytes(long panelId) {
        Number n = (Number) em.createNativeQuery("select avg(length(pdf)) from feedback_letter where state = 'ISSUED'"
                + " and assessment_id in (select assessment_id from agenda_item where panel_day_id = ?1)")
                .setParameter(1, panelId).getSingleResult();
        return n == null ? 0 : n.longValue();
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
