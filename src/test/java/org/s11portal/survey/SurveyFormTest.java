package org.s11portal.survey;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The posted form has a field for every question of the survey, and leaves blanks out. */
class SurveyFormTest {

    @Test
    void everyQuestionHasAFormField() {
        SurveyForm form = new SurveyForm();
        for (SurveyDefinition.Question question : SurveyDefinition.QUESTIONS) {
            assertEquals(List.of(), assertDoesNotThrow(() -> form.answer(question), "no form field for question " + question.number()));
        }
    }

    @Test
    void blankValuesAreLeftOut() {
        SurveyForm form = new SurveyForm();
        form.q13 = List.of("", "TRAINING", " ");
        assertEquals(List.of("TRAINING"), form.answer(SurveyDefinition.QUESTIONS.get(12)));
    }
}
