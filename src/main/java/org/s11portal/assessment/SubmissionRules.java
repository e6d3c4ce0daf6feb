package org.s11portal.assessment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.s11portal.actionplan.ActionItem;
import org.s11portal.common.template.TemplateExtensions;
import org.s11portal.tool.Question;
import org.s11portal.tool.Standard;

/**
 * The rules that decide whether a self-assessment can be submitted, each one from a failure the
 * partnerships reported: no evidence, no evidence of impact, gaps with no action plan, actions that are
 * not SMART. Drafts are never blocked by them; pages show them as warnings, and submission (page or API)
 * refuses while any remains. Each problem links to the exact field that fixes it.
 */
public final class SubmissionRules {

    public record Problem(String standardCode, String href, String message) {
    }

    private SubmissionRules() {
    }

    public static List<Problem> problems(AssessmentWork work, LocalDate today) {
        List<Problem> problems = new ArrayList<>();
        for (Standard standard : work.standards) {
            problems.addAll(standardProblems(work, standard));
        }
        for (ActionItem action : work.actions) {
            List<ActionItem.SmartProblem> smart = action.smartProblems(today, work.cycle.closes);
            if (!smart.isEmpty()) {
                problems.add(new Problem(action.standard.code,
                        actionHref(work, action) + "#" + smart.get(0).field(),
                        "An action for " + action.standard.code + " is not SMART: " + lowerFirst(smart.get(0).message())));
            }
        }
        if (today.isAfter(work.due())) {
            problems.add(new Problem(null, "/assessments/" + work.assessment.id,
                    "The due date, " + TemplateExtensions.format(work.due())
                            + ", has passed: ask your partnership admin for an extension"));
        }
        return problems;
    }

    /** Problems with one standard's answers and its need for an action. */
    public static List<Problem> standardProblems(AssessmentWork work, Standard standard) {
        List<Problem> problems = new ArrayList<>();
        for (Question question : standard.questions) {
            problems.addAll(answerProblems(work, question));
        }
        if (work.hasGap(standard) && work.actionsFor(standard).isEmpty()) {
            problems.add(new Problem(standard.code,
                    "/assessments/" + work.assessment.id + "/actions/new?standard=" + standard.code,
                    standard.code + " is partly or not in place: add at least one SMART action"));
        }
        return problems;
    }

    public static List<Problem> answerProblems(AssessmentWork work, Question question) {
        List<Problem> problems = new ArrayList<>();
        Answer answer = work.answer(question);
        String base = "/assessments/" + work.assessment.id + "/standards/" + question.standard.code + "#q" + question.id;
        String code = question.code;
        if (answer == null || answer.rating == null) {
            problems.add(new Problem(question.standard.code, base + "-rating", code + ": choose a rating"));
            return problems;
        }
        if (answer.rating == Rating.NA) {
            if (!answer.naReasonGiven()) {
                problems.add(new Problem(question.standard.code, base + "-naReason",
                        code + ": say why this question does not apply"));
            }
            return problems;
        }
        if (!answer.evidenceGiven()) {
            problems.add(new Problem(question.standard.code, base + "-evidence",
                    code + ": give the evidence for your rating"));
        }
        if (answer.rating == Rating.FULL && !answer.impactGiven()) {
            problems.add(new Problem(question.standard.code, base + "-impact",
                    code + ": fully in place needs evidence of impact: what difference has it made for children?"));
        }
        return problems;
    }

    public static TaskStatus standardStatus(AssessmentWork work, Standard standard) {
        boolean anyContent = standard.questions.stream().map(work::answer).anyMatch(a -> a != null && !a.isEmpty());
        if (!anyContent) {
            return TaskStatus.NOT_STARTED;
        }
        List<Problem> problems = standardProblems(work, standard);
        if (problems.isEmpty()) {
            return TaskStatus.COMPLETED;
        }
        boolean onlyUnrated = problems.stream().allMatch(p -> p.message().endsWith("choose a rating"));
        return onlyUnrated ? TaskStatus.IN_PROGRESS : TaskStatus.ACTION_NEEDED;
    }

    public static TaskStatus actionPlanStatus(AssessmentWork work, LocalDate today) {
        boolean gapsWithoutAction = work.standards.stream()
                .anyMatch(s -> work.hasGap(s) && work.actionsFor(s).isEmpty());
        boolean notSmart = work.actions.stream().anyMatch(a -> !a.smartProblems(today, work.cycle.closes).isEmpty());
        if (gapsWithoutAction || notSmart) {
            return TaskStatus.ACTION_NEEDED;
        }
        return work.actions.isEmpty() ? TaskStatus.NOT_STARTED : TaskStatus.COMPLETED;
    }

    /** Answers rated (other than not applicable) with no evidence of impact: counted for moderators. */
    public static long answersWithoutImpact(AssessmentWork work) {
        return work.answersByQuestion.values().stream()
                .filter(a -> a.rating != null && a.rating != Rating.NA && !a.impactGiven()).count();
    }

    public static long gapsWithoutAction(AssessmentWork work) {
        return work.standards.stream().filter(s -> work.hasGap(s) && work.actionsFor(s).isEmpty()).count();
    }

    private static String actionHref(AssessmentWork work, ActionItem action) {
        return "/assessments/" + work.assessment.id + "/actions/" + action.id;
    }

    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
}
