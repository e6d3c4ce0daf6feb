package org.s11portal.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.s11portal.common.web.FormErrors;

/** The survey's checks refuse values a browser never sends: unknown ones, and any value sent twice. */
class SurveyValidationTest {

    private final SurveyService service = new SurveyService();
    private static final List<String> AREAS = List.of("PORTSMOUTH", "SOUTHAMPTON");

    private static Map<Integer, List<String>> answers() {
        Map<Integer, List<String>> answers = new HashMap<>();
        for (SurveyDefinition.Question q : SurveyDefinition.QUESTIONS) {
            answers.put(q.number(), List.of(q.options().get(0).value()));
        }
        return answers;
    }

    private FormErrors check(List<String> areas, Map<Integer, List<String>> answers) {
        return service.validate(new SurveyService.SurveyInput(areas, "FRONTLINE", "BOTH", answers, null), AREAS);
    }

    @Test
    void aCompleteAnswerPasses() {
        Map<Integer, List<String>> answers = answers();
        answers.put(13, List.of("PROCEDURES", "CONTINUUM", "FAMILY_APPROACH", "ESCALATION"));
        assertFalse(check(AREAS, answers).any());
    }

    @Test
    void aRepeatedChoiceIsRefusedHoweverShortOrLong() {
        Map<Integer, List<String>> twice = answers();
        twice.put(13, List.of("PROCEDURES", "PROCEDURES"));
        assertEquals("Question 13: select each answer once", check(AREAS, twice).get("q13"));

        Map<Integer, List<String>> tenTimes = answers();
        List<String> four = List.of("PROCEDURES", "CONTINUUM", "FAMILY_APPROACH", "ESCALATION");
        tenTimes.put(13, Collections.nCopies(10, four).stream().flatMap(List::stream).toList());
        assertEquals("Question 13: select each answer once", check(AREAS, tenTimes).get("q13"));
    }

    @Test
    void aRepeatedOrUnknownAreaIsRefused() {
        assertEquals("Select each area you work in once", check(List.of("PORTSMOUTH", "PORTSMOUTH"), answers()).get("areas"));
        assertTrue(check(Collections.nCopies(60, "SOUTHAMPTON"), answers()).has("areas"));
        assertEquals("Select the areas you work in from the list", check(List.of("HAMPSHIRE"), answers()).get("areas"));
    }

    @Test
    void anUnknownChoiceIsRefused() {
        Map<Integer, List<String>> answers = answers();
        answers.put(13, List.of("PROCEDURES", "SOMETHING_ELSE"));
        assertEquals("Question 13: select an answer from the list", check(AREAS, answers).get("q13"));
    }
}
