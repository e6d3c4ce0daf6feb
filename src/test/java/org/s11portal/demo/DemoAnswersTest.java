package org.s11portal.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.s11portal.account.User;
import org.s11portal.agency.Agency;
import org.s11portal.assessment.ActionItem;
import org.s11portal.assessment.Answer;
import org.s11portal.assessment.AnswerInput;
import org.s11portal.assessment.Assessment;
import org.s11portal.assessment.AssessmentService;
import org.s11portal.assessment.AssessmentState;
import org.s11portal.assessment.AssessmentWork;
import org.s11portal.assessment.Rating;
import org.s11portal.assessment.SubmissionRules;
import org.s11portal.assessment.SubmissionSnapshot;
import org.s11portal.assessment.SubmissionVersion;
import org.s11portal.common.config.PortalClock;
import org.s11portal.cycle.Cycle;
import org.s11portal.tool.Question;
import org.s11portal.tool.Standard;
import org.s11portal.tool.Tool;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * The demo answers read like real agencies' (issue 9.15): no boilerplate, no question codes pasted into the
 * text, strong answers that pass every submission rule, and weak ones that the portal's own rules flag.
 */
@QuarkusTest
@TestProfile(DemoDatabase.class)
class DemoAnswersTest {

    private static final Pattern QUESTION_CODE = Pattern.compile("S\\d+\\.Q\\d+");

    @Inject
    DemoData demoData;

    @Inject
    AssessmentService assessments;

    @Inject
    PortalClock clock;

    /** One demo assessment as the rules see it, read inside a transaction. */
    record Seen(Agency agency, AssessmentState state, boolean live, AssessmentWork work, SubmissionSnapshot submitted,
            List<SubmissionRules.Problem> problems) {
    }

    @Test
    void noTwoAnswersOfAnAssessmentShareTheirEvidenceAndNoneQuotesAQuestionCode() {
        demoData.load();
        List<Seen> seen = demoAssessments();
        assertEquals(18, seen.size(), "9 live and 9 historical demo assessments");
        for (Seen s : seen) {
            Set<String> evidence = new HashSet<>();
            for (Answer answer : s.work().answersByQuestion.values()) {
                String where = s.agency().name + " / " + answer.question.code;
                if (answer.evidenceGiven()) {
                    assertTrue(evidence.add(answer.evidence), "evidence repeated in " + where + ": " + answer.evidence);
                }
                for (String text : new String[] { answer.evidence, answer.impact, answer.naReason }) {
                    if (text != null) {
                        assertFalse(QUESTION_CODE.matcher(text).find(), "a question code in " + where + ": " + text);
                        assertFalse(text.contains("{"), "an unfilled placeholder in " + where + ": " + text);
                        assertTrue(text.length() <= AnswerInput.MAX_TEXT, "over the field limit in " + where);
                    }
                }
            }
            for (ActionItem action : s.work().actions) {
                for (String text : new String[] { action.gap, action.action, action.measure, action.lead, action.resources }) {
                    if (text != null) {
                        assertFalse(QUESTION_CODE.matcher(text).find(), "a question code in an action of " + s.agency().name);
                        assertFalse(text.contains("{"), "an unfilled placeholder in an action of " + s.agency().name + ": " + text);
                    }
                }
                assertTrue(action.lead == null || action.lead.length() <= 200, "lead over 200 characters");
            }
        }
    }

    @Test
    void eachAgencyAnswersTheSameQuestionInItsOwnWords() {
        demoData.load();
        Map<String, Set<String>> evidenceByQuestion = new HashMap<>();
        Map<String, Integer> fullAnswersByQuestion = new HashMap<>();
        for (Seen s : demoAssessments()) {
            if (!s.live()) {
                continue;
            }
            for (Answer answer : s.work().answersByQuestion.values()) {
                if (answer.rating == Rating.FULL) {
                    evidenceByQuestion.computeIfAbsent(answer.question.code, c -> new HashSet<>()).add(answer.evidence);
                    fullAnswersByQuestion.merge(answer.question.code, 1, Integer::sum);
                }
            }
        }
        assertTrue(fullAnswersByQuestion.size() >= 30, "most questions answered fully in place by several live demo agencies");
        fullAnswersByQuestion.forEach((code, count) -> assertEquals(count, evidenceByQuestion.get(code).size(),
                "two live demo agencies gave the same evidence for " + code));
    }

    @Test
    void strongSubmissionsPassEveryRuleAndWeakOnesShowTheFlags() {
        demoData.load();
        List<Seen> live = demoAssessments().stream().filter(Seen::live).toList();

        Map<AssessmentState, Integer> states = new HashMap<>();
        live.forEach(s -> states.merge(s.state(), 1, Integer::sum));
        assertEquals(Map.of(AssessmentState.IN_PROGRESS, 3, AssessmentState.SUBMITTED, 3, AssessmentState.MODERATED, 1,
                AssessmentState.FEEDBACK_ISSUED, 1, AssessmentState.RETURNED, 1), states, "the demo states are unchanged");

        // a submitted version a moderator reads shows answers without evidence of impact
        assertTrue(live.stream().anyMatch(s -> s.state() == AssessmentState.SUBMITTED && s.submitted() != null
                && s.submitted().answersWithoutImpact() > 0
                && SubmissionRules.answersWithoutImpact(s.work()) > 0), "a submitted demo assessment flagged for no evidence of impact");

        // a draft with a standard partly in place and no action
        assertTrue(live.stream().anyMatch(s -> SubmissionRules.gapsWithoutAction(s.work()) > 0
                && s.problems().stream().anyMatch(p -> p.is(SubmissionRules.Kind.GAP_WITHOUT_ACTION))),
                "a demo assessment with a partly rated standard and no action");

        // actions that are not SMART, flagged by the same rule
        long notSmart = live.stream().filter(s -> s.problems().stream().anyMatch(p -> p.is(SubmissionRules.Kind.NOT_SMART))).count();
        assertTrue(notSmart >= 2, "two demo assessments show an action that is not SMART, found " + notSmart);

        // the strong submissions would pass every rule: good answers, a SMART action for every gap
        List<Seen> strong = live.stream()
                .filter(s -> s.state() == AssessmentState.MODERATED || s.state() == AssessmentState.FEEDBACK_ISSUED).toList();
        assertEquals(2, strong.size());
        for (Seen s : strong) {
            assertEquals(List.of(), s.problems(), s.agency().name + " should pass every submission rule");
            assertTrue(s.work().actions.size() >= 3, "a SMART action for each of " + s.agency().name + "'s gaps");
        }

        // realistic not-applicable answers, each with its reason
        List<Answer> notApplicable = live.stream().flatMap(s -> s.work().answersByQuestion.values().stream())
                .filter(a -> a.rating == Rating.NA).toList();
        assertFalse(notApplicable.isEmpty(), "some demo answers are not applicable");
        assertTrue(notApplicable.stream().allMatch(Answer::naReasonGiven));
    }

    @Transactional
    List<Seen> demoAssessments() {
        LocalDate today = clock.today();
        Tool tool = Tool.findByVersion(DemoData.TOOL_VERSION);
        Cycle live = Cycle.find("name like ?1 and tool = ?2", "%" + DemoData.LIVE_CYCLE_MARKER, tool).firstResult();
        Cycle historical = Cycle.find("name = ?1 and tool = ?2", DemoData.HISTORICAL_CYCLE, tool).firstResult();
        Set<Long> demoAgencies = new HashSet<>();
        User.<User>list("email like ?1", "lead.%@" + DemoData.DEMO_EMAIL_DOMAIN)
                .forEach(u -> u.agencies.forEach(a -> demoAgencies.add(a.id)));
        List<Seen> seen = new ArrayList<>();
        for (Cycle cycle : List.of(live, historical)) {
            for (Assessment assessment : Assessment.listForCycle(cycle)) {
                if (!demoAgencies.contains(assessment.agency.id)) {
                    continue;
                }
                assessment.agency.name.length();
                AssessmentWork work = AssessmentWork.load(assessment);
                work.answersByQuestion.values().forEach(a -> a.question.code.length());
                work.actions.forEach(a -> a.standard.code.length());
                for (Standard standard : work.standards) {
                    standard.questions.forEach(Question::hashCode);
                }
                SubmissionVersion version = SubmissionVersion.latest(assessment);
                seen.add(new Seen(assessment.agency, assessment.state, cycle == live, work,
                        version == null ? null : assessments.read(version), SubmissionRules.problems(work, today)));
            }
        }
        return seen;
    }
}
