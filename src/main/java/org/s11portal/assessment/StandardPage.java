package org.s11portal.assessment;

import java.util.List;

import org.s11portal.common.web.FormErrors;
import org.s11portal.tool.Question;
import org.s11portal.tool.Standard;

/** What the standard page shows: guidance, each question with what was typed or saved, and the warnings. */
public record StandardPage(AssessmentWork work, Standard standard, List<QuestionRow> questions,
        List<SubmissionRules.Problem> standardProblems, List<ReviewComment> comments, FormErrors errors,
        List<Rating> ratings) {

    public record QuestionRow(Question question, Rating rating, String evidence, String impact, String naReason,
            Integer version, boolean carriedForward, List<SubmissionRules.Problem> problems, List<EvidenceFile> files) {

        public String id() {
            return "q" + question.id;
        }

        /** The HTML id and form name of one of this question's fields, e.g. "q12-evidence". */
        public String field(String name) {
            return id() + "-" + name;
        }

        public boolean impactMissing() {
            return rating != null && rating != Rating.NA && (impact == null || impact.isBlank());
        }
    }

    /** Answers on this page carried forward from last cycle and not yet confirmed by saving the page. */
    public long carriedForwardCount() {
        return questions.stream().filter(QuestionRow::carriedForward).count();
    }

    public boolean editable() {
        return work.isEditable();
    }

    public Standard next() {
        return work.next(standard);
    }
}
