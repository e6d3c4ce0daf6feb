package org.s11portal.common.web;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * A GOV.UK date input as typed: day, month and year, each as the person entered it. {@link GovUkDate} says
 * whether it is a real date and which part is wrong; {@link #toDate()} gives the date itself.
 */
public record DateParts(String day, String month, String year) {

    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2100;

    public static DateParts of(LocalDate date) {
        return date == null ? new DateParts(null, null, null)
                : new DateParts(String.valueOf(date.getDayOfMonth()), String.valueOf(date.getMonthValue()),
                        String.valueOf(date.getYear()));
    }

    /** All three parts empty: no date given (allowed unless the field is required). */
    public boolean isEmpty() {
        return blank(day) && blank(month) && blank(year);
    }

    /** The part that is wrong ("day", "month" or "year") and what is wrong with it, or null for a real date or none. */
    Fault fault() {
        if (isEmpty()) {
            return null;
        }
        if (blank(day) || blank(month) || blank(year)) {
            return new Fault(blank(day) ? "day" : blank(month) ? "month" : "year", FaultKind.MISSING);
        }
        Integer d = number(day);
        Integer m = number(month);
        Integer y = number(year);
        if (d == null || d < 1 || d > 31) {
            return new Fault("day", FaultKind.NOT_REAL);
        }
        if (m == null || m < 1 || m > 12) {
            return new Fault("month", FaultKind.NOT_REAL);
        }
        if (y == null || y < FIRST_YEAR || y > LAST_YEAR) {
            return new Fault("year", FaultKind.YEAR);
        }
        try {
            LocalDate.of(y, m, d);
            return null;
        } catch (DateTimeException e) {
            return new Fault("day", FaultKind.NOT_REAL);
        }
    }

    /** The date, or null when no date was given or the parts do not make a real one. */
    public LocalDate toDate() {
        if (isEmpty() || fault() != null) {
            return null;
        }
        return LocalDate.of(number(year), number(month), number(day));
    }

    enum FaultKind {
        MISSING, NOT_REAL, YEAR
    }

    record Fault(String part, FaultKind kind) {

        String message(String label) {
            return switch (kind) {
                case MISSING -> label + " must include a " + part;
                case NOT_REAL -> label + " must be a real date: check the " + part;
                case YEAR -> label + " must include a year with 4 numbers, like 2027";
            };
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
