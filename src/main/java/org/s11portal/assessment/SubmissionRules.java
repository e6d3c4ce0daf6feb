package org.s11portal.assessment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.s11portal.common.template.TemplateExtensions;
import org.s11portal.tool.Question;
import org.s11portal.tool.Standard;

/**
 * The rules that decide whether a self-assessment can be submitted, each one from a failure the
 * partnerships reported: no evidence, no evidence of impact, gaps with no action plan, actions that are
 * not SMART. Drafts are never blocked by them; pages show them as warnings, and submission (page or API)
 * refuses while any remains. Each problem links to the exact field that fixes it, has a {@link Kind} that
 * pages and tests decide on (never the wording), and a message written as a person would say it.
 * <p>
 * Answers and actions copied by "Start from last cycle's answers" are not done until the lead has looked at
 * them: an answer is confirmed when its standard's page is saved (changed or not), an action when its page is
 * saved. Until then they are {@link Kind#CARRIED_FORWARD} problems, the standard's task is "To review", and
 * submission is refused.
 */
public final class SubmissionRules {

    /** What a problem is about: the pages and the tests decide on this, never on the message's wording. */
    public enum Kind {
        /** A question with no rating yet. */
        UNRATED,
        /** Rated, but no evidence given. */
        NO_EVIDENCE,
        /** Fully in place, but no evidence of impact. */
        NO_IMPACT,
        /** Not applicable, but no reason given. */
        NO_NA_REASON,
        /** Answers or an action copied from last cycle that the lead has not yet confirmed or changed. */
        CARRIED_FORWARD,
        /** A standard partly or not in place with no action. */
        GAP_WITHOUT_ACTION,
        /** An action that is not SMART. */
        NOT_SMART,
        /** The due date has passed and there is no extension. */
        PAST_DUE,
        /** Anything else (for example, a self-assessment that can no longer be submitted). */
        OTHER
    }

    public record Problem(String standardCode, String href, String message, Kind kind) {

        public Problem(String standardCode, String href, String message) {
            this(standardCode, href, message, Kind.OTHER);
        }

        public boolean is(Kind other) {
            return kind == other;
        }
    }

    private SubmissionRules() {
    }

    public static List<Problem> problems(AssessmentWork work, LocalDate today) {
        List<Problem> problems = new ArrayList<>();
        for (Standard standard : work.standards) {
            problems.addAll(standardProblems(work, standard));
        }
        for (ActionItem action : work.actions) {
            if (action.carriedForward) {
                problems.add(new Problem(action.standard.code, actionHref(work, action),
                        "Review the action for " + describe(action.standard) + ", carried forward from last cycle: "
                                + "open it, update it if needed and save it", Kind.CARRIED_FORWARD));
            }
            List<ActionItem.SmartProblem> smart = action.smartProblems(today, work.cycle.closes);
            if (!smart.isEmpty()) {
                problems.add(new Problem(action.standard.code,
                        actionHref(work, action) + "#" + smart.get(0).field(),
                        "An action for " + describe(action.standard) + ", is not SMART: " + lowerFirst(smart.get(0).message()),
                        Kind.NOT_SMART));
            }
        }
        if (today.isAfter(work.due())) {
            problems.add(new Problem(null, "/assessments/" + work.assessment.id,
                    "The due date, " + TemplateExtensions.format(work.due())
                            + ", has passed: ask your partnership admin for an extension", Kind.PAST_DUE));
        }
        return problems;
    }

    /** Problems with one standard's answers and its need for an action. */
    public static List<Problem> standardProblems(AssessmentWork work, Standard standard) {
        List<Problem> problems = new ArrayList<>();
        long toReview = answersToReview(work, standard);
        if (toReview > 0) {
            problems.add(new Problem(standard.code, work.standardPath(standard),
                    (toReview == 1 ? "1 answer" : toReview + " answers") + " to " + describe(standard)
                            + (toReview == 1 ? ", was" : ", were") + " carried forward from last cycle and "
                            + (toReview == 1 ? "is" : "are") + " still to review: check, change what is out of date and save the page",
                    Kind.CARRIED_FORWARD));
        }
        for (Question question : standard.questions) {
            problems.addAll(answerProblems(work, question));
        }
        if (work.hasGap(standard) && work.actionsFor(standard).isEmpty()) {
            problems.add(new Problem(standard.code,
                    "/assessments/" + work.assessment.id + "/actions/new?standard=" + standard.code,
                    upperFirst(describe(standard)) + ", is partly or not in place: add at least one SMART action",
                    Kind.GAP_WITHOUT_ACTION));
        }
        return problems;
    }

    public static List<Problem> answerProblems(AssessmentWork work, Question question) {
        List<Problem> problems = new ArrayList<>();
        Answer answer = work.answer(question);
        String base = "/assessments/" + work.assessment.id + "/standards/" + question.standard.code + "#q" + question.id;
        String code = question.standard.code;
        String which = describe(question);
        if (answer == null || answer.rating == null) {
            problems.add(new Problem(code, base + "-rating", "Choose a rating for " + which, Kind.UNRATED));
            return problems;
        }
        if (answer.rating == Rating.NA) {
            if (!answer.naReasonGiven()) {
                problems.add(new Problem(code, base + "-naReason",
                        "Say why " + which + ", does not apply to your agency", Kind.NO_NA_REASON));
            }
            return problems;
        }
        if (!answer.evidenceGiven()) {
            problems.add(new Problem(code, base + "-evidence",
                    "Give the evidence for your rating of " + which, Kind.NO_EVIDENCE));
        }
        if (answer.rating == Rating.FULL && !answer.impactGiven()) {
            problems.add(new Problem(code, base + "-impact",
                    "Give evidence of impact for " + which + ": it is rated fully in place, so say what difference it has made for children",
                    Kind.NO_IMPACT));
        }
        return problems;
    }

    /** "question 2 of standard 9, Family Approach": how a person names a question. */
    public static String describe(Question question) {
        return "question " + question.position + " of " + describe(question.standard);
    }

    /** "standard 9, Family Approach". */
    public static String describe(Standard standard) {
        return "standard " + standard.position + ", " + standard.title;
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
        if (problems.stream().anyMatch(p -> p.is(Kind.CARRIED_FORWARD))) {
            return TaskStatus.TO_REVIEW;
        }
        boolean onlyUnrated = problems.stream().allMatch(p -> p.is(Kind.UNRATED));
        return onlyUnrated ? TaskStatus.IN_PROGRESS : TaskStatus.ACTION_NEEDED;
    }

    public static TaskStatus actionPlanStatus(AssessmentWork work, LocalDate today) {
        if (actionsToReview(work) > 0) {
            return TaskStatus.TO_REVIEW;
        }
        boolean gapsWithoutAction = work.standards.stream()
                .anyMatch(s -> work.hasGap(s) && work.actionsFor(s).isEmpty());
        boolean notSmart = work.actions.stream().anyMatch(a -> !a.smartProblems(today, work.cycle.closes).isEmpty());
        if (gapsWithoutAction || notSmart) {
            return TaskStatus.ACTION_NEEDED;
        }
        return work.actions.isEmpty() ? TaskStatus.NOT_STARTED : TaskStatus.COMPLETED;
    }

    /** Answers carried forward from last cycle that the lead has not yet confirmed or changed. */
    public static long answersToReview(AssessmentWork work) {
        return work.answersByQuestion.values().stream().filter(a -> a.carriedForward).count();
    }

    public static long answersToReview(AssessmentWork work, Standard standard) {
        return standard.questions.stream().map(work::answer).filter(a -> a != null && a.carriedForward).count();
    }

    /** Actions carried forward from last cycle that the lead has not yet confirmed or changed. */
    public static long actionsToReview(AssessmentWork work) {
        return work.actions.stream().filter(a -> a.carriedForward).count();
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

    private static String upperFirst(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
