package org.s11portal.panel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.s11portal.assessment.SubmissionSnapshot;
import org.s11portal.assessment.SubmissionSnapshot.ActionEntry;
import org.s11portal.assessment.SubmissionSnapshot.AnswerEntry;
import org.s11portal.assessment.SubmissionSnapshot.StandardEntry;
import org.s11portal.survey.SurveyService;

/** Each quality flag of a submission comes from the rule that owns it, on what was submitted. */
class QualityFlagsTest {

    private static final LocalDate SUBMITTED = LocalDate.of(2026, 1, 4);
    private static final LocalDate CLOSES = LocalDate.of(2027, 10, 31);

    private static AnswerEntry answer(String code, String rating, String label, String impact, String naReason) {
        return new AnswerEntry(code, "Question " + code, rating, label, "Evidence", impact, naReason, List.of());
    }

    @Test
    void everyKindOfFlagOnceWhereItApplies() {
        SubmissionSnapshot snapshot = new SubmissionSnapshot("Agency", "Cycle", "2020", List.of(
                new StandardEntry("S1", "One", List.of(
                        answer("S1.Q1", "FULL", "Fully in place", null, null),
                        answer("S1.Q2", "NA", "Not applicable", null, " "))),
                new StandardEntry("S2", "Two", List.of(answer("S2.Q1", "PART", "Partly in place", "Some impact", null))),
                new StandardEntry("S3", "Three", List.of(answer("S3.Q1", "NOT", "Not in place", "None yet", null)))),
                List.of(new ActionEntry(1, "S3", null, "Gap", "Do it", null, "Lead", "Money", "2026-01-01", "2026-06-01", "Planned")));
        List<QualityFlags.Flag> flags = QualityFlags.of(snapshot, SUBMITTED, CLOSES,
                new SurveyService.TakeUp(null, 100, 39, 40));
        assertEquals(List.of(QualityFlags.Kind.NO_EVIDENCE_OF_IMPACT, QualityFlags.Kind.NA_WITHOUT_REASON,
                QualityFlags.Kind.GAP_WITHOUT_ACTION, QualityFlags.Kind.ACTION_NOT_SMART, QualityFlags.Kind.TAKE_UP_BELOW_TARGET),
                flags.stream().map(QualityFlags.Flag::kind).toList(), flags.toString());
        assertEquals(List.of("S1", "S1", "S2", "S3"), flags.stream().limit(4).map(QualityFlags.Flag::standardCode).toList());
        assertEquals("An action for S3 is not SMART: say how you will measure success", flags.get(3).message());
        assertEquals("Staff survey take-up is 39% (39 of 100 staff), below the target of 40%", flags.get(4).message());
    }

    @Test
    void aGoodSubmissionWithTakeUpOnTargetHasNoFlags() {
        SubmissionSnapshot snapshot = new SubmissionSnapshot("Agency", "Cycle", "2020", List.of(
                new StandardEntry("S1", "One", List.of(answer("S1.Q1", "PART", "Partly in place", "Impact", null)))),
                List.of(new ActionEntry(1, "S1", null, "Gap", "Do it", "Measure", "Lead", "Money", "2026-01-01", "2026-06-01",
                        "Planned")));
        assertEquals(List.of(), QualityFlags.of(snapshot, SUBMITTED, CLOSES, new SurveyService.TakeUp(null, 100, 40, 40)));
    }
}
