package org.s11portal.assessment;

import java.util.List;

/**
 * A whole submission as plain data: what is frozen (as JSON) when it is submitted, and what the read-only
 * view and the version comparison show. Only text and codes, so a later change of tool or name cannot
 * alter what was submitted.
 */
public record SubmissionSnapshot(String agencyName, String cycleName, String toolVersion,
        List<StandardEntry> standards, List<ActionEntry> actions) {

    public record StandardEntry(String code, String title, List<AnswerEntry> answers) {
    }

    public record AnswerEntry(String questionCode, String questionText, String rating, String ratingLabel,
            String evidence, String impact, String naReason, List<String> files) {

        /** The rating as submitted, or null when none was given. */
        public Rating rated() {
            return Rating.named(rating);
        }

        /** {@link SubmissionRules#noEvidenceOfImpact}, on what was submitted. */
        public boolean noImpact() {
            return SubmissionRules.noEvidenceOfImpact(rated(), impact);
        }
    }

    public record ActionEntry(long id, String standardCode, String questionCode, String gap, String action,
            String measure, String lead, String resources, String startDate, String targetDate, String status) {
    }

    public long answersWithoutImpact() {
        return standards.stream().flatMap(s -> s.answers().stream()).filter(AnswerEntry::noImpact).count();
    }

    public long gapsWithoutAction() {
        return standards.stream()
                .filter(s -> SubmissionRules.gapWithoutAction(s.answers().stream().map(AnswerEntry::rated).toList(),
                        actionsFor(s.code()).size()))
                .count();
    }

    public List<ActionEntry> actionsFor(String standardCode) {
        return actions.stream().filter(a -> a.standardCode().equals(standardCode)).toList();
    }

    public long count(String rating) {
        return standards.stream().flatMap(s -> s.answers().stream()).filter(a -> rating.equals(a.rating())).count();
    }
}
