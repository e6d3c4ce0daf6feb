package org.s11portal.letter;

import java.time.LocalDate;
import java.util.List;

import org.s11portal.account.User;
import org.s11portal.agency.Agency;
import org.s11portal.agency.Area;
import org.s11portal.assessment.Assessment;
import org.s11portal.assessment.AssessmentState;
import org.s11portal.cycle.Cycle;
import org.s11portal.support.Fixtures;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Letters for the letter tests: an assessment in a state, its draft letter made as the panel will make it. */
@ApplicationScoped
public class LetterFixtures {

    static final LocalDate PANEL_DATE = LocalDate.of(2026, 3, 12);
    static final String PANEL_DATE_TEXT = "12 March 2026";

    @Inject
    Fixtures fixtures;

    @Inject
    LetterService letters;

    /** An agency in these areas, its assessment in the state, a draft letter, a moderator of the first area and its lead. */
    record Scenario(Agency agency, Cycle cycle, Assessment assessment, FeedbackLetter draft, User moderator, User lead) {
    }

    Scenario withDraft(AssessmentState state, Area... areas) {
        Cycle cycle = fixtures.aCycle().withTool().create();
        Agency agency = fixtures.anAgency().inAreas(areas).create();
        Assessment assessment = fixtures.anAssessment().forAgency(agency).inCycle(cycle).inState(state).create();
        FeedbackLetter draft = letters.createDraft(assessment, content(agency.name));
        return new Scenario(agency, cycle, assessment, draft, fixtures.moderator(areas[0]), fixtures.lead(agency));
    }

    Scenario moderatedWithDraft(Area... areas) {
        return withDraft(AssessmentState.MODERATED, areas);
    }

    /** A whole letter: every part of the shared structure has something in it. */
    public static LetterContent content(String agencyName) {
        return new LetterContent(
                List.of("Hampshire Safeguarding Children Partnership", "Portsmouth Safeguarding Children Partnership"),
                PANEL_DATE.plusWeeks(2), agencyName, "Dr Jane Senior", "2025–27", "year 1", PANEL_DATE, LetterKind.JOINT,
                List.of("Hampshire Safeguarding Children Partnership", "Portsmouth Safeguarding Children Partnership"),
                List.of(new LetterContent.StandardRow("T1", "Test standard 1", "Fully in place", null),
                        new LetterContent.StandardRow("T2", "Test standard 2", "Fully in place", "Partly in place")),
                42, 120,
                List.of("Strong board oversight of safeguarding training.", "Supervision records show reflective practice."),
                List.of(new LetterContent.Development("T1", "Test standard 1", List.of(), List.of()),
                        new LetterContent.Development("T2", "Test standard 2",
                                List.of("Show how the new referral pathway changed outcomes for children."),
                                List.of("Evidence of impact not shown", "No action for a standard rated partly in place"))),
                List.of("Early Help", "The Family Approach"),
                List.of(new LetterContent.RequiredAction("Add a SMART action for standard T2", PANEL_DATE.plusWeeks(8))),
                PANEL_DATE.plusWeeks(8), LocalDate.of(2027, 3, 31), "the Section 11 team at s11@hips.example",
                "Chair of the joint HIPS panel");
    }

    /** The letter as the database holds it now. */
    FeedbackLetter reload(FeedbackLetter letter) {
        return QuarkusTransaction.requiringNew().call(() -> {
            FeedbackLetter l = FeedbackLetter.findById(letter.id);
            if (l != null && l.pdf != null) {
                l.pdf.clone();
            }
            if (l != null && l.supersedes != null) {
                l.supersedes.id.longValue();
            }
            return l;
        });
    }

    /** Every letter of an assessment, newest first. */
    List<FeedbackLetter> lettersOf(Assessment assessment) {
        return QuarkusTransaction.requiringNew().call(() -> FeedbackLetter.listForAssessment(Assessment.findById(assessment.id)));
    }

    LetterTemplate template(String scopeKey) {
        return QuarkusTransaction.requiringNew().call(() -> LetterTemplate.current(scopeKey));
    }
}
