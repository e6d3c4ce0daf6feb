package org.s11portal.panel;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.s11portal.account.CurrentUser;
import org.s11portal.assessment.Assessment;
import org.s11portal.assessment.AssessmentState;
import org.s11portal.assessment.Rating;
import org.s11portal.assessment.SubmissionSnapshot;
import org.s11portal.letter.LetterContents;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;

/**
 * The panel's ratings beside the agency's own, for the assessment's page ({@code inject:panelRatings.of(...)}), which
 * belongs to a lower package and cannot ask for them itself. Shown once the panel has accepted the submission; to the
 * agency's lead only once its letter is issued (until then the panel's record is a draft the agency never sees).
 * Private notes are never shown.
 */
@ApplicationScoped
@Named("panelRatings")
public class PanelRatings {

    /** The states in which the agency has had its letter: only issuing a letter moves an assessment past moderated. */
    private static final Set<AssessmentState> LETTER_ISSUED = EnumSet.of(AssessmentState.FEEDBACK_ISSUED,
            AssessmentState.MONITORING, AssessmentState.CLOSED);
    /** The states a panel's acceptance leads to: before them there is nothing to show, and nothing to ask. */
    private static final Set<AssessmentState> ACCEPTED_BY_A_PANEL = EnumSet.of(AssessmentState.MODERATED,
            AssessmentState.FEEDBACK_ISSUED, AssessmentState.MONITORING, AssessmentState.CLOSED);

    private static final List<Outcome> ACCEPTED = List.of(Outcome.ACCEPTED, Outcome.ACCEPTED_WITH_ACTIONS);

    @Inject
    CurrentUser currentUser;

    /** One standard: the agency's rating as submitted, and the panel's (null when it agrees) with its reason. */
    @TemplateData
    public record Row(String code, String title, String agencyRating, String panelRating, String reason) {
        public boolean agrees() {
            return panelRating == null;
        }
    }

    /** The rows for this submission, or none when there is nothing this user may see yet. */
    @Transactional
    public List<Row> of(Assessment assessment, SubmissionSnapshot snapshot) {
        if (assessment == null || snapshot == null || !ACCEPTED_BY_A_PANEL.contains(assessment.state)
                || (currentUser.isAgencyLead() && !LETTER_ISSUED.contains(assessment.state))) {
            return List.of();
        }
        // one row per finding of the accepted item, or one row of nulls when it has none; no row: not accepted
        List<Object[]> found = Panache.getEntityManager().createQuery("select s.code, f.agrees, f.panelRating, f.ratingReason"
                + " from AgendaItem i left join StandardFinding f on f.item = i left join f.standard s"
                + " where i.assessment.id = :assessment and i.outcome in :accepted", Object[].class)
                .setParameter("assessment", assessment.id).setParameter("accepted", ACCEPTED).getResultList();
        if (found.isEmpty()) {
            return List.of();
        }
        Map<String, Object[]> byCode = new HashMap<>();
        found.stream().filter(f -> f[0] != null).forEach(f -> byCode.put((String) f[0], f));
        List<Row> rows = new ArrayList<>();
        for (SubmissionSnapshot.StandardEntry standard : snapshot.standards()) {
            Object[] finding = byCode.get(standard.code());
            boolean own = finding != null && !Boolean.TRUE.equals(finding[1]) && finding[2] != null;
            rows.add(new Row(standard.code(), standard.title(), LetterContents.agencyRating(standard),
                    own ? ((Rating) finding[2]).label : null, own ? (String) finding[3] : null));
        }
        return rows;
    }
}
