package org.s11portal.assessment;

import static org.s11portal.assessment.AssessmentState.CLOSED;
import static org.s11portal.assessment.AssessmentState.FEEDBACK_ISSUED;
import static org.s11portal.assessment.AssessmentState.IN_PROGRESS;
import static org.s11portal.assessment.AssessmentState.MODERATED;
import static org.s11portal.assessment.AssessmentState.MONITORING;
import static org.s11portal.assessment.AssessmentState.NOT_STARTED;
import static org.s11portal.assessment.AssessmentState.RETURNED;
import static org.s11portal.assessment.AssessmentState.SUBMITTED;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.s11portal.account.AccessScope;
import org.s11portal.account.Roles;
import org.s11portal.account.User;
import org.s11portal.common.config.PortalClock;
import org.s11portal.common.template.TemplateExtensions;
import org.s11portal.cycle.Cycle;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The one owner of an assessment's state: every allowed move (from, to, who may make it, what must be true
 * first) is in {@link Move}, and every change of state, demo data included, is made by {@link #move}, which
 * writes the {@link AssessmentEvent} that records it. {@link Assessment} refuses any change this table does
 * not allow.
 * <pre>
 *  NOT_STARTED --START--------------------------> IN_PROGRESS
 *  NOT_STARTED / IN_PROGRESS / RETURNED --SUBMIT--> SUBMITTED      agency lead; the submission rules pass
 *  SUBMITTED --RETURN--> RETURNED --REOPEN--> IN_PROGRESS            moderator in scope; then agency lead
 *  SUBMITTED --MODERATE--> MODERATED --ISSUE_FEEDBACK--> FEEDBACK_ISSUED   moderator in scope
 *  FEEDBACK_ISSUED --START_MONITORING--> MONITORING                       agency lead, moderator in scope or the system
 *  MONITORING --CLOSE--> CLOSED                                            moderator in scope or the system
 *  any state but CLOSED --CLOSE_WITH_CYCLE--> CLOSED                       the system, when the cycle is closed
 * </pre>
 * The system ({@link Actor#system()}: scheduled changes and data the portal loads itself, such as the demo
 * data) may make any move of the table from its from-state; it is not held to the submission rules, because
 * what it records was decided elsewhere. No request can act as the system.
 */
@ApplicationScoped
public class AssessmentLifecycle {

    /** Who may make a move. */
    public enum Who {
        /** A lead of the assessment's own agency. */
        AGENCY_LEAD,
        /** A moderator whose scope includes the assessment's agency. */
        MODERATOR,
        /** The portal itself: scheduled changes and loaded data. */
        SYSTEM
    }

    /** What must be true, beyond the from-state, before a person makes a move. */
    public enum Precondition {
        NONE,
        /** {@link SubmissionRules#problems} finds nothing on the day of submission. */
        SUBMISSION_RULES_PASS
    }

    /** Every allowed move of an assessment's state; anything else is refused. */
    public enum Move {
        /** The first answer or action is saved, or last cycle's answers are carried forward. */
        START(EnumSet.of(NOT_STARTED), IN_PROGRESS, EnumSet.of(Who.AGENCY_LEAD), Precondition.NONE),
        /** The lead changes a returned assessment. */
        REOPEN(EnumSet.of(RETURNED), IN_PROGRESS, EnumSet.of(Who.AGENCY_LEAD), Precondition.NONE),
        /** Signed off and frozen as a version; the action plan locks with it. */
        SUBMIT(EnumSet.of(NOT_STARTED, IN_PROGRESS, RETURNED), SUBMITTED, EnumSet.of(Who.AGENCY_LEAD),
                Precondition.SUBMISSION_RULES_PASS),
        /** Returned to the agency with comments (before or at the panel). */
        RETURN(EnumSet.of(SUBMITTED), RETURNED, EnumSet.of(Who.MODERATOR), Precondition.NONE),
        /** The panel accepts the submission. */
        MODERATE(EnumSet.of(SUBMITTED), MODERATED, EnumSet.of(Who.MODERATOR), Precondition.NONE),
        /** The feedback letter is issued. */
        ISSUE_FEEDBACK(EnumSet.of(MODERATED), FEEDBACK_ISSUED, EnumSet.of(Who.MODERATOR), Precondition.NONE),
        /** Year 2: the agency's lead confirms the agreed action plan (or a moderator starts it), then it is monitored. */
        START_MONITORING(EnumSet.of(FEEDBACK_ISSUED), MONITORING, EnumSet.of(Who.AGENCY_LEAD, Who.MODERATOR, Who.SYSTEM),
                Precondition.NONE),
        /** After the year 2 panel check the cycle is closed for the agency. */
        CLOSE(EnumSet.of(MONITORING), CLOSED, EnumSet.of(Who.MODERATOR, Who.SYSTEM), Precondition.NONE),
        /**
         * The HIPS admin closes the cycle: every assessment of it not closed yet is closed, whatever its state, by the
         * system ({@link #closeWithCycle}); never a path to a state ({@link #path}).
         */
        CLOSE_WITH_CYCLE(EnumSet.complementOf(EnumSet.of(CLOSED)), CLOSED, EnumSet.of(Who.SYSTEM), Precondition.NONE);

        public final Set<AssessmentState> from;
        public final AssessmentState to;
        /** The people who may make the move; the system may make any move (see the class comment). */
        public final Set<Who> who;
        public final Precondition precondition;

        Move(Set<AssessmentState> from, AssessmentState to, Set<Who> who, Precondition precondition) {
            this.from = from;
            this.to = to;
            this.who = who;
            this.precondition = precondition;
        }
    }

    /** Who makes a move: a signed-in person, or the system (never a request). */
    public record Actor(User user) {

        private static final Actor SYSTEM = new Actor(null);

        public static Actor person(User user) {
            if (user == null) {
                throw new IllegalArgumentException("a person moving an assessment must be known");
            }
            return new Actor(user);
        }

        public static Actor system() {
            return SYSTEM;
        }

        public boolean isSystem() {
            return user == null;
        }

        String name() {
            return isSystem() ? "System" : user.displayName;
        }
    }

    /** Why a move was refused: nothing was changed. Uncaught it is a 409, never a 500. */
    public static class MoveRefused extends jakarta.ws.rs.ClientErrorException {

        public final transient Move move;
        public final String reason;

        MoveRefused(Move move, String reason) {
            super("assessment move " + move + " refused: " + reason, 409);
            this.move = move;
            this.reason = reason;
        }
    }

    /** States in which the agency can change its answers and action plan; submitting locks both. */
    private static final Set<AssessmentState> EDITABLE = EnumSet.of(NOT_STARTED, IN_PROGRESS, RETURNED);

    @Inject
    AccessScope scope;

    @Inject
    PortalClock clock;

    /** Whether the table has a move from one state to another (the entity's own check). */
    public static boolean allows(AssessmentState from, AssessmentState to) {
        for (Move move : Move.values()) {
            if (move.from.contains(from) && move.to == to) {
                return true;
            }
        }
        return false;
    }

    /**
     * The fewest moves that take an assessment from one state to another (empty when they are the same), in the
     * table's order: how the system brings loaded data (demo, tests) to a state. Refused when no path exists.
     */
    public static List<Move> path(AssessmentState from, AssessmentState to) {
        java.util.Map<AssessmentState, List<Move>> reached = new java.util.EnumMap<>(AssessmentState.class);
        reached.put(from, List.of());
        java.util.ArrayDeque<AssessmentState> queue = new java.util.ArrayDeque<>(List.of(from));
        while (!queue.isEmpty()) {
            AssessmentState state = queue.poll();
            if (state == to) {
                return reached.get(state);
            }
            for (Move move : Move.values()) {
                if (move != Move.CLOSE_WITH_CYCLE && move.from.contains(state) && !reached.containsKey(move.to)) {
                    List<Move> moves = new java.util.ArrayList<>(reached.get(state));
                    moves.add(move);
                    reached.put(move.to, List.copyOf(moves));
                    queue.add(move.to);
                }
            }
        }
        throw new IllegalArgumentException("no moves lead from " + from + " to " + to);
    }

    /** Whether the agency can change answers and actions in this state: until it submits, and after a return. */
    public static boolean isEditable(AssessmentState state) {
        return EDITABLE.contains(state);
    }

    /**
     * The one rule of a closed cycle: its assessments (all CLOSED since {@link #closeWithCycle}) can be read, but
     * nothing of them can be changed by anyone: answers, files, action plan, year-2 updates and returns, requests,
     * panel findings and letters. The CLOSED state refuses most of these already; panel findings and letters, which
     * do not follow the assessment's state, ask this too. Every refusal and every page of such an assessment says
     * this sentence; null when the assessment's cycle is not closed.
     */
    public static String closedReason(Assessment assessment) {
        return assessment.cycle.isClosed()
                ? cycleClosed(assessment.cycle) + " Everything in it can still be read, but nothing can be changed."
                : null;
    }

    /** "This cycle closed on 3 March 2027.", the notice on every page of a closed cycle's assessment. */
    public static String cycleClosed(Cycle cycle) {
        return "This cycle closed on " + TemplateExtensions.format(cycle.closedOn != null ? cycle.closedOn : cycle.closes) + ".";
    }

    /**
     * The HIPS admin closed the cycle: each of its assessments not closed yet is closed (CLOSE_WITH_CYCLE, by the
     * system, with the event that records from which state), so every rule that keeps a closed assessment read-only
     * holds for all of them. Returns how many were closed.
     */
    public int closeWithCycle(Cycle cycle) {
        List<Assessment> open = Assessment.list("cycle = ?1 and state <> ?2", cycle, CLOSED);
        for (Assessment assessment : open) {
            move(assessment, Move.CLOSE_WITH_CYCLE, Actor.system(), "The cycle closed");
        }
        return open.size();
    }

    /** Whether the move can be made from the assessment's present state (the first precondition of every move). */
    public static boolean canMoveFrom(Move move, Assessment assessment) {
        return move.from.contains(assessment.state);
    }

    /** Why this actor may not make this move now, or null when the move is allowed. Changes nothing. */
    public String refusal(Assessment assessment, Move move, Actor actor) {
        if (!canMoveFrom(move, assessment)) {
            return "the assessment is " + assessment.state.label.toLowerCase() + ", not "
                    + move.from.stream().map(s -> s.label.toLowerCase()).toList();
        }
        if (actor.isSystem()) {
            return null;
        }
        if (!mayAct(actor.user(), assessment, move)) {
            return "a " + actor.user().role + " may not " + move.name().toLowerCase().replace('_', ' ') + " this assessment";
        }
        if (move.precondition == Precondition.SUBMISSION_RULES_PASS) {
            List<SubmissionRules.Problem> problems = SubmissionRules.problems(AssessmentWork.load(assessment), clock.today());
            if (!problems.isEmpty()) {
                return problems.size() + " submission rules are not met";
            }
        }
        return null;
    }

    /**
     * Makes the move and records it (from, to, who, when and the note); refused with {@link MoveRefused},
     * changing nothing, when the table does not allow it.
     */
    public AssessmentEvent move(Assessment assessment, Move move, Actor actor, String note) {
        String refusal = refusal(assessment, move, actor);
        if (refusal != null) {
            throw new MoveRefused(move, refusal);
        }
        AssessmentEvent event = new AssessmentEvent();
        event.assessment = assessment;
        event.fromState = assessment.state;
        event.toState = move.to;
        event.actor = actor.user();
        event.actorName = actor.name();
        event.occurredAt = clock.now();
        event.note = note;
        assessment.setState(move.to);
        event.persist();
        return event;
    }

    /**
     * The agency lead changed an answer or an action: a not-started assessment is now in progress, a returned one
     * is being changed again; nothing happens in progress. Callers have checked the assessment is editable.
     */
    public void edited(Assessment assessment, User lead, String firstNote, String afterReturnNote) {
        if (canMoveFrom(Move.START, assessment)) {
            move(assessment, Move.START, Actor.person(lead), firstNote);
        } else if (canMoveFrom(Move.REOPEN, assessment)) {
            move(assessment, Move.REOPEN, Actor.person(lead), afterReturnNote);
        }
    }

    private boolean mayAct(User user, Assessment assessment, Move move) {
        if (move.who.contains(Who.AGENCY_LEAD) && user.leads(assessment.agency)) {
            return true;
        }
        return move.who.contains(Who.MODERATOR) && Roles.MODERATOR.equals(user.role) && scope.canSee(user, assessment.agency);
    }
}
