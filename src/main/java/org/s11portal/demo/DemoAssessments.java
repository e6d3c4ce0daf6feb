package org.s11portal.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.s11portal.account.User;
import org.s11portal.actionplan.ActionItem;
import org.s11portal.actionplan.ActionStatus;
import org.s11portal.agency.Agency;
import org.s11portal.assessment.Answer;
import org.s11portal.assessment.Assessment;
import org.s11portal.assessment.AssessmentService;
import org.s11portal.assessment.AssessmentState;
import org.s11portal.assessment.AssessmentWork;
import org.s11portal.assessment.Rating;
import org.s11portal.assessment.SubmissionVersion;
import org.s11portal.common.config.PortalClock;
import org.s11portal.cycle.Cycle;
import org.s11portal.moderation.ReviewComment;
import org.s11portal.tool.Question;
import org.s11portal.tool.Standard;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The demo agencies' self-assessments, one in each state the standards-2020 brief asks for: in progress
 * with a partly rating and no action, submitted with answers lacking evidence of impact, returned with
 * comments, moderated, letter issued, and year-2 monitoring (overdue) in the historical cycle.
 */
@ApplicationScoped
class DemoAssessments {

    @Inject
    AssessmentService assessments;

    @Inject
    PortalClock clock;

    void seed(List<Agency> agencies, Cycle historical, Cycle live, User admin) {
        User lead = User.find("agency", agencies.get(0)).firstResult();
        // live cycle, year 1
        partlyRatedWithoutAction(agencies.get(0), live, admin);
        submitted(agencies.get(1), live, admin, AssessmentState.SUBMITTED, true);
        submitted(agencies.get(2), live, admin, AssessmentState.MODERATED, false);
        submitted(agencies.get(3), live, admin, AssessmentState.FEEDBACK_ISSUED, false);
        inProgress(agencies.get(4), live, admin, 3);
        returned(agencies.get(5), live, admin);
        submitted(agencies.get(6), live, admin, AssessmentState.SUBMITTED, false);
        inProgress(agencies.get(7), live, admin, 1);
        // historical cycle: year 2 monitoring (overdue, as its progress update date has passed) and closed
        for (int i = 0; i < 9 && i < agencies.size(); i++) {
            AssessmentState state = i % 3 == 0 ? AssessmentState.MONITORING : AssessmentState.CLOSED;
            Assessment assessment = create(agencies.get(i), historical, admin);
            answerAll(assessment, false);
            actionsForGaps(assessment, historical.year2Due.minusMonths(3), historical.closes);
            assessment.moveTo(AssessmentState.SUBMITTED, admin, "Demo data");
            assessment.moveTo(state, admin, "Demo data");
        }
        if (lead == null) {
            throw new IllegalStateException("demo users must exist before demo assessments");
        }
    }

    private void partlyRatedWithoutAction(Agency agency, Cycle cycle, User actor) {
        Assessment assessment = create(agency, cycle, actor);
        List<Standard> standards = cycle.tool.standards;
        for (Standard standard : standards.subList(0, 8)) {
            for (Question question : standard.questions) {
                answer(assessment, question, standard.code.equals("S8") && question.code.endsWith("Q1") ? Rating.PART : Rating.FULL, true);
            }
        }
        assessment.moveTo(AssessmentState.IN_PROGRESS, actor, "Demo data");
    }

    private void inProgress(Agency agency, Cycle cycle, User actor, int standardsDone) {
        Assessment assessment = create(agency, cycle, actor);
        for (Standard standard : cycle.tool.standards.subList(0, standardsDone)) {
            standard.questions.forEach(q -> answer(assessment, q, Rating.FULL, true));
        }
        assessment.moveTo(AssessmentState.IN_PROGRESS, actor, "Demo data");
    }

    private void submitted(Agency agency, Cycle cycle, User actor, AssessmentState finalState, boolean someWithoutImpact) {
        Assessment assessment = create(agency, cycle, actor);
        answerAll(assessment, someWithoutImpact);
        actionsForGaps(assessment, clock.today().plusMonths(4), cycle.closes);
        assessment.moveTo(AssessmentState.IN_PROGRESS, actor, "Demo data");
        assessments.freeze(AssessmentWork.load(assessment), "Dr A. Senior", "Director of Safeguarding", actor);
        assessment.moveTo(AssessmentState.SUBMITTED, actor, "Demo data");
        if (finalState != AssessmentState.SUBMITTED) {
            assessment.moveTo(finalState, actor, "Demo data");
        }
    }

    private void returned(Agency agency, Cycle cycle, User actor) {
        submitted(agency, cycle, actor, AssessmentState.SUBMITTED, true);
        Assessment assessment = Assessment.findFor(agency, cycle);
        SubmissionVersion version = SubmissionVersion.latest(assessment);
        comment(assessment, version, null, actor, "Thank you. Several answers describe what exists but not the difference it has made. Please add evidence of impact and resubmit.");
        comment(assessment, version, cycle.tool.standards.get(4), actor, "How do you know the training changed practice? Please add the results of any audit after training.");
        assessment.moveTo(AssessmentState.RETURNED, actor, "Evidence of impact needed");
    }

    private static void comment(Assessment assessment, SubmissionVersion version, Standard standard, User author, String body) {
        ReviewComment comment = new ReviewComment();
        comment.assessment = assessment;
        comment.versionNumber = version.number;
        comment.standard = standard;
        comment.author = author;
        comment.authorName = author.displayName;
        comment.body = body;
        comment.createdAt = Instant.now();
        comment.persist();
    }

    private static Assessment create(Agency agency, Cycle cycle, User actor) {
        Assessment assessment = new Assessment();
        assessment.agency = agency;
        assessment.cycle = cycle;
        assessment.persist();
        return assessment;
    }

    /** Every question answered: mostly fully in place, every third standard's first question partly. */
    private static void answerAll(Assessment assessment, boolean someWithoutImpact) {
        List<Standard> standards = assessment.cycle.tool.standards;
        for (int s = 0; s < standards.size(); s++) {
            Standard standard = standards.get(s);
            for (int q = 0; q < standard.questions.size(); q++) {
                Rating rating = s % 3 == 1 && q == 0 ? Rating.PART : Rating.FULL;
                answer(assessment, standard.questions.get(q), rating, !(someWithoutImpact && rating == Rating.PART));
            }
        }
    }

    private static void answer(Assessment assessment, Question question, Rating rating, boolean withImpact) {
        Answer answer = new Answer();
        answer.assessment = assessment;
        answer.question = question;
        answer.rating = rating;
        answer.evidence = "Policy and procedure reviewed this year; " + question.code
                + " covered in the quarterly safeguarding report to the board, with audit results attached.";
        answer.impact = withImpact ? "A re-audit of 20 cases showed the expected practice in 17, up from 11 last year." : null;
        answer.persist();
    }

    private static void actionsForGaps(Assessment assessment, LocalDate target, LocalDate cycleCloses) {
        for (Standard standard : assessment.cycle.tool.standards) {
            boolean gap = Answer.<Answer>list("assessment = ?1 and question.standard = ?2", assessment, standard).stream()
                    .anyMatch(a -> a.rating != null && a.rating.isGap());
            if (!gap) {
                continue;
            }
            ActionItem action = new ActionItem();
            action.assessment = assessment;
            action.standard = standard;
            action.question = standard.questions.get(0);
            action.gap = "Frontline staff are unsure how to apply this in practice.";
            action.action = "Run a 60-minute case-study session on " + standard.title.toLowerCase() + " in every team.";
            action.measure = "90% of frontline staff attend; staff survey agreement rises from 55% to 75%.";
            action.lead = "Named Nurse for Safeguarding Children";
            action.resources = "Two trainers for 22 sessions, within the existing training budget.";
            action.startDate = target.minusMonths(3);
            action.targetDate = target.isAfter(cycleCloses) ? cycleCloses : target;
            action.status = ActionStatus.IN_PROGRESS;
            action.persist();
        }
    }
}
