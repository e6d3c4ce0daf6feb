package org.s11portal.letter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.s11portal.agency.Agency;
import org.s11portal.agency.Partnership;
import org.s11portal.assessment.Rating;
import org.s11portal.assessment.SubmissionRules;
import org.s11portal.assessment.SubmissionSnapshot;

/**
 * The parts of a {@link LetterContent} the portal can say itself from a submitted version, for whoever makes the
 * draft (the panel): the letterhead, the agency's rating per standard beside the panel's, and the standard findings
 * ("Evidence of impact not shown", "No action for a standard rated partly or not in place"), each from the one rule
 * in {@link SubmissionRules}.
 */
public final class LetterContents {

    public static final String NO_IMPACT = "Evidence of impact not shown";
    public static final String GAP_WITHOUT_ACTION = "No action for a standard rated partly or not in place";

    private LetterContents() {
    }

    /** The letterhead: the partnerships of the agency's areas in the fixed HIPS order (all four for a joint agency). */
    public static List<String> letterhead(Agency agency) {
        return agency.areasInOrder().stream().map(p -> p.name).toList();
    }

    /** The letterhead of a joint letter: every partnership, in the fixed HIPS order. */
    public static List<String> allPartnerships(List<Partnership> partnerships) {
        return partnerships.stream().sorted(java.util.Comparator.comparing(p -> p.code.ordinal())).map(p -> p.name).toList();
    }

    /**
     * The agency's rating of a standard, from its answers as submitted: the weakest rating given (not in place, then
     * partly, then fully in place); "Not applicable" when every answer was; null when none was rated.
     */
    public static String agencyRating(SubmissionSnapshot.StandardEntry standard) {
        List<Rating> ratings = standard.answers().stream().map(SubmissionSnapshot.AnswerEntry::rated)
                .filter(java.util.Objects::nonNull).toList();
        if (ratings.isEmpty()) {
            return null;
        }
        for (Rating weakest : List.of(Rating.NOT, Rating.PART, Rating.FULL)) {
            if (ratings.contains(weakest)) {
                return weakest.label;
            }
        }
        return Rating.NA.label;
    }

    /** The summary table: each standard of the submission, the agency's rating and the panel's (absent: it agrees). */
    public static List<LetterContent.StandardRow> standardRows(SubmissionSnapshot snapshot, Map<String, String> panelRatings) {
        List<LetterContent.StandardRow> rows = new ArrayList<>();
        for (SubmissionSnapshot.StandardEntry s : snapshot.standards()) {
            rows.add(new LetterContent.StandardRow(s.code(), s.title(), agencyRating(s),
                    panelRatings == null ? null : panelRatings.get(s.code())));
        }
        return rows;
    }

    /** What the portal states itself about one standard of the submission. */
    public static List<String> findings(SubmissionSnapshot snapshot, SubmissionSnapshot.StandardEntry standard) {
        List<String> findings = new ArrayList<>();
        if (standard.answers().stream().anyMatch(SubmissionSnapshot.AnswerEntry::noImpact)) {
            findings.add(NO_IMPACT);
        }
        if (SubmissionRules.gapWithoutAction(standard.answers().stream().map(SubmissionSnapshot.AnswerEntry::rated).toList(),
                snapshot.actionsFor(standard.code()).size())) {
            findings.add(GAP_WITHOUT_ACTION);
        }
        return findings;
    }

    /**
     * Areas for development for every standard of the submission: the panel's paragraphs by standard code (absent:
     * none) and the portal's own findings.
     */
    public static List<LetterContent.Development> development(SubmissionSnapshot snapshot, Map<String, List<String>> paragraphs) {
        List<LetterContent.Development> development = new ArrayList<>();
        for (SubmissionSnapshot.StandardEntry s : snapshot.standards()) {
            development.add(new LetterContent.Development(s.code(), s.title(),
                    paragraphs == null ? List.of() : paragraphs.getOrDefault(s.code(), List.of()), findings(snapshot, s)));
        }
        return development;
    }
}
