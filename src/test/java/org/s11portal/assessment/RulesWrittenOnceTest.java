package org.s11portal.assessment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.s11portal.agency.Agency;
import org.s11portal.agency.Area;
import org.s11portal.common.config.PortalClock;
import org.s11portal.cycle.Cycle;
import org.s11portal.support.Fixtures;
import org.s11portal.tool.Question;
import org.s11portal.tool.Standard;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * "No evidence of impact" and "gap without action" are each written once ({@link SubmissionRules}): the draft's
 * problems and counts, the standard page's warning, the task list and a frozen version all give the same answer.
 */
@QuarkusTest
class RulesWrittenOnceTest {

    @Inject
    PortalClock clock;

    @Inject
    Fixtures fixtures;

    @Inject
    AssessmentService assessments;

    @Test
    void noEvidenceOfImpactIsAnyRatingButNotApplicableWithAnEmptyImpact() {
        assertTrue(SubmissionRules.noEvidenceOfImpact(Rating.FULL, null));
        assertTrue(SubmissionRules.noEvidenceOfImpact(Rating.PART, "  "));
        assertTrue(SubmissionRules.noEvidenceOfImpact(Rating.NOT, ""));
        assertFalse(SubmissionRules.noEvidenceOfImpact(Rating.NA, null), "not applicable needs no impact");
        assertFalse(SubmissionRules.noEvidenceOfImpact(null, null), "not rated yet is another problem");
        assertFalse(SubmissionRules.noEvidenceOfImpact(Rating.FULL, "Audits improved"));
    }

    @Test
    void aGapWithoutActionIsAPartlyOrNotInPlaceRatingAndNoAction() {
        assertTrue(SubmissionRules.gapWithoutAction(List.of(Rating.FULL, Rating.PART), 0));
        assertTrue(SubmissionRules.gapWithoutAction(Arrays.asList(null, Rating.NOT), 0));
        assertFalse(SubmissionRules.gapWithoutAction(List.of(Rating.FULL, Rating.PART), 1), "an action closes it");
        assertFalse(SubmissionRules.gapWithoutAction(Arrays.asList(Rating.FULL, Rating.NA, null), 0), "no gap");
    }

    @Test
    void theDraftThePageTheTaskListAndTheFrozenVersionAgree() {
        Cycle cycle = fixtures.aCycle().withTool().create();
        Agency agency = fixtures.anAgency().inAreas(Area.PORTSMOUTH).create();
        Assessment assessment = fixtures.anAssessment().forAgency(agency).inCycle(cycle).inProgress().create();
        List<Question> q = fixtures.questions(cycle);
        fixtures.anAnswer(assessment, q.get(0)).rated(Rating.PART).evidence("Evidence 1").create(); // T1: gap, no impact
        fixtures.anAnswer(assessment, q.get(1)).evidence("Evidence 2").create(); // no impact: blocks submission
        fixtures.anAnswer(assessment, q.get(2)).notApplicable("Does not apply").create(); // T2: no gap
        fixtures.anAnswer(assessment, q.get(3)).rated(Rating.NOT).evidence("Evidence 4").impact("Impact 4")
                .create(); // T2: gap with impact

        check(assessment, 2, List.of("T1", "T2"));

        fixtures.anAction(assessment, q.get(3)).create(); // an action for T2 closes its gap
        check(assessment, 2, List.of("T1"));
    }

    private void check(Assessment assessment, long withoutImpact, List<String> gapStandards) {
        QuarkusTransaction.requiringNew().run(() -> {
            AssessmentWork work = AssessmentWork.load(Assessment.findById(assessment.id));
            LocalDate today = clock.today();
            SubmissionSnapshot snapshot = assessments.snapshot(work);
            List<SubmissionRules.Problem> problems = SubmissionRules.problems(work, today);

            // no evidence of impact: the moderators' count on the draft and on the frozen version, per answer too
            assertEquals(withoutImpact, SubmissionRules.answersWithoutImpact(work));
            assertEquals(withoutImpact, snapshot.answersWithoutImpact());
            for (Standard standard : work.standards) {
                for (Question question : standard.questions) {
                    Answer answer = work.answer(question);
                    SubmissionSnapshot.AnswerEntry entry = snapshot.standards().stream().flatMap(s -> s.answers().stream())
                            .filter(a -> a.questionCode().equals(question.code)).findFirst().orElseThrow();
                    boolean rule = SubmissionRules.noEvidenceOfImpact(answer.rating, answer.impact);
                    assertEquals(rule, entry.noImpact(), question.code + " in the frozen version");
                    assertEquals(rule, new StandardPage.QuestionRow(question, answer.rating, answer.evidence, answer.impact,
                            answer.naReason, answer.version, false, List.of(), List.of()).impactMissing(), question.code + " on the page");
                }
            }
            // blocking only when fully in place
            assertEquals(List.of("T1"), problems.stream().filter(p -> p.is(SubmissionRules.Kind.NO_IMPACT))
                    .map(SubmissionRules.Problem::standardCode).toList());

            // gap without action: the problems, the counts, the task list and the frozen version
            assertEquals(gapStandards, problems.stream().filter(p -> p.is(SubmissionRules.Kind.GAP_WITHOUT_ACTION))
                    .map(SubmissionRules.Problem::standardCode).toList());
            assertEquals(gapStandards.size(), SubmissionRules.gapsWithoutAction(work));
            assertEquals(gapStandards.size(), snapshot.gapsWithoutAction());
            for (Standard standard : work.standards) {
                assertEquals(gapStandards.contains(standard.code), SubmissionRules.gapWithoutAction(work, standard));
                boolean anyProblem = gapStandards.contains(standard.code) || standard.code.equals("T1");
                assertEquals(anyProblem ? TaskStatus.ACTION_NEEDED : TaskStatus.COMPLETED,
                        SubmissionRules.standardStatus(work, standard), standard.code);
            }
            assertEquals(TaskStatus.ACTION_NEEDED, SubmissionRules.actionPlanStatus(work, today));
        });
    }
}
