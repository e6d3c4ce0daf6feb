package org.s11portal.assessment;

/**
 * What a lead typed for one question, from the page or the API, with the version of the answer they
 * started from (null when there was none yet).
 */
public record AnswerInput(Rating rating, String evidence, String impact, String naReason, Integer version) {

    public static final int MAX_TEXT = 10_000;
    static final String TOO_LONG = "must be " + MAX_TEXT + " characters or fewer";

    public AnswerInput {
        evidence = clean(evidence);
        impact = clean(impact);
        naReason = clean(naReason);
    }

    boolean sameContentAs(Answer answer) {
        if (answer == null) {
            return rating == null && evidence == null && impact == null && naReason == null;
        }
        return rating == answer.rating && eq(evidence, answer.evidence) && eq(impact, answer.impact)
                && eq(naReason, answer.naReason);
    }

    private static boolean eq(String a, String b) {
        return a == null ? b == null || b.isBlank() : a.equals(b);
    }

    private static String clean(String text) {
        if (text == null) {
            return null;
        }
        String normalised = text.replace("\r\n", "\n").strip();
        return normalised.isEmpty() ? null : normalised;
    }
}
