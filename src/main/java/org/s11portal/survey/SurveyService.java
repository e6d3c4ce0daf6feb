package org.s11portal.survey;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;

import org.jboss.logging.Logger;
import org.s11portal.account.AccessScope;
import org.s11portal.account.CurrentUser;
import org.s11portal.account.User;
import org.s11portal.agency.Agency;
import org.s11portal.agency.Area;
import org.s11portal.common.config.PortalClock;
import org.s11portal.common.web.FormErrors;
import org.s11portal.cycle.Cycle;
import org.s11portal.cycle.CycleAgency;
import org.s11portal.common.web.PerThreadSecureRandom;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import jakarta.ws.rs.NotFoundException;

/** The staff survey: links, headcount, anonymous answers and take-up. */
@ApplicationScoped
public class SurveyService {

    private static final Logger LOG = Logger.getLogger(SurveyService.class);
    public static final int MAX_FREE_TEXT = 1_000;
    static final int UPTAKE_SLOTS = 16;

    /** One generator per thread: a shared {@code new SecureRandom()} makes every request queue on one lock. */
    private final SecureRandom random = PerThreadSecureRandom.get();

    @Inject
    PortalClock clock;

    @Inject
    CurrentUser currentUser;

    @Inject
    AccessScope scope;

    @Inject
    SurveyNonces nonces;

    @Inject
    SurveyLinkCache links;

    @Inject
    SurveyWriter writer;

    @Inject
    Validator validator;

    public enum LinkStatus { OPEN, NOT_YET_OPEN, CLOSED, MOVED, UNKNOWN }

    /** What a staff member's link leads to, with the agency's name and areas for the form. */
    public record LinkView(LinkStatus status, String agencyName, List<String> areaCodes, LocalDate closes) {
    }

    /** What a staff member sent; validated by {@link #validate}. */
    public record SurveyInput(List<String> areas, String roleBand, String worksWith, Map<Integer, List<String>> answers,
            String freeText) {
    }

    public enum Outcome { STORED, ALREADY_RECEIVED, EXPIRED_FORM, NOT_OPEN }

    /** The link's details, read from the database unless cached; null when no link has this token. */
    public SurveyLinkCache.LinkInfo link(String token) {
        return plausible(token) ? links.get(token) : null;
    }

    /** The link's details when they are cached, without touching the database (safe on the IO thread); else null. */
    public SurveyLinkCache.LinkInfo cachedLink(String token) {
        return plausible(token) ? links.cached(token) : null;
    }

    private static boolean plausible(String token) {
        return token != null && token.length() <= 64;
    }

    public LinkView view(String token) {
        return view(link(token));
    }

    public LinkView view(SurveyLinkCache.LinkInfo link) {
        if (link == null) {
            return new LinkView(LinkStatus.UNKNOWN, null, List.of(), null);
        }
        return new LinkView(status(link, clock.today()), link.agencyName(), link.areaCodes(), link.closes());
    }

    private static LinkStatus status(SurveyLinkCache.LinkInfo link, LocalDate today) {
        return !link.active() ? LinkStatus.MOVED
                : today.isBefore(link.opens()) ? LinkStatus.NOT_YET_OPEN
                : today.isAfter(link.closes()) ? LinkStatus.CLOSED : LinkStatus.OPEN;
    }

    public FormErrors validate(SurveyInput input, List<String> agencyAreas) {
        FormErrors errors = FormErrors.none();
        for (String area : input.areas()) {
            if (!agencyAreas.contains(area)) {
                errors.add("areas", "Select the areas you work in from the list");
            }
        }
        if (repeats(input.areas())) {
            errors.add("areas", "Select each area you work in once");
        }
        if (input.roleBand() != null && !SurveyDefinition.valid(SurveyDefinition.ROLE_BANDS, input.roleBand())) {
            errors.add("roleBand", "Select your role from the list");
        }
        if (input.worksWith() != null && !SurveyDefinition.valid(SurveyDefinition.WORKS_WITH, input.worksWith())) {
            errors.add("worksWith", "Select who you mainly work with from the list");
        }
        for (SurveyDefinition.Question question : SurveyDefinition.QUESTIONS) {
            List<String> values = input.answers().getOrDefault(question.number(), List.of());
            if (values.isEmpty()) {
                errors.add(question.field(), question.multi() ? "Question " + question.number() + ": select all that apply, or None of these"
                        : "Question " + question.number() + ": select an answer");
            } else if (values.stream().anyMatch(v -> !SurveyDefinition.valid(question.options(), v))
                    || (!question.multi() && values.size() > 1)) {
                errors.add(question.field(), "Question " + question.number() + ": select an answer from the list");
            } else if (repeats(values)) {
                errors.add(question.field(), "Question " + question.number() + ": select each answer once");
            } else if (question.multi() && values.contains("NONE") && values.size() > 1) {
                errors.add(question.field(), "Question " + question.number() + ": select None of these on its own");
            }
        }
        if (input.freeText() != null && input.freeText().length() > MAX_FREE_TEXT) {
            errors.add("freeText", "Your answer must be " + MAX_FREE_TEXT + " characters or fewer");
        }
        return errors;
    }

    /**
     * A value sent more than once: a browser never does that, and stored it would count one person twice (and
     * could overflow the column). A real form sends a few values, which a nested loop checks without garbage.
     */
    private static boolean repeats(List<String> values) {
        if (values.size() > 8) {
            return new java.util.HashSet<>(values).size() < values.size();
        }
        for (int i = 1; i < values.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (values.get(i).equals(values.get(j))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Stores one anonymous response and counts it towards take-up; the stage completes once it is committed (see
     * {@link SurveyWriter}). The form's nonce can be used once: a second submit of the same form stores nothing.
     */
    public CompletionStage<Outcome> submit(SurveyLinkCache.LinkInfo link, String nonce, SurveyInput input) {
        LocalDate today = clock.today();
        if (link == null || status(link, today) != LinkStatus.OPEN) {
            return CompletableFuture.completedFuture(Outcome.NOT_OPEN);
        }
        SurveyNonces.Checked checked = nonces.check(nonce, link.token());
        if (checked == null) {
            return CompletableFuture.completedFuture(Outcome.EXPIRED_FORM);
        }
        String[] answers = new String[SurveyDefinition.QUESTIONS.size()];
        input.answers().forEach((number, values) -> answers[number - 1] = String.join(",", values));
        return writer.write(new SurveyWriter.Pending(checked.hash(), checked.expiresOn(), randomId(), link.agencyId(),
                link.cycleId(), link.surveyVersion(), today, input.areas().isEmpty() ? null : String.join(",", input.areas()),
                input.roleBand(), input.worksWith(), answers, input.freeText()))
                .thenApply(stored -> stored ? Outcome.STORED : Outcome.ALREADY_RECEIVED);
    }

    // --- the agency lead's side -------------------------------------------------------------------

    public record TakeUp(Agency agency, Integer headcount, long responses, int targetPct) {

        /** Responses as a whole percentage of headcount, or null when no headcount is known. */
        public Integer percent() {
            return headcount == null ? null : percentOf(responses, headcount);
        }

        /**
         * Take-up as a whole percentage: answers over headcount, rounded; null when the headcount is 0 (not known).
         * The one place take-up is computed: an agency, an area and a whole scope all use it.
         */
        public static Integer percentOf(long responses, long headcount) {
            return headcount == 0 ? null : (int) Math.round(responses * 100.0 / headcount);
        }

        public boolean belowTarget() {
            return percent() == null || percent() < targetPct;
        }

        /** More answers than staff: the link has probably leaked beyond the agency. */
        public boolean overHeadcount() {
            return headcount != null && responses > headcount;
        }

        /** For the progress bar, capped at 100. */
        public int barPercent() {
            return percent() == null ? 0 : Math.min(100, percent());
        }
    }

    /**
     * The lead's survey page. An agency not taking part in the live cycle has no survey in it: no link (one made
     * before is not offered either) and no take-up.
     */
    public record LeadSurvey(Agency agency, Cycle cycle, boolean takesPart, SurveyLink link, TakeUp takeUp) {
    }

    @Transactional
    public LeadSurvey leadSurvey() {
        Agency agency = Agency.findById(currentUser.leadAgency().id);
        Cycle cycle = liveCycle();
        if (!cycle.takesPart(agency)) {
            return new LeadSurvey(agency, cycle, false, null, null);
        }
        return new LeadSurvey(agency, cycle, true, SurveyLink.activeFor(agency, cycle), takeUp(agency, cycle));
    }

    /** A refused headcount: the lead's page again, with the errors. Null when the headcount was saved. */
    public record HeadcountRefused(LeadSurvey survey, FormErrors errors) {
    }

    /**
     * Sets the lead's agency's headcount ({@link Agency#headcount}, the one headcount the portal keeps) as typed.
     * Returns null when saved, otherwise the page with the form's problems.
     */
    @Transactional
    public HeadcountRefused setHeadcount(HeadcountForm form) {
        FormErrors errors = form.errors(validator);
        if (errors.any()) {
            return new HeadcountRefused(leadSurvey(), errors);
        }
        int value = form.value();
        User lead = currentUser.user();
        liveCycle();
        Agency agency = Agency.findById(currentUser.leadAgency().id);
        agency.headcount = value;
        LOG.infof("agency-headcount-set agency-id=%d by-user-id=%d", agency.id, lead.id);
        return null;
    }

    /**
     * Gives the lead's agency a new link for the live cycle (see {@link #newLink(long)}); null, making none, when the
     * agency does not take part in it.
     */
    @Transactional
    public SurveyLink newLinkForLead() {
        return newLink(currentUser.leadAgency().id);
    }

    /**
     * Creates the agency's link, or replaces it: the old one then tells staff the survey has moved. Null, with nothing
     * made, when the agency does not take part in the live cycle: only agencies taking part have a staff survey.
     */
    @Transactional
    public SurveyLink newLink(long agencyId) {
        Agency agency = scope.agency(agencyId);
        Cycle cycle = liveCycle();
        if (!cycle.takesPart(agency)) {
            LOG.infof("survey-link-refused agency-id=%d reason=not-taking-part", agency.id);
            return null;
        }
        SurveyLink old = SurveyLink.activeFor(agency, cycle);
        if (old != null) {
            old.active = false;
            old.replacedAt = clock.now();
            links.forget(old.token);
            LOG.infof("survey-link-replaced agency-id=%d by-user-id=%d", agency.id, currentUser.user().id);
        }
        SurveyLink link = new SurveyLink();
        link.agency = agency;
        link.cycle = cycle;
        link.token = randomToken();
        link.active = true;
        link.createdAt = clock.now();
        link.persist();
        return link;
    }

    /**
     * Take-up for every agency in the caller's scope that takes part in the live cycle, lowest first: an agency not
     * taking part has no survey, so it is not listed (never as "0%").
     */
    @Transactional
    public List<TakeUp> takeUpInScope() {
        Cycle cycle = liveCycle();
        Map<Long, Long> responses = responsesByAgency(cycle);
        return CycleAgency.takingPart(cycle, scope.visibleAgencies()).stream()
                .map(a -> new TakeUp(a, a.headcount, responses.getOrDefault(a.id, 0L), cycle.takeupTargetPct))
                .sorted(java.util.Comparator.comparing((TakeUp t) -> t.percent() == null ? -1 : t.percent()))
                .toList();
    }

    /** Take-up of the agencies working in an area (a joint agency counts in each of its areas). */
    public record AreaTakeUp(Area area, int agencies, long responses, long headcount) {
        public Integer percent() {
            return TakeUp.percentOf(responses, headcount);
        }
    }

    /** The take-up page: every agency in scope (lowest first), by area, and overall. */
    public record TakeUpPage(List<TakeUp> rows, List<AreaTakeUp> areas, long responses, long headcount,
            Integer overallPercent, int target) {
    }

    @Transactional
    public TakeUpPage takeUpPage() {
        List<TakeUp> rows = takeUpInScope();
        long responses = rows.stream().mapToLong(TakeUp::responses).sum();
        long headcount = rows.stream().filter(r -> r.headcount() != null).mapToLong(TakeUp::headcount).sum();
        List<AreaTakeUp> areas = Arrays.stream(Area.values()).map(area -> {
            List<TakeUp> inArea = rows.stream().filter(r -> r.agency().areas.stream().anyMatch(p -> p.code == area)).toList();
            return new AreaTakeUp(area, inArea.size(), inArea.stream().mapToLong(TakeUp::responses).sum(),
                    inArea.stream().filter(r -> r.headcount() != null).mapToLong(TakeUp::headcount).sum());
        }).filter(a -> a.agencies() > 0).toList();
        return new TakeUpPage(rows, areas, responses, headcount, TakeUp.percentOf(responses, headcount),
                rows.isEmpty() ? 0 : rows.get(0).targetPct());
    }

    /** One agency's take-up, counting that agency's answers only. */
    public TakeUp takeUp(Agency agency, Cycle cycle) {
        Number responses = (Number) Panache.getEntityManager()
                .createNativeQuery("SELECT COALESCE(SUM(responses), 0) FROM survey_uptake WHERE cycle_id = ?1 AND agency_id = ?2")
                .setParameter(1, cycle.id).setParameter(2, agency.id).getSingleResult();
        return new TakeUp(agency, agency.headcount, responses.longValue(), cycle.takeupTargetPct);
    }

    /** Counted from survey_uptake, never from the responses themselves. */
    @SuppressWarnings("unchecked")
    /** Survey responses so far per agency id in a cycle, from the take-up counts (never the answers). */
    public static Map<Long, Long> responsesByAgency(Cycle cycle) {
        List<Object[]> rows = Panache.getEntityManager()
                .createNativeQuery("SELECT agency_id, SUM(responses) FROM survey_uptake WHERE cycle_id = ?1 GROUP BY agency_id")
                .setParameter(1, cycle.id).getResultList();
        return rows.stream().collect(Collectors.toMap(r -> ((Number) r[0]).longValue(), r -> ((Number) r[1]).longValue()));
    }

    private Cycle liveCycle() {
        Cycle cycle = Cycle.liveOn(clock.today());
        if (cycle == null) {
            throw new NotFoundException();
        }
        return cycle;
    }

    private String randomId() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private String randomToken() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
