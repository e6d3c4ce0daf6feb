package org.s11portal.common.web;

import java.time.DateTimeException;
import java.time.LocalDate;


/**
 * Reads a GOV.UK date input (day, month, year). All empty means "no date yet" (allowed in a draft);
 * anything else must be a real date, and the error names the part that is wrong.
 */
public final class DateInput {

    private DateInput() {
    }

    public static LocalDate read(String field, String label, String day, String month, String year, FormErrors errors) {
        boolean dayEmpty = blank(day);
        boolean monthEmpty = blank(month);
        boolean yearEmpty = blank(year);
        if (dayEmpty && monthEmpty && yearEmpty) {
            return null;
        }
        if (dayEmpty || monthEmpty || yearEmpty) {
            String missing = dayEmpty ? "day" : monthEmpty ? "month" : "year";
            errors.add(field + "-" + missing, label + " must include a " + missing);
            return null;
        }
        Integer d = number(day);
        Integer m = number(month);
        Integer y = number(year);
        if (d == null || d < 1 || d > 31) {
            errors.add(field + "-day", label + " must be a real date: check the day");
            return null;
        }
        if (m == null || m < 1 || m > 12) {
            errors.add(field + "-month", label + " must be a real date: check the month");
            return null;
        }
        if (y == null || y < 2000 || y > 2100) {
            errors.add(field + "-year", label + " must include a year with 4 numbers, like 2027");
            return null;
        }
        try {
            return LocalDate.of(y, m, d);
        } catch (DateTimeException e) {
            errors.add(field + "-day", label + " must be a real date: check the day");
            return null;
        }
    }

    private static Integer number(String text) {
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
