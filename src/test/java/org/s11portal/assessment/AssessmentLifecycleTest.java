package org.s11portal.assessment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.s11portal.agency.Agency;
import org.s11portal.agency.Area;
import org.s11portal.assessment.AssessmentLifecycle.Actor;
import org.s11portal.assessment.AssessmentLifecycle.Move;
import org.s11portal.assessment.AssessmentLifecycle.MoveRefused;
import org.s11portal.cycle.Cycle;
import org.s11portal.support.Fixtures;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * Every allowed move of an assessment's state and the refused ones (wrong state, wrong person, rules not met),
 * made on real rows: an allowed move changes the state and writes its event; a refused one changes nothing.
 */
@QuarkusTest
class AssessmentLifecycleTest {

    @Inject
    Fixtures fixtures;

    @Inject
    AssessmentLifecycle lifecycle;

    /** Who makes the move, relative to the assessment's agency (in Portsmouth). */
    enum Who {
        LEAD, OTHER_AGENCY_LEAD, MODERATOR, MODERATOR_OUT_OF_SCOPE, ADMIN, SYSTEM
    }

    /** One move from one state by one actor; {@code rulesPass} answers every question so submission rules pass. */
    record Case(String name, AssessmentState from, Move move, Who who, boolean rulesPass, boolean allowed) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Case allowed(AssessmentState from, Move move, Who who, boolean rulesPass) {
        return new Case(move + " from " + from + " by " + who + (rulesPass ? "" : " with rules not met") + ": allowed",
                from, move, who, rulesPass, true);
    }

    static Case refused(AssessmentState from, Move move, Who who, boolean rulesPass, String why) {
        return new Case(move + " from " + from + " by " + who + ": refused, " + why, from, move, who, rulesPass, false);
    }

    static Stream<Case> allowedMoves() {
        return Stream.of(
                allowed(AssessmentState.NOT_STARTED, Move.START, Who.LEAD, false),
                allowed(AssessmentState.RETURNED, Move.REOPEN, Who.LEAD, false),
                allowed(AssessmentState.NOT_STARTED, Move.SUBMIT, Who.LEAD, true),
                allowed(AssessmentState.IN_PROGRESS, Move.SUBMIT, Who.LEAD, true),
                allowed(AssessmentState.RETURNED, Move.SUBMIT, Who.LEAD, true),
                allowed(AssessmentState.SUBMITTED, Move.RETURN, Who.MODERATOR, false),
                allowed(AssessmentState.SUBMITTED, Move.MODERATE, Who.MODERATOR, false),
                allowed(AssessmentState.MODERATED, Move.ISSUE_FEEDBACK, Who.MODERATOR, false),
                // the lead confirms the agreed action plan
                allowed(AssessmentState.FEEDBACK_ISSUED, Move.START_MONITORING, Who.LEAD, false),
                allowed(AssessmentState.FEEDBACK_ISSUED, Move.START_MONITORING, Who.MODERATOR, false),
                allowed(AssessmentState.FEEDBACK_ISSUED, Move.START_MONITORING, Who.SYSTEM, false),
                allowed(AssessmentState.MONITORING, Move.CLOSE, Who.MODERATOR, false),
                allowed(AssessmentState.MONITORING, Move.CLOSE, Who.SYSTEM, false),
                // the system records a submission decided elsewhere (demo data, an import): not held to the rules
                allowed(AssessmentState.IN_PROGRESS, Move.SUBMIT, Who.SYSTEM, false),
                allowed(AssessmentState.SUBMITTED, Move.MODERATE, Who.SYSTEM, false),
                // the HIPS admin closes the cycle: the system closes each assessment, whatever its state
                allowed(AssessmentState.IN_PROGRESS, Move.CLOSE_WITH_CYCLE, Who.SYSTEM, false),
                allowed(AssessmentState.SUBMITTED, Move.CLOSE_WITH_CYCLE, Who.SYSTEM, false));
    }

    static Stream<Case> refusedForWho() {
        return Stream.of(
                refused(AssessmentState.NOT_STARTED, Move.START, Who.OTHER_AGENCY_LEAD, false, "another agency's lead"),
                refused(AssessmentState.NOT_STARTED, Move.START, Who.MODERATOR, false, "moderators do not edit"),
                refused(AssessmentState.RETURNED, Move.REOPEN, Who.MODERATOR, false, "moderators do not edit"),
                refused(AssessmentState.IN_PROGRESS, Move.SUBMIT, Who.LEAD, false, "the submission rules are not met"),
                refused(AssessmentState.IN_PROGRESS, Move.SUBMIT, Who.OTHER_AGENCY_LEAD, true, "another agency's lead"),
                refused(AssessmentState.IN_PROGRESS, Move.SUBMIT, Who.MODERATOR, true, "only the agency submits"),
                refused(AssessmentState.IN_PROGRESS, Move.SUBMIT, Who.ADMIN, true, "only the agency submits"),
                refused(AssessmentState.SUBMITTED, Move.RETURN, Who.LEAD, false, "only a moderator returns"),
                refused(AssessmentState.SUBMITTED, Move.RETURN, Who.ADMIN, false, "only a moderator returns"),
                refused(AssessmentState.SUBMITTED, Move.RETURN, Who.MODERATOR_OUT_OF_SCOPE, false, "agency not in the moderator's scope"),
                refused(AssessmentState.SUBMITTED, Move.MODERATE, Who.LEAD, false, "only a moderator moderates"),
                refused(AssessmentState.SUBMITTED, Move.MODERATE, Who.ADMIN, false, "only a moderator moderates"),
                refused(AssessmentState.SUBMITTED, Move.MODERATE, Who.MODERATOR_OUT_OF_SCOPE, false, "agency not in the moderator's scope"),
                refused(AssessmentState.MODERATED, Move.ISSUE_FEEDBACK, Who.LEAD, false, "the agency does not issue its own feedback"),
                refused(AssessmentState.MODERATED, Move.ISSUE_FEEDBACK, Who.MODERATOR_OUT_OF_SCOPE, false, "agency not in the moderator's scope"),
                refused(AssessmentState.FEEDBACK_ISSUED, Move.START_MONITORING, Who.OTHER_AGENCY_LEAD, false, "another agency's lead"),
                refused(AssessmentState.FEEDBACK_ISSUED, Move.START_MONITORING, Who.ADMIN, false, "not an admin's move"),
                refused(AssessmentState.MONITORING, Move.CLOSE, Who.LEAD, false, "not the agency's move"),
                refused(AssessmentState.MONITORING, Move.CLOSE, Who.ADMIN, false, "not an admin's move"),
                refused(AssessmentState.IN_PROGRESS, Move.CLOSE_WITH_CYCLE, Who.LEAD, false, "only the system, with the cycle"),
                refused(AssessmentState.SUBMITTED, Move.CLOSE_WITH_CYCLE, Who.MODERATOR, false, "only the system, with the cycle"),
                refused(AssessmentState.SUBMITTED, Move.CLOSE_WITH_CYCLE, Who.ADMIN, false, "only the system, with the cycle"));
    }

    /** Every move from every state it does not start from, by the system (so the state is the only reason). */
    static Stream<Case> refusedForState() {
        List<Case> cases = new ArrayList<>();
        for (Move move : Move.values()) {
            for (AssessmentState from : EnumSet.complementOf(EnumSet.copyOf(move.from))) {
                cases.add(refused(from, move, Who.SYSTEM, false, "wrong state"));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allowedMoves")
    void anAllowedMoveChangesTheStateAndRecordsItsEvent(Case c) {
        Made made = make(c);
        AssessmentEvent event = QuarkusTransaction.requiringNew().call(() -> lifecycle.move(
                Assessment.findById(made.assessment.id), c.move(), made.actor, "Note for " + c.name()));

        QuarkusTransaction.requiringNew().run(() -> {
            assertEquals(c.move().to, Assessment.<Assessment>findById(made.assessment.id).state);
            AssessmentEvent saved = AssessmentEvent.findById(event.id);
            assertEquals(c.from(), saved.fromState);
            assertEquals(c.move().to, saved.toState);
            assertEquals("Note for " + c.name(), saved.note);
            assertNotNull(saved.occurredAt);
            if (c.who() == Who.SYSTEM) {
                assertNull(saved.actor);
                assertEquals("System", saved.actorName);
            } else {
                assertEquals(made.actor.user().id, saved.actor.id);
                assertEquals(made.actor.user().displayName, saved.actorName);
            }
            assertEquals(made.eventsBefore + 1, events(made.assessment));
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedForWho")
    void aMoveBySomeoneNotAllowedIsRefusedAndChangesNothing(Case c) {
        assertRefusedAndNothingChanged(c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedForState")
    void aMoveFromAStateItDoesNotStartFromIsRefusedAndChangesNothing(Case c) {
        assertRefusedAndNothingChanged(c);
    }

    @Test
    void theEntityRefusesAChangeOfStateTheTableDoesNotAllow() {
        Assessment assessment = new Assessment();
        // (NOT_STARTED to CLOSED is in the table: a cycle closing closes its assessments, CLOSE_WITH_CYCLE)
        assertThrows(IllegalStateException.class, () -> assessment.setState(AssessmentState.MONITORING));
        assertThrows(IllegalStateException.class, () -> assessment.setState(AssessmentState.MODERATED));
        assertEquals(AssessmentState.NOT_STARTED, assessment.state);
        assessment.setState(AssessmentState.IN_PROGRESS);
        assertEquals(AssessmentState.IN_PROGRESS, assessment.state);
    }

    @Test
    void everyStateIsReachedFromNotStartedAndOnlyThroughTheTable() {
        for (AssessmentState state : AssessmentState.values()) {
            AssessmentState at = AssessmentState.NOT_STARTED;
            for (Move move : AssessmentLifecycle.path(AssessmentState.NOT_STARTED, state)) {
                assertTrue(move.from.contains(at), move + " from " + at);
                at = move.to;
            }
            assertEquals(state, at);
        }
        assertEquals(List.of(Move.SUBMIT, Move.MODERATE, Move.ISSUE_FEEDBACK, Move.START_MONITORING, Move.CLOSE),
                AssessmentLifecycle.path(AssessmentState.NOT_STARTED, AssessmentState.CLOSED));
        assertThrows(IllegalArgumentException.class,
                () -> AssessmentLifecycle.path(AssessmentState.CLOSED, AssessmentState.IN_PROGRESS), "nothing leaves CLOSED");
    }

    @Test
    void theAgencyCanEditOnlyBeforeSubmittingAndAfterAReturn() {
        EnumSet<AssessmentState> editable = EnumSet.noneOf(AssessmentState.class);
        for (AssessmentState state : AssessmentState.values()) {
            if (AssessmentLifecycle.isEditable(state)) {
                editable.add(state);
            }
        }
        assertEquals(EnumSet.of(AssessmentState.NOT_STARTED, AssessmentState.IN_PROGRESS, AssessmentState.RETURNED), editable);
        for (AssessmentState state : editable) {
            assertTrue(Move.SUBMIT.from.contains(state), "an editable assessment can be submitted from " + state);
        }
    }

    private void assertRefusedAndNothingChanged(Case c) {
        Made made = make(c);
        MoveRefused refused = QuarkusTransaction.requiringNew().call(() -> {
            Assessment assessment = Assessment.findById(made.assessment.id);
            String reason = lifecycle.refusal(assessment, c.move(), made.actor);
            assertNotNull(reason, "the lifecycle should refuse " + c.name());
            MoveRefused e = assertThrows(MoveRefused.class, () -> lifecycle.move(assessment, c.move(), made.actor, "refused"));
            assertEquals(c.from(), assessment.state, "the refused move left the entity as it was");
            return e; // the transaction commits: the refusal itself must have written nothing
        });
        assertEquals(409, refused.getResponse().getStatus());
        assertEquals(c.move(), refused.move);
        QuarkusTransaction.requiringNew().run(() -> {
            assertEquals(c.from(), Assessment.<Assessment>findById(made.assessment.id).state);
            assertEquals(made.eventsBefore, events(made.assessment), "no event recorded for a refused move");
        });
    }

    private record Made(Assessment assessment, Actor actor, long eventsBefore) {
    }

    private Made make(Case c) {
        Cycle cycle = fixtures.aCycle().withTool().create();
        Agency agency = fixtures.anAgency().inAreas(Area.PORTSMOUTH).create();
        Assessment assessment = fixtures.anAssessment().forAgency(agency).inCycle(cycle).inState(c.from()).create();
        if (c.rulesPass()) {
            fixtures.answerAllFully(assessment, cycle);
        }
        Actor actor = switch (c.who()) {
            case LEAD -> Actor.person(fixtures.lead(agency));
            case OTHER_AGENCY_LEAD -> Actor.person(fixtures.lead(fixtures.anAgency().inAreas(Area.PORTSMOUTH).create()));
            case MODERATOR -> Actor.person(fixtures.moderator(Area.PORTSMOUTH));
            case MODERATOR_OUT_OF_SCOPE -> Actor.person(fixtures.moderator(Area.SOUTHAMPTON));
            case ADMIN -> Actor.person(fixtures.admin(Area.PORTSMOUTH));
            case SYSTEM -> Actor.system();
        };
        long before = QuarkusTransaction.requiringNew().call(() -> events(assessment));
        return new Made(assessment, actor, before);
    }

    private static long events(Assessment assessment) {
        return AssessmentEvent.count("assessment.id", assessment.id);
    }
}
