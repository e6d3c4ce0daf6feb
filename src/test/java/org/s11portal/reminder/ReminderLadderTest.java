package org.s11portal.reminder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class ReminderLadderTest {

    static final LocalDate DUE = LocalDate.of(2027, 1, 4);

    static String keyOn(int daysBeforeDue) {
        ReminderLadder.Step step = ReminderLadder.stepOn(DUE, DUE.minusDays(daysBeforeDue));
        return step == null ? null : step.key();
    }

    @Test
    void nothingMoreThanFourteenDaysAhead() {
        assertNull(keyOn(15));
        assertNull(keyOn(60));
    }

    @Test
    void fourteenSevenAndOneDayBefore() {
        assertEquals("d14", keyOn(14));
        assertEquals("d7", keyOn(7));
        assertEquals("d1", keyOn(1));
    }

    @Test
    void aMissedDayIsCaughtUpWithTheNearestStepNotYetReached() {
        assertEquals("d14", keyOn(10));
        assertEquals("d7", keyOn(3));
        assertEquals("d1", keyOn(0));
    }

    @Test
    void weeklyWhileOverdue() {
        assertEquals("w1", keyOn(-1));
        assertEquals("w1", keyOn(-7));
        assertEquals("w2", keyOn(-8));
        assertEquals("w5", keyOn(-30));
        assertEquals(30, ReminderLadder.stepOn(DUE, DUE.plusDays(30)).daysOverdue());
    }
}
