package org.s11portal.panel;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.s11portal.agency.Agency;
import org.s11portal.agency.Partnership;
import org.s11portal.assessment.Assessment;
import org.s11portal.assessment.AssessmentService;
import org.s11portal.assessment.AssessmentState;
import org.s11portal.assessment.SubmissionSnapshot;
import org.s11portal.assessment.SubmissionVersion;
import org.s11portal.common.config.PortalClock;
import org.s11portal.letter.LetterBatch;
import org.s11portal.letter.LetterContent;
import org.s11portal.letter.LetterContents;
import org.s11portal.letter.LetterKind;
import org.s11portal.letter.LetterService;
import org.s11portal.letter.LetterState;
import org.s11portal.survey.SurveyService;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * A panel's feedback letters: one draft per accepted submission, made from the panel's record (its ratings,
 * strengths, areas for development, themes and required actions) with the submission as frozen, then issued together.
 * Drafts are edited, previewed and issued one by one on the letter's own pages ({@code letter} package).
 */
@ApplicationScoped
public class PanelLetters {

    /** The agreed action plan is due six weeks after the letter (the timetable of the shared guidance). */
    static final int ACTION_PLAN_WEEKS = 6;
    /** Who signs; the letter template names the partnerships it signs for. */
    static final String SIGNATORY = "The Section 11 moderation panel";

    @Inject
    PanelService panels;

    @Inject
    LetterService letters;

    @Inject
    LetterBatch batch;

    @Inject
    AssessmentService assessments;

    @Inject
    SurveyService surveys;

    @Inject
    PortalClock clock;

    /** What "Make the letters" came to: drafts made, and submissions that have a letter already. */
    public record Made(int made, int alreadyLettered) {
    }

    /**
     * Makes a draft letter for every accepted submission of the panel that has no letter yet (a draft already made,
     * perhaps edited, is left as it is). Only moderators who may run the panel; anyone else 404.
     */
    @Transactional
    public Made makeDrafts(long panelId) {
        PanelDay panel = panels.panel(panelId);
        List<AgendaItem> items = AgendaItem.agenda(panel);
        Map<Long, LetterRow> existing = lettersByAssessment(items);
        int made = 0;
        int already = 0;
        for (AgendaItem item : items) {
            if (!needsLetter(item)) {
                continue;
            }
            if (existing.containsKey(item.assessment.id)) {
                already++;
                continue;
            }
            letters.createDraft(item.assessment, contentFor(panel, item));
            made++;
        }
        return new Made(made, already);
    }

    /**
     * Issues every draft letter of the panel's submissions with {@link LetterBatch} (PDFs made in parallel, each letter
     * stored in its own transaction); answers how many were issued and why others were not. Not transactional itself:
     * the drafts are listed in one short transaction, then the batch commits letter by letter.
     */
    public List<LetterService.IssueOutcome> issueDrafts(long panelId) {
        return batch.issue(draftIds(panelId));
    }

    /** The ids of the panel's draft letters, for moderators who may run the panel; anyone else 404. */
    public List<Long> draftIds(long panelId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            PanelDay panel = panels.panel(panelId);
            return lettersByAssessment(AgendaItem.agenda(panel)).values().stream()
                    .filter(LetterRow::isDraft).map(LetterRow::id).toList();
        });
    }

    /** The accepted submissions waiting for their letter: moderated, not yet sent feedback. */
    static boolean needsLetter(AgendaItem item) {
        return (item.outcome == Outcome.ACCEPTED || item.outcome == Outcome.ACCEPTED_WITH_ACTIONS)
                && item.assessment.state == AssessmentState.MODERATED;
    }

    /** What the agenda shows of a letter: never its content or PDF, which a page of 300 letters must not load. */
    public record LetterRow(long id, long assessmentId, LetterState state) {
        public String path() {
            return "/letters/" + id;
        }

        public boolean isDraft() {
            return state == LetterState.DRAFT;
        }
    }

    /** The current letter (a draft, or the issued one; never a superseded one) of each item's assessment, in one query. */
    static Map<Long, LetterRow> lettersByAssessment(List<AgendaItem> items) {
        Map<Long, LetterRow> byAssessment = new LinkedHashMap<>();
        if (items.isEmpty()) {
            return byAssessment;
        }
        List<Long> ids = items.stream().map(i -> i.assessment.id).toList();
        Panache.getEntityManager().createQuery("select l.id, l.assessment.id, l.state from FeedbackLetter l"
                + " where l.assessment.id in :ids and l.state <> :superseded order by l.id", Object[].class)
                .setParameter("ids", ids).setParameter("superseded", LetterState.SUPERSEDED).getResultList()
                .forEach(row -> byAssessment.put((Long) row[1], new LetterRow((Long) row[0], (Long) row[1], (LetterState) row[2])));
        return byAssessment;
    }

    /** The letter's fields from the panel's record of this submission, dated today. */
    LetterContent contentFor(PanelDay panel, AgendaItem item) {
        return contentFor(panel, item, clock.today());
    }

    /**
     * The letter's fields from the panel's record of this submission, as a letter dated on the day given: how a
     * moderator's letters are made (dated today) and how loaded data (the demo) makes its letters of past panels.
     */
    public LetterContent contentFor(PanelDay panel, AgendaItem item, LocalDate date) {
        Assessment assessment = item.assessment;
        Agency agency = assessment.agency;
        SubmissionVersion version = SubmissionVersion.latest(assessment);
        // loaded data (demo, tests) may reach "moderated" without a frozen version: the letter then has no table
        SubmissionSnapshot snapshot = version == null ? null : assessments.read(version);
        Map<String, String> panelRatings = new LinkedHashMap<>();
        Map<String, List<String>> development = new LinkedHashMap<>();
        List<String> strengths = new ArrayList<>();
        List<StandardFinding> findings = StandardFinding.forItem(item);
        for (StandardFinding finding : findings) {
            if (!finding.agrees && finding.panelRating != null) {
                panelRatings.put(finding.standard.code, finding.panelRating.label);
            }
            strengths.addAll(paragraphs(finding.strengths));
            development.put(finding.standard.code, paragraphs(finding.areasForDevelopment));
        }
        List<LetterContent.RequiredAction> required = RequiredAction.forItem(item).stream()
                .map(a -> new LetterContent.RequiredAction(a.description, a.dueOn)).toList();
        List<String> themes = StandardFinding.themeNames(findings);
        SurveyService.TakeUp takeUp = surveys.takeUp(agency, panel.cycle);
        boolean joint = panel.kind == PanelKind.JOINT;
        List<String> letterhead = joint ? LetterContents.allPartnerships(Partnership.<Partnership>listAll())
                : LetterContents.letterhead(agency);
        List<String> reviewedBy = joint ? letterhead : List.of(panel.partnership.name);
        LocalDate from = panel.heldOn.isAfter(date) ? panel.heldOn : date;
        return new LetterContent(letterhead, date, agency.name, null, panel.cycle.name, "year 1", panel.heldOn,
                joint ? LetterKind.JOINT : LetterKind.LOCAL, reviewedBy,
                snapshot == null ? List.of() : LetterContents.standardRows(snapshot, panelRatings), (int) takeUp.responses(),
                agency.headcount, strengths, snapshot == null ? List.of() : LetterContents.development(snapshot, development),
                themes, required,
                from.plusWeeks(ACTION_PLAN_WEEKS), panel.cycle.year2Due,
                contact(panel), SIGNATORY);
    }

    private static String contact(PanelDay panel) {
        return panel.createdBy == null ? null : panel.createdBy.displayName + ", " + panel.createdBy.email;
    }

    /** A field's text as paragraphs: blank lines separate them; blank ones are dropped. */
    private static List<String> paragraphs(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split("\\R\\s*\\R")).map(String::strip).filter(p -> !p.isEmpty()).toList();
    }
}
