package org.s11portal.letter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.s11portal.assessment.SubmissionSnapshot;

/** What a letter says from the submission itself, and how typed paragraphs become the letter's paragraphs. */
class LetterContentsTest {

    private static SubmissionSnapshot.AnswerEntry answer(String code, String rating, String impact) {
        return new SubmissionSnapshot.AnswerEntry(code, "Question " + code, rating, rating, "Evidence", impact, null, List.of());
    }

    private static final SubmissionSnapshot SNAPSHOT = new SubmissionSnapshot("Agency", "Cycle", "1",
            List.of(new SubmissionSnapshot.StandardEntry("S1", "Leadership",
                            List.of(answer("S1.Q1", "FULL", "Impact"), answer("S1.Q2", "PART", null))),
                    new SubmissionSnapshot.StandardEntry("S2", "Training",
                            List.of(answer("S2.Q1", "FULL", "Impact"), answer("S2.Q2", "NA", null))),
                    new SubmissionSnapshot.StandardEntry("S3", "Unrated", List.of(answer("S3.Q1", null, null)))),
            List.of());

    @Test
    void theAgencysRatingOfAStandardIsItsWeakestAnswer() {
        assertEquals("Partly in place", LetterContents.agencyRating(SNAPSHOT.standards().get(0)));
        assertEquals("Fully in place", LetterContents.agencyRating(SNAPSHOT.standards().get(1)));
        assertNull(LetterContents.agencyRating(SNAPSHOT.standards().get(2)));
    }

    @Test
    void thePortalStatesItsOwnFindingsPerStandard() {
        List<LetterContent.Development> development = LetterContents.development(SNAPSHOT, Map.of("S2", List.of("Paragraph")));
        assertEquals(List.of(LetterContents.NO_IMPACT, LetterContents.GAP_WITHOUT_ACTION), development.get(0).findings());
        assertEquals(List.of(), development.get(1).findings());
        assertEquals(List.of("Paragraph"), development.get(1).paragraphs());
        List<LetterContent.StandardRow> rows = LetterContents.standardRows(SNAPSHOT, Map.of("S1", "Not in place"));
        assertEquals("Not in place", rows.get(0).panelView());
        assertEquals(LetterContent.AGREES, rows.get(1).panelView());
    }

    @Test
    void typedParagraphsAreSplitOnBlankLinesAndOnlyTheLettersOwnBoxesCount() {
        LetterContent content = LetterFixtures.content("Agency").withParagraphs(Map.of(
                LetterContent.STRENGTHS, " One.\r\n\r\n\n  Two.\n\n \n",
                LetterContent.DEVELOPMENT_PREFIX + "T2", "",
                LetterContent.DEVELOPMENT_PREFIX + "T9", "Not a standard of this letter"));
        assertEquals(List.of("One.", "Two."), content.strengths());
        assertEquals(List.of(), content.development().get(1).paragraphs());
        assertEquals(List.of("Evidence of impact not shown", "No action for a standard rated partly in place"),
                content.development().get(1).findings(), "the portal's findings are not editable paragraphs");
        assertEquals(2, content.development().size());
        assertEquals("One.\n\nTwo.", content.paragraphs().get(LetterContent.STRENGTHS));
    }
}
