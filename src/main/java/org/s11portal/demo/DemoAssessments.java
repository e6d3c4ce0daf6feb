package org.s11portal.demo;

import java.time.LocalDate;
import java.util.List;

import org.s11portal.account.User;
import org.s11portal.agency.Agency;
import org.s11portal.assessment.ActionItem;
import org.s11portal.assessment.ActionStatus;
import org.s11portal.assessment.Answer;
import org.s11portal.assessment.Assessment;
import org.s11portal.assessment.AssessmentLifecycle;
import org.s11portal.assessment.AssessmentLifecycle.Actor;
import org.s11portal.assessment.AssessmentLifecycle.Move;
import org.s11portal.assessment.AssessmentService;
import org.s11portal.assessment.AssessmentState;
import org.s11portal.assessment.AssessmentWork;
import org.s11portal.assessment.Rating;
import org.s11portal.assessment.ReviewComment;
import org.s11portal.assessment.SubmissionVersion;
import org.s11portal.common.config.PortalClock;
import org.s11portal.cycle.Cycle;
import org.s11portal.moderation.ReturnEmails;
import org.s11portal.tool.Question;
import org.s11portal.tool.Standard;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The demo agencies' self-assessments, one in each state the standards-2020 brief asks for: in progress
 * with a partly rating and no action, submitted with answers lacking evidence of impact, returned with
 * comments, moderated, letter issued, and year-2 monitoring (overdue) in the historical cycle. Moderated and letter
 * issued are reached at the demo's panels ({@link DemoPanels}), as a moderator reaches them.
 * Answers are written in each agency's own words ({@link DemoAnswerTexts}): most are strong (what is done,
 * the evidence, the difference for children), two agencies write weakly on purpose (vague answers, gaps
 * without evidence of impact), and a few questions are not applicable with a reason, so a person trying
 * the portal sees both what good looks like and what the flags catch.
 */
@ApplicationScoped
class DemoAssessments {

    @Inject
    ReturnEmails returnEmails;

    @Inject
    AssessmentService assessments;

    @Inject
    PortalClock clock;

    @Inject
    AssessmentLifecycle lifecycle;

    @Inject
    DemoPanels panels;

    @Inject
    DemoMonitoring monitoring;

    /** No person made the demo's moves: the portal loads them, as the system. */
    private static final Actor SYSTEM = Actor.system();

    /** Where the demo agencies' gaps are: partly in place, each with a written answer that says what is missing. */
    static final java.util.Set<String> PARTLY_IN_PLACE = java.util.Set.of("S2.Q1", "S5.Q1", "S8.Q1");

    /** How well an agency writes its answers. */
    enum Style {
        /** Evidence and evidence of impact throughout. */
        STRONG,
        /** Some vague answers, and gaps with no evidence of impact: what moderators flag. */
        WEAK
    }

    void seed(List<Agency> agencies, Cycle historical, Cycle live, User admin) {
        User lead = DemoData.leadOf(agencies.get(0));
        if (lead == null) {
            throw new IllegalStateException("demo users must exist before demo assessments");
        }
        // historical cycle: submitted, then held at that cycle's panels and sent their letters (DemoPanels), then
        // year 2: agreeing the plan, monitoring and closed (DemoMonitoring)
        List<Assessment> historicalSubmitted = new java.util.ArrayList<>();
        for (int i = 0; i < 9 && i < agencies.size(); i++) {
            Assessment assessment = create(agencies.get(i), historical, admin);
            answerAll(assessment, Style.STRONG, null);
            actionsForGaps(assessment, historical.year2Due.minusMonths(3), historical.closes);
            lifecycle.move(assessment, Move.START, SYSTEM, "Demo data");
            assessments.freeze(AssessmentWork.load(assessment), "Dr A. Senior", "Director of Safeguarding", admin);
            moveTo(assessment, AssessmentState.SUBMITTED);
            historicalSubmitted.add(assessment);
        }
        panels.heldHistorical(historical, historicalSubmitted);
        // year 2: one to agree its plan, some monitored, the rest closed (DemoMonitoring)
        monitoring.historical(historical, historicalSubmitted);
        // live cycle, year 1
        partlyRatedWithoutAction(agencies.get(0), live, admin);
        submitted(agencies.get(1), live, admin, AssessmentState.SUBMITTED, Style.WEAK);
        // moderated and feedback issued: accepted at the live cycle's earlier joint panel (DemoPanels)
        Assessment moderated = submitted(agencies.get(2), live, admin, AssessmentState.SUBMITTED, Style.STRONG, false, "S10.Q4");
        Assessment feedbackIssued = submitted(agencies.get(3), live, admin, AssessmentState.SUBMITTED, Style.STRONG);
        inProgress(agencies.get(4), live, admin, 3);
        returned(agencies.get(5), live, admin);
        submitted(agencies.get(6), live, admin, AssessmentState.SUBMITTED, Style.STRONG);
        inProgress(agencies.get(7), live, admin, 1);
        // a second submitted joint agency for the upcoming joint panel; a sector no other live agency has, so its
        // answers read unlike the others'
        submitted(agencies.get(12), live, admin, AssessmentState.SUBMITTED, Style.STRONG);
        panels.heldLive(live, moderated, feedbackIssued);
        // the next joint panel: the submitted joint assessments on its agenda
        panels.upcoming(live);
    }

    /**
     * A draft that shows the warnings: the Continuum of Need question partly in place with no action yet, and one
     * answer fully in place whose lead has not yet written the evidence of impact.
     */
    private void partlyRatedWithoutAction(Agency agency, Cycle cycle, User actor) {
        Assessment assessment = create(agency, cycle, actor);
        DemoAnswerTexts texts = texts(assessment);
        List<Standard> standards = cycle.tool.standards;
        for (Standard standard : standards.subList(0, 8)) {
            for (Question question : standard.questions) {
                if (question.code.equals("S8.Q1")) {
                    answer(assessment, question, Rating.PART, texts.partlyEvidence(question.code), texts.partlyImpact(question.code), null);
                } else if (question.code.equals("S3.Q3")) {
                    answer(assessment, question, Rating.FULL, texts.evidence(question.code), null, null);
                } else {
                    answerStrong(assessment, texts, question);
                }
            }
        }
        lifecycle.move(assessment, Move.START, SYSTEM, "Demo data");
    }

    /**
     * A draft part-way through; with three standards done, the policy question is partly in place and its action
     * is a first draft that is not yet SMART (no measure, no dates), so the action plan shows why.
     */
    private void inProgress(Agency agency, Cycle cycle, User actor, int standardsDone) {
        Assessment assessment = create(agency, cycle, actor);
        DemoAnswerTexts texts = texts(assessment);
        for (Standard standard : cycle.tool.standards.subList(0, standardsDone)) {
            for (Question question : standard.questions) {
                if (standardsDone >= 3 && question.code.equals("S2.Q1")) {
                    answer(assessment, question, Rating.PART, texts.partlyEvidence(question.code), texts.partlyImpact(question.code), null);
                    ActionItem draft = new ActionItem();
                    draft.assessment = assessment;
                    draft.standard = standard;
                    draft.question = question;
                    draft.gap = texts.gap(question.code);
                    draft.action = "Update the policy.";
                    draft.lead = "Team";
                    draft.resources = "Existing resources.";
                    draft.status = ActionStatus.NOT_STARTED;
                    draft.persist();
                } else {
                    answerStrong(assessment, texts, question);
                }
            }
        }
        lifecycle.move(assessment, Move.START, SYSTEM, "Demo data");
    }

    private Assessment submitted(Agency agency, Cycle cycle, User actor, AssessmentState finalState, Style style) {
        return submitted(agency, cycle, actor, finalState, style, false, null);
    }

    /**
     * With {@code vagueAction}, the Continuum of Need gap's action is an intention, not a SMART action; with
     * {@code notInPlace}, that question is not in place.
     */
    private Assessment submitted(Agency agency, Cycle cycle, User actor, AssessmentState finalState, Style style,
            boolean vagueAction, String notInPlace) {
        Assessment assessment = create(agency, cycle, actor);
        answerAll(assessment, style, notInPlace);
        actionsForGaps(assessment, clock.today().plusMonths(4), cycle.closes);
        if (vagueAction) {
            vagueAction(assessment, cycle.tool.standards.get(7));
        }
        lifecycle.move(assessment, Move.START, SYSTEM, "Demo data");
        assessments.freeze(AssessmentWork.load(assessment), "Dr A. Senior", "Director of Safeguarding", actor);
        moveTo(assessment, finalState);
        return assessment;
    }

    private void returned(Agency agency, Cycle cycle, User actor) {
        Assessment assessment = submitted(agency, cycle, actor, AssessmentState.SUBMITTED, Style.WEAK, true, null);
        SubmissionVersion version = SubmissionVersion.latest(assessment);
        comment(assessment, version, null, actor, "Thank you. Several answers describe what exists but not the difference it has made. Please add evidence of impact and resubmit.");
        comment(assessment, version, cycle.tool.standards.get(4), actor, "How do you know the training changed practice? Please add the results of any audit after training.");
        comment(assessment, version, cycle.tool.standards.get(7), actor, "The action for the Continuum of Need gap is not SMART: it has no measure of success, no named lead role and no dates. What will change, by how much, and by when?");
        lifecycle.move(assessment, Move.RETURN, SYSTEM, "Evidence of impact needed");
        returnEmails.returned(assessment, version.number);
    }

    /**
     * Takes a demo assessment through the lifecycle to a state, each move in turn: submitted, then for the later
     * states moderated, feedback issued, year 2 monitoring and closed.
     */
    private void moveTo(Assessment assessment, AssessmentState target) {
        for (Move move : AssessmentLifecycle.path(assessment.state, target)) {
            lifecycle.move(assessment, move, SYSTEM, "Demo data");
        }
    }

    private void comment(Assessment assessment, SubmissionVersion version, Standard standard, User author, String body) {
        ReviewComment comment = new ReviewComment();
        comment.assessment = assessment;
        comment.versionNumber = version.number;
        comment.standard = standard;
        comment.author = author;
        comment.authorName = author.displayName;
        comment.body = body;
        comment.createdAt = clock.now();
        comment.persist();
    }

    private static Assessment create(Agency agency, Cycle cycle, User actor) {
        Assessment assessment = new Assessment();
        assessment.agency = agency;
        assessment.cycle = cycle;
        assessment.persist();
        return assessment;
    }

    private static DemoAnswerTexts texts(Assessment assessment) {
        return DemoAnswerTexts.forAgency(assessment.agency, assessment.cycle.name);
    }

    /**
     * Every question answered in the agency's own words. Gaps are the questions in {@link #PARTLY_IN_PLACE}
     * (and {@code notInPlace}, if given); questions that do not apply to the agency are not applicable with a
     * reason. A weak agency leaves its gaps without evidence of impact and writes every third answer vaguely.
     */
    private static void answerAll(Assessment assessment, Style style, String notInPlace) {
        DemoAnswerTexts texts = texts(assessment);
        int position = 0;
        for (Standard standard : assessment.cycle.tool.standards) {
            for (Question question : standard.questions) {
                position++;
                String code = question.code;
                java.util.Optional<String> na = texts.notApplicableReason(code);
                if (na.isPresent()) {
                    answer(assessment, question, Rating.NA, null, null, na.get());
                } else if (code.equals(notInPlace)) {
                    answer(assessment, question, Rating.NOT, texts.notInPlaceEvidence(code), null, null);
                } else if (PARTLY_IN_PLACE.contains(code)) {
                    answer(assessment, question, Rating.PART, texts.partlyEvidence(code),
                            style == Style.WEAK ? null : texts.partlyImpact(code), null);
                } else if (style == Style.WEAK && (position % 3 == 0 || code.equals("S5.Q4"))) {
                    answer(assessment, question, Rating.FULL, texts.vagueEvidence(code), texts.vagueImpact(), null);
                } else {
                    answerStrong(assessment, texts, question);
                }
            }
        }
    }

    private static void answerStrong(Assessment assessment, DemoAnswerTexts texts, Question question) {
        java.util.Optional<String> na = texts.notApplicableReason(question.code);
        if (na.isPresent()) {
            answer(assessment, question, Rating.NA, null, null, na.get());
        } else {
            answer(assessment, question, Rating.FULL, texts.evidence(question.code), texts.impact(question.code), null);
        }
    }

    private static void answer(Assessment assessment, Question question, Rating rating, String evidence, String impact, String naReason) {
        Answer answer = new Answer();
        answer.assessment = assessment;
        answer.question = question;
        answer.rating = rating;
        answer.evidence = evidence;
        answer.impact = impact;
        answer.naReason = naReason;
        answer.persist();
    }

    /** The kind of action moderators return: an intention, not a plan (no measure, no named role, no dates). */
    private static void vagueAction(Assessment assessment, Standard standard) {
        ActionItem action = ActionItem.<ActionItem>list("assessment = ?1 and standard = ?2", assessment, standard).stream()
                .findFirst().orElseGet(ActionItem::new);
        action.assessment = assessment;
        action.standard = standard;
        action.question = standard.questions.get(0);
        action.gap = "Staff need more understanding of thresholds.";
        action.action = "Improve staff understanding of the Continuum of Need.";
        action.measure = null;
        action.lead = "All managers";
        action.resources = "Existing resources.";
        action.startDate = null;
        action.targetDate = null;
        action.status = ActionStatus.NOT_STARTED;
        action.persist();
    }

    private static void actionsForGaps(Assessment assessment, LocalDate target, LocalDate cycleCloses) {
        DemoAnswerTexts texts = texts(assessment);
        int n = 0;
        for (Standard standard : assessment.cycle.tool.standards) {
            Answer gap = Answer.<Answer>list("assessment = ?1 and question.standard = ?2 order by question.position", assessment, standard)
                    .stream().filter(a -> a.rating != null && a.rating.isGap()).findFirst().orElse(null);
            if (gap == null) {
                continue;
            }
            DemoAnswerTexts.ActionTexts plan = texts.action(standard.code);
            LocalDate due = target.plusMonths(n++);
            ActionItem action = new ActionItem();
            action.assessment = assessment;
            action.standard = standard;
            action.question = gap.question;
            action.gap = texts.gap(gap.question.code);
            action.action = plan.action();
            action.measure = plan.measure();
            action.lead = plan.lead();
            action.resources = plan.resources();
            action.targetDate = due.isAfter(cycleCloses) ? cycleCloses : due;
            action.startDate = action.targetDate.minusMonths(3);
            action.status = ActionStatus.ON_TRACK;
            action.persist();
        }
    }
}
