package org.s11portal.reminder;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.s11portal.account.User;
import org.s11portal.agency.Agency;
import org.s11portal.agency.Area;
import org.s11portal.assessment.Assessment;
import org.s11portal.assessment.AssessmentState;
import org.s11portal.cycle.Cycle;
import org.s11portal.mail.OutboxMessage;
import org.s11portal.support.Fixtures;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** A lead of two agencies is chased for each agency's self-assessment: one email per agency and step, each once. */
@QuarkusTest
class LeadOfTwoAgenciesReminderTest {

    @Inject
    Fixtures fixtures;

    @Inject
    Reminders reminders;

    /** As in ReminderTest: other classes' open cycles (with every agency of the database taking part) are closed first. */
    @BeforeEach
    void onlyThisTestsCycleIsLive() {
        QuarkusTransaction.requiringNew().run(() -> Cycle.update("status = ?1 where status = ?2", Cycle.Status.CLOSED,
                Cycle.Status.OPEN));
    }

    @Test
    void eachAgencysSelfAssessmentIsChasedOnce() {
        Cycle cycle = fixtures.aCycle().withTool().withoutParticipants().create();
        Agency first = fixtures.anAgency().inAreas(Area.PORTSMOUTH).create();
        Agency second = fixtures.anAgency().inAreas(Area.ISLE_OF_WIGHT).create();
        fixtures.anAssessment().forAgency(first).inCycle(cycle).inState(AssessmentState.IN_PROGRESS).create();
        fixtures.anAssessment().forAgency(second).inCycle(cycle).inState(AssessmentState.NOT_STARTED).create();
        User lead = fixtures.leadOf(first, second);
        LocalDate day = cycle.year1Due.minusDays(7);

        reminders.run(day);
        reminders.run(day);

        assertEquals(List.of("assessment-due:" + cycle.id + "-" + first.id + ":" + cycle.year1Due + ":d7:" + lead.id + " " + first.id,
                "assessment-due:" + cycle.id + "-" + second.id + ":" + cycle.year1Due + ":d7:" + lead.id + " " + second.id),
                QuarkusTransaction.requiringNew().call(() -> OutboxMessage.<OutboxMessage>list(
                        "recipient = ?1 and kind = 'assessment-due' order by agencyId", lead.email)).stream()
                        .map(m -> m.dedupeKey + " " + m.agencyId).toList());
    }
}
