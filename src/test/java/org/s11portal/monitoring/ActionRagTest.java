package org.s11portal.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.s11portal.assessment.ActionItem;
import org.s11portal.assessment.ActionStatus;
import org.s11portal.monitoring.ActionRag.Rag;

/** Each rule of {@link ActionRag} and {@link CheckpointAnswer}, one test per rule: removing the rule fails its test. */
class ActionRagTest {

    static final LocalDate TODAY = LocalDate.of(2027, 3, 15);
    static final ZoneId UK = ZoneId.of("Europe/London");

    static ActionItem action(ActionStatus status, LocalDate start, LocalDate due) {
        ActionItem action = new ActionItem();
        action.status = status;
        action.startDate = start;
        action.targetDate = due;
        return action;
    }

    @Test
    void anOpenActionPastItsDueDateIsOverdueAndRed() {
        for (ActionStatus open : new ActionStatus[] { ActionStatus.NOT_STARTED, ActionStatus.ON_TRACK, ActionStatus.AT_RISK }) {
            ActionItem action = action(open, TODAY.minusMonths(6), TODAY.minusDays(1));
            assertTrue(ActionRag.overdue(action, TODAY), open + " past due");
            assertEquals(Rag.RED, ActionRag.rag(action, TODAY), open + " past due");
        }
    }

    @Test
    void dueTodayIsNotYetOverdue() {
        assertFalse(ActionRag.overdue(action(ActionStatus.ON_TRACK, TODAY.minusMonths(1), TODAY), TODAY));
    }

    @Test
    void completeOrNoLongerNeededIsNeverOverdue() {
        assertFalse(ActionRag.overdue(action(ActionStatus.COMPLETE, TODAY.minusMonths(6), TODAY.minusDays(30)), TODAY));
        assertFalse(ActionRag.overdue(action(ActionStatus.NO_LONGER_NEEDED, TODAY.minusMonths(6), TODAY.minusDays(30)), TODAY));
    }

    @Test
    void atRiskWithinFourWeeksOfItsDueDateIsRed() {
        assertEquals(Rag.RED, ActionRag.rag(action(ActionStatus.AT_RISK, TODAY.minusMonths(2), TODAY.plusDays(ActionRag.NEAR_DUE_DAYS)), TODAY));
    }

    @Test
    void atRiskFurtherFromItsDueDateIsAmber() {
        assertEquals(Rag.AMBER, ActionRag.rag(action(ActionStatus.AT_RISK, TODAY.minusMonths(2), TODAY.plusDays(ActionRag.NEAR_DUE_DAYS + 1)), TODAY));
    }

    @Test
    void notStartedAfterItsStartDateIsAmber() {
        assertEquals(Rag.AMBER, ActionRag.rag(action(ActionStatus.NOT_STARTED, TODAY.minusDays(1), TODAY.plusMonths(3)), TODAY));
    }

    @Test
    void notStartedBeforeItsStartDateIsGreen() {
        assertEquals(Rag.GREEN, ActionRag.rag(action(ActionStatus.NOT_STARTED, TODAY.plusDays(1), TODAY.plusMonths(3)), TODAY));
        assertEquals(Rag.GREEN, ActionRag.rag(action(ActionStatus.NOT_STARTED, TODAY, TODAY.plusMonths(3)), TODAY));
    }

    @Test
    void onTrackBeforeItsDueDateIsGreen() {
        assertEquals(Rag.GREEN, ActionRag.rag(action(ActionStatus.ON_TRACK, TODAY.minusMonths(1), TODAY.plusDays(3)), TODAY));
    }

    @Test
    void completeIsGreenEvenPastItsDueDate() {
        assertEquals(Rag.GREEN, ActionRag.rag(action(ActionStatus.COMPLETE, TODAY.minusMonths(6), TODAY.minusMonths(1)), TODAY));
    }

    @Test
    void noLongerNeededHasNoColour() {
        assertEquals(Rag.NONE, ActionRag.rag(action(ActionStatus.NO_LONGER_NEEDED, TODAY.minusMonths(6), TODAY.minusMonths(1)), TODAY));
    }

    // ---- checkpoints

    static Checkpoint checkpoint(LocalDate due) {
        Checkpoint checkpoint = new Checkpoint();
        checkpoint.dueOn = due;
        return checkpoint;
    }

    static CheckpointReturn sentOn(Instant at) {
        CheckpointReturn sent = new CheckpointReturn();
        sent.sentAt = at;
        return sent;
    }

    @Test
    void aReturnSentOnTheDueDateUkTimeIsOnTime() {
        // 23:30 UK summer time on the due date is already the next day in UTC
        LocalDate due = LocalDate.of(2027, 6, 30);
        Instant lateEvening = due.atTime(23, 30).atZone(UK).toInstant();
        assertEquals(CheckpointAnswer.ON_TIME, CheckpointAnswer.of(checkpoint(due), sentOn(lateEvening), due.plusDays(5), UK));
    }

    @Test
    void aReturnSentAfterTheDueDateIsLate() {
        LocalDate due = LocalDate.of(2027, 3, 31);
        Instant nextMorning = due.plusDays(1).atTime(0, 5).atZone(UK).toInstant();
        assertEquals(CheckpointAnswer.LATE, CheckpointAnswer.of(checkpoint(due), sentOn(nextMorning), due.plusDays(5), UK));
    }

    @Test
    void noReturnAfterTheDueDateIsMissing() {
        LocalDate due = LocalDate.of(2027, 3, 31);
        assertEquals(CheckpointAnswer.MISSING, CheckpointAnswer.of(checkpoint(due), null, due.plusDays(1), UK));
    }

    @Test
    void noReturnUntilTheDueDateIsNotDueYet() {
        LocalDate due = LocalDate.of(2027, 3, 31);
        assertEquals(CheckpointAnswer.NOT_DUE, CheckpointAnswer.of(checkpoint(due), null, due, UK));
    }
}
