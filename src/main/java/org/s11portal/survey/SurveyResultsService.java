package org.s11portal.survey;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import org.s11portal.account.AccessScope;
import org.s11portal.account.CurrentUser;
import org.s11portal.agency.Agency;
import org.s11portal.common.config.PortalClock;
import org.s11portal.common.config.PortalConfig;
import org.s11portal.common.web.FormErrors;
import org.s11portal.cycle.Cycle;
import org.s11portal.cycle.CycleAgency;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

/**
 * Survey results for the caller's scope and a chosen cycle: an agency's own (its lead, or a moderator or admin in
 * scope) against the HIPS-wide figures, or every agency in scope together. The disclosure rules are in
 * {@link SurveyResults}; this service adds the rule against differencing over time: a cycle's results exist only
 * from {@link #DAYS_AFTER_CLOSING} days after its survey closed, when no answer can be added any more.
 */
@ApplicationScoped
public class SurveyResultsService {

    /** Results are shown from this many days after the survey's last day (answers are refused after that day). */
    public static final int DAYS_AFTER_CLOSING = 2;

    @Inject
    AccessScope scope;

    @Inject
    CurrentUser currentUser;

    @Inject
    PortalClock clock;

    @Inject
    PortalConfig config;

    /**
     * The page: the cycles to choose from (those whose survey has opened, newest first), the chosen cycle, the day
     * its results are available from, and the results themselves, or null before that day (or when no cycle, or when
     * the chosen agency did not take part in the cycle: {@code notTakingPart}). Only agencies taking part in the cycle
     * are offered and counted: a non-participant's answers (from a link made before) are in no figure, as rule 1
     * leaves out a small agency, so every figure is still a sum of published cells.
     */
    public record View(List<Cycle> cycles, Cycle cycle, LocalDate availableFrom, SurveyResults.Results results,
            List<Agency> agencies, Long agency, LocalDate today, boolean notTakingPart) {

        public boolean available() {
            return results != null;
        }

        /** The newest cycle whose results can be shown, other than the chosen one; null when there is none. */
        public Cycle latestAvailable() {
            return cycles.stream().filter(c -> (cycle == null || !c.id.equals(cycle.id)) && !SurveyResultsService.availableFrom(c).isAfter(today))
                    .findFirst().orElse(null);
        }

        /** The view adds up several agencies (a moderator's or admin's "all agencies in your scope"). */
        public boolean allAgencies() {
            return agency == null && !agencies.isEmpty();
        }
    }

    static final List<SurveyResults.Dimension> AGENCY_DIMENSIONS = List.of(SurveyResults.BY_AREA, SurveyResults.BY_ROLE,
            SurveyResults.BY_WORKS_WITH);
    static final List<SurveyResults.Dimension> SCOPE_DIMENSIONS = List.of(SurveyResults.BY_AREA, SurveyResults.BY_ROLE,
            SurveyResults.BY_WORKS_WITH, SurveyResults.BY_SECTOR);

    @Transactional
    public View results(Long cycleId, Long agencyId) {
        LocalDate today = clock.today();
        // a draft cycle is the admins' until it opens: never offered, nor found by its id
        List<Cycle> cycles = Cycle.list("surveyOpens <= ?1 and status <> ?2 order by surveyOpens desc, id desc", today,
                Cycle.Status.DRAFT);
        Long chosen = currentUser.isAgencyLead() ? currentUser.leadAgency().id : agencyId;
        Agency agency = chosen == null ? null : scope.agency(chosen);
        List<Agency> visible = scope.visibleAgencies();
        Cycle cycle = cycleId != null ? Cycle.<Cycle>findByIdOptional(cycleId).filter(c -> c.status != Cycle.Status.DRAFT)
                .orElseThrow(NotFoundException::new)
                : Objects.requireNonNullElse(Cycle.liveOn(today), cycles.isEmpty() ? null : cycles.get(0));
        if (cycle == null) {
            return new View(cycles, null, null, null, currentUser.isAgencyLead() ? List.of() : visible, agencyId, today, false);
        }
        // only agencies taking part in the cycle had its survey: the others are in no figure, total or chooser
        Set<Long> taking = new HashSet<>(CycleAgency.agencyIds(cycle));
        List<Agency> inScope = visible.stream().filter(a -> taking.contains(a.id)).toList();
        List<Agency> choices = currentUser.isAgencyLead() ? List.of() : inScope;
        LocalDate availableFrom = availableFrom(cycle);
        if (agency != null && !taking.contains(agency.id)) {
            return new View(cycles, cycle, availableFrom, null, choices, agencyId, today, true);
        }
        if (today.isBefore(availableFrom)) {
            return new View(cycles, cycle, availableFrom, null, choices, agencyId, today, false);
        }
        int threshold = config.survey().suppressionThreshold();
        int freeTextThreshold = config.survey().freeTextThreshold();
        EntityManager em = Panache.getEntityManager();
        List<SurveyResults.Cell> all = SurveyAggregation.cells(em, cycle.id).stream()
                .filter(c -> taking.contains(c.agencyId())).toList();
        Function<List<Long>, List<String>> freeTextOf = agencies -> SurveyAggregation.freeText(em, cycle.id, agencies);
        SurveyResults.Results results;
        if (agency == null) {
            Map<Long, SurveyResults.AgencyCells> cells = SurveyResults.cells(all, threshold, SCOPE_DIMENSIONS);
            List<SurveyResults.AgencyCells> view = inScope.stream().map(a -> cells.get(a.id)).filter(Objects::nonNull).toList();
            results = SurveyResults.of("All agencies in your scope", view, null, SCOPE_DIMENSIONS, threshold, freeTextThreshold,
                    cycle.id, freeTextOf);
        } else {
            Map<Long, SurveyResults.AgencyCells> cells = SurveyResults.cells(all, threshold, AGENCY_DIMENSIONS);
            SurveyResults.AgencyCells own = cells.get(agency.id);
            results = SurveyResults.of(agency.name, own == null ? List.of() : List.of(own), List.copyOf(cells.values()),
                    AGENCY_DIMENSIONS, threshold, freeTextThreshold, cycle.id, freeTextOf);
        }
        return new View(cycles, cycle, availableFrom, results, choices, agencyId, today, false);
    }

    /** Written answers per page of the comments list. */
    public static final int COMMENTS_PER_PAGE = 25;

    /** The question filter's value for the written answers alone. */
    static final String WRITTEN = "written";

    /**
     * Short labels of the questions, for the breakdowns' column headings and the filter (the charts give the full
     * text). Soft hyphens (U+00AD) let a long word break in a narrow column, with a hyphen shown only where it does.
     */
    static final Map<Integer, String> SHORT_LABELS = Map.ofEntries(
            Map.entry(1, "Knows the lead"),
            Map.entry(2, "Knows the policy"),
            Map.entry(3, "Knows what to do"),
            Map.entry(4, "Con\u00adtin\u00aduum of Need"),
            Map.entry(5, "Under\u00adstands Early Help"),
            Map.entry(6, "Family Ap\u00adproach"),
            Map.entry(7, "Knows how to es\u00adca\u00adlate"),
            Map.entry(8, "Safe to speak up"),
            Map.entry(9, "Train\u00ading done"),
            Map.entry(10, "Has super\u00advision"),
            Map.entry(11, "Dis\u00adabled chil\u00addren"),
            Map.entry(12, "Can get an inter\u00adpreter"),
            Map.entry(13, "Used a re\u00adsource"),
            Map.entry(14, "Records chil\u00addren's views"));

    /** The short label of a question, as a table heading (with soft hyphens). */
    public static String shortLabel(SurveyDefinition.Question question) {
        return SHORT_LABELS.getOrDefault(question.number(), "Question " + question.number());
    }

    /** The short label as plain text, for the filter's options. */
    static String plainLabel(SurveyDefinition.Question question) {
        return shortLabel(question).replace("\u00ad", "");
    }

    /** One option of the "Show results for" filter. */
    public record QuestionChoice(String value, String label, boolean selected) {
    }

    /** One link of the comments' pagination; a null href is an ellipsis. */
    public record PageLink(int number, String href, boolean current) {
        public boolean ellipsis() {
            return href == null;
        }
    }

    /**
     * What the page shows of a view: all questions, one question (its chart and its column of each breakdown) or the
     * written answers alone; and one page of the written answers, in the view's stable random order. The written
     * answers have no filter beside them but the page (rule 5).
     */
    public record Page(View view, Integer question, boolean writtenOnly, FormErrors errors, List<QuestionChoice> choices,
            List<String> comments, int commentsPage, int commentPages, boolean commentsOpen, String baseQuery) {

        public boolean questionsShown() {
            return !writtenOnly;
        }

        public boolean commentsShown() {
            return question == null;
        }

        public List<SurveyResults.QuestionResult> questions() {
            return shown(view.results().questions());
        }

        /** The questions of a breakdown row that the filter keeps. */
        public List<SurveyResults.QuestionResult> shown(List<SurveyResults.QuestionResult> all) {
            return question == null ? all : all.stream().filter(q -> q.question().number() == question).toList();
        }

        public String label(SurveyResults.QuestionResult q) {
            return shortLabel(q.question());
        }

        public int totalComments() {
            return view.results().freeText().size();
        }

        public int firstComment() {
            return (commentsPage - 1) * COMMENTS_PER_PAGE + 1;
        }

        public int lastComment() {
            return firstComment() + comments.size() - 1;
        }

        public String commentsHref(int page) {
            return "/survey-results?" + baseQuery + "comments=" + page + "#comments";
        }

        public String previousHref() {
            return commentsPage > 1 ? commentsHref(commentsPage - 1) : null;
        }

        public String nextHref() {
            return commentsPage < commentPages ? commentsHref(commentsPage + 1) : null;
        }

        /** First, last, the current page and its neighbours; ellipses between. */
        public List<PageLink> pageLinks() {
            List<PageLink> links = new ArrayList<>();
            int last = 0;
            for (int n = 1; n <= commentPages; n++) {
                if (n == 1 || n == commentPages || Math.abs(n - commentsPage) <= 1) {
                    if (last > 0 && n > last + 1) {
                        links.add(new PageLink(0, null, false));
                    }
                    links.add(new PageLink(n, commentsHref(n), n == commentsPage));
                    last = n;
                }
            }
            return links;
        }
    }

    /**
     * The page for a view, one question or all, and a page of the written answers. An unknown question is explained
     * (the error summary) and every question shown. A comments page that is not a page of this view's list is not
     * found (404): the links give only real pages, and a closed survey's list never changes.
     */
    @Transactional
    public Page page(Long cycleId, Long agencyId, String question, String comments) {
        View view = results(cycleId, agencyId);
        FormErrors errors = FormErrors.none();
        Integer number = null;
        boolean written = false;
        String chosen = question == null ? "" : question.strip();
        if (chosen.equals(WRITTEN)) {
            written = true;
        } else if (!chosen.isEmpty() && !chosen.equals("all")) {
            number = SurveyDefinition.QUESTIONS.stream().map(SurveyDefinition.Question::number)
                    .filter(n -> String.valueOf(n).equals(chosen)).findFirst().orElse(null);
            if (number == null) {
                errors.add("question", "Choose a question from the list, or all questions");
            }
        }
        List<QuestionChoice> choices = new ArrayList<>();
        choices.add(new QuestionChoice("", "All questions", number == null && !written));
        for (SurveyDefinition.Question q : SurveyDefinition.QUESTIONS) {
            choices.add(new QuestionChoice(String.valueOf(q.number()), "Question " + q.number() + ": " + plainLabel(q),
                    number != null && number == q.number()));
        }
        choices.add(new QuestionChoice(WRITTEN, "Written answers: what would help", written));

        List<String> all = view.available() ? view.results().freeText() : List.of();
        int pages = Math.max(1, (all.size() + COMMENTS_PER_PAGE - 1) / COMMENTS_PER_PAGE);
        int current = 1;
        if (comments != null && !comments.isBlank()) {
            try {
                current = Integer.parseInt(comments.strip());
            } catch (NumberFormatException e) {
                throw new NotFoundException();
            }
            if (current < 1 || current > pages) {
                throw new NotFoundException();
            }
        }
        List<String> shown = all.subList(Math.min(all.size(), (current - 1) * COMMENTS_PER_PAGE),
                Math.min(all.size(), current * COMMENTS_PER_PAGE));
        StringBuilder base = new StringBuilder();
        if (view.cycle() != null) {
            base.append("cycle=").append(view.cycle().id).append("&");
        }
        if (view.agency() != null) {
            base.append("agency=").append(view.agency()).append("&");
        }
        if (written) {
            base.append("question=").append(WRITTEN).append("&");
        }
        boolean open = written || (comments != null && !comments.isBlank());
        return new Page(view, number, written, errors, choices, List.copyOf(shown), current, pages, open, base.toString());
    }

    static LocalDate availableFrom(Cycle cycle) {
        return cycle.surveyCloses.plusDays(DAYS_AFTER_CLOSING);
    }
}
