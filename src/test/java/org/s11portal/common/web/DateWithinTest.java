package org.s11portal.common.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.s11portal.common.web.TestValidator.VALIDATOR;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class DateWithinTest {

    record Input(@DateWithin(label = "Target date") LocalDate targetDate) {
    }

    private static List<InputProblem> problems(LocalDate date) {
        return Violations.problems(VALIDATOR.validate(new Input(date)));
    }

    @Test
    void noDateAndDatesInTheRangeAreAllowed() {
        assertTrue(problems(null).isEmpty());
        assertTrue(problems(LocalDate.of(2000, 1, 1)).isEmpty());
        assertTrue(problems(LocalDate.of(2100, 12, 31)).isEmpty());
    }

    @Test
    void aDateOutsideTheRangeIsAProblemWithTheWholeDate() {
        InputProblem expected = new InputProblem("targetDate", "Target date must be a date from 2000 to 2100");
        assertEquals(List.of(expected), problems(LocalDate.of(1999, 12, 31)));
        assertEquals(List.of(expected), problems(LocalDate.of(2101, 1, 1)));
    }
}
