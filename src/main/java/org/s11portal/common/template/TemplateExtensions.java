package org.s11portal.common.template;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import io.quarkus.qute.TemplateExtension;

/** Formatting used by every template: dates the GOV.UK way, in UK time. */
@TemplateExtension
public class TemplateExtensions {

    private static final ZoneId UK = ZoneId.of("Europe/London");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mma", Locale.UK);

    /** 14 October 2020 */
    public static String format(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    /** 14 October 2020 at 3:05pm (UK time) */
    static String format(Instant instant) {
        if (instant == null) {
            return "";
        }
        var local = instant.atZone(UK);
        return DATE.format(local) + " at " + TIME.format(local).toLowerCase(Locale.UK);
    }

    /** ISO date for {@code <time datetime>}. */
    static String iso(LocalDate date) {
        return date == null ? "" : date.toString();
    }

    /** "12 days left", "Due today", "3 days overdue". */
    static String daysLeftText(Long days) {
        if (days == null) {
            return "";
        }
        if (days == 0) {
            return "Due today";
        }
        if (days > 0) {
            return days == 1 ? "1 day left" : days + " days left";
        }
        return -days == 1 ? "1 day overdue" : -days + " days overdue";
    }

    /** A frozen file entry ("minutes.pdf (SHA-256 ab12…)") as people read it: the checksum is for the record. */
    static String withoutChecksum(String fileEntry) {
        int checksum = fileEntry.lastIndexOf(" (SHA-256 ");
        return checksum < 0 ? fileEntry : fileEntry.substring(0, checksum);
    }
}
