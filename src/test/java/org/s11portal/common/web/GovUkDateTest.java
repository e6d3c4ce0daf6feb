package org.s11portal.common.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.s11portal.common.web.TestValidator.VALIDATOR;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GovUkDateTest {

    record Form(@GovUkDate(label = "Start date") DateParts date) {
        Form(String day, String month, String year) {
            this(new DateParts(day, month, year));
        }
    }

    private static List<InputProblem> problems(String day, String month, String year) {
        return Violations.problems(VALIDATOR.validate(new Form(day, month, year)));
    }

    @Test
    void anEmptyDateIsAllowedAndIsNoDate() {
        assertTrue(problems(null, "", " ").isEmpty());
        assertNull(new DateParts(null, "", " ").toDate());
    }

    @Test
    void aRealDateHasNoProblemAndGivesTheDate() {
        assertTrue(problems(" 29", "2", "2028 ").isEmpty());
        assertEquals(LocalDate.of(2028, 2, 29), new DateParts(" 29", "2", "2028 ").toDate());
        assertEquals(new DateParts("3", "11", "2027"), DateParts.of(LocalDate.of(2027, 11, 3)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "null|3|2027|date.day|Start date must include a day",
            "1|null|2027|date.month|Start date must include a month",
            "1|3|null|date.year|Start date must include a year",
            "32|3|2027|date.day|Start date must be a real date: check the day",
            "x|3|2027|date.day|Start date must be a real date: check the day",
            "1|13|2027|date.month|Start date must be a real date: check the month",
            "1|3|27|date.year|Start date must include a year with 4 numbers, like 2027",
            "1|3|2101|date.year|Start date must include a year with 4 numbers, like 2027",
            "31|2|2027|date.day|Start date must be a real date: check the day",
            "29|2|2027|date.day|Start date must be a real date: check the day" })
    void aWrongDateNamesTheWrongPart(String day, String month, String year, String property, String message) {
        assertEquals(List.of(new InputProblem(property, message)), problems(day, month, year));
        assertNull(new DateParts(day, month, year).toDate());
    }

    record Odd(@GovUkDate(label = "Date {max} ${1+1}") DateParts date) {
    }

    @Test
    void aLabelIsNeverReadAsAMessageTemplate() {
        assertEquals("Date {max} ${1+1} must be a real date: check the day",
                Violations.problems(VALIDATOR.validate(new Odd(new DateParts("40", "1", "2027")))).get(0).message());
    }
}
