package org.s11portal.panel;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.s11portal.account.CurrentUser;
import org.s11portal.account.Roles;
import org.s11portal.account.User;
import org.s11portal.agency.Partnership;
import org.s11portal.assessment.ActionStatus;
import org.s11portal.assessment.Assessment;
import org.s11portal.assessment.AssessmentLifecycle;
import org.s11portal.assessment.AssessmentService;
import org.s11portal.assessment.AssessmentState;
import org.s11portal.assessment.Rating;
import org.s11portal.common.config.PortalClock;
import org.s11portal.common.template.TemplateExtensions;
import org.s11portal.common.web.DateParts;
import org.s11portal.common.web.FormErrors;
import org.s11portal.cycle.Cycle;
import org.s11portal.survey.SurveyService;
import org.s11portal.tool.Standard;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

/**
 * Panel days: planning one (its agenda fills itself from the submitted assessments in its scope), ordering the
 * agenda, the panel's findings per standard, its themes, and the outcome of each submission. A moderator sees joint
 * panels and the local panels of their own partnership; anything else is not found. Accepting a submission moves it
 * to moderated through {@link AssessmentLifecycle}; required actions join the agency's action plan.
 */
@ApplicationScoped
public class PanelService {

    public static final int MAX_TEXT = 5_000;
    /** How many required actions the outcome form offers at once. */
    public static final int ACTION_SLOTS = 3;
    private static final ZoneId UK = ZoneId.of("Europe/London");

    @Inject
    CurrentUser currentUser;

    @Inject
    PortalClock clock;

    @Inject
    AssessmentService assessments;

    @Inject
    AssessmentLifecycle lifecycle;

    @Inject
    SurveyService surveys;

    // --- scope ---------------------------------------------------------------------------------------------------

    /** Whether this person may see and run the panel: a moderator; joint panels, or local ones of their partnership. */
    static boolean mayRun(User user, PanelDay panel) {
        if (!Roles.MODERATOR.equals(user.role)) {
            return false;
        }
        return panel.kind == PanelKind.JOINT
                || (user.partnership != null && panel.partnership != null && user.partnership.id.equals(panel.partnership.id));
    }

    /** The panel, when the current user may run it; otherwise 404. */
    PanelDay panel(long panelId) {
        PanelDay panel = PanelDay.findById(panelId);
        if (panel == null || !mayRun(currentUser.user(), panel)) {
            throw new NotFoundException();
        }
        return panel;
    }

    /** An item of a panel the current user may run; otherwise 404. */
    private AgendaItem item(PanelDay panel, long itemId, boolean lock) {
        AgendaItem item = lock ? AgendaItem.findById(itemId, LockModeType.PESSIMISTIC_WRITE) : AgendaItem.findById(itemId);
        if (item == null || !item.panel.id.equals(panel.id)) {
            throw new NotFoundException();
        }
        // its pages name the agency and its state, after the transaction
        org.hibernate.Hibernate.initialize(item.assessment);
        return item;
    }

    private User moderator() {
        User user = currentUser.user();
        if (!Roles.MODERATOR.equals(user.role)) {
            throw new NotFoundException();
        }
        return user;
    }

    /** The submitted assessments of the cycle that belong on a panel of this kind and are on no panel yet, by agency name. */
    public static List<Assessment> waitingFor(Cycle cycle, PanelKind kind, Partnership partnership) {
        if (cycle == null) {
            return List.of();
        }
        List<Assessment> submitted = Assessment.list("select distinct a from Assessment a join fetch a.agency g"
                + " left join fetch g.areas where a.cycle = ?1 and a.state = ?2"
                + " and not exists (select 1 from AgendaItem i where i.assessment = a)", cycle, AssessmentState.SUBMITTED);
        return submitted.stream()
                .filter(a -> kind == PanelKind.JOINT ? a.agency.isJoint()
                        : !a.agency.isJoint() && partnership != null && a.agency.worksIn(partnership))
                .sorted(Comparator.comparing((Assessment a) -> a.agency.name))
                .toList();
    }

    // --- the list of panels ----------------------------------------------------------------------------------------

    public record PanelRow(PanelDay panel, long items, long decided) {
        public boolean finished() {
            return items > 0 && decided == items;
        }
    }

    /** Upcoming (today or later, soonest first) and past panels in scope, and what waits for a panel. */
    public record PanelsPage(Cycle cycle, List<PanelRow> upcoming, List<PanelRow> past, long waitingJoint,
            String partnershipName, long waitingLocal) {
    }

    @Transactional
    public PanelsPage panels() {
        User user = moderator();
        LocalDate today = clock.today();
        Cycle cycle = Cycle.liveOn(today);
        List<PanelDay> panels = PanelDay.list("select p from PanelDay p left join fetch p.partnership"
                + " where p.kind = ?1 or p.partnership = ?2 order by p.heldOn, p.id", PanelKind.JOINT, user.partnership);
        Map<Long, long[]> counts = counts(panels);
        List<PanelRow> rows = panels.stream().map(p -> {
            long[] c = counts.getOrDefault(p.id, new long[2]);
            return new PanelRow(p, c[0], c[1]);
        }).toList();
        List<PanelRow> upcoming = rows.stream().filter(r -> !r.panel().heldOn.isBefore(today)).toList();
        List<PanelRow> past = new ArrayList<>(rows.stream().filter(r -> r.panel().heldOn.isBefore(today)).toList());
        java.util.Collections.reverse(past);
        long joint = waitingFor(cycle, PanelKind.JOINT, null).size();
        long local = user.partnership == null ? 0 : waitingFor(cycle, PanelKind.LOCAL, user.partnership).size();
        return new PanelsPage(cycle, upcoming, past, joint, user.partnership == null ? null : user.partnership.areaName(), local);
    }

    /** Items and decided items per panel, in one statement. */
    private static Map<Long, long[]> counts(List<PanelDay> panels) {
        if (panels.isEmpty()) {
            return Map.of();
        }
        List<Object[]> rows = Panache.getEntityManager().createQuery("select i.panel.id, count(i),"
                + " sum(case when i.outcome is not null then 1 else 0 end) from AgendaItem i where i.panel in :panels"
                + " group by i.panel.id", Object[].class).setParameter("panels", panels).getResultList();
        Map<Long, long[]> counts = new LinkedHashMap<>();
        rows.forEach(r -> counts.put(((Number) r[0]).longValue(),
                new long[] { ((Number) r[1]).longValue(), r[2] == null ? 0 : ((Number) r[2]).longValue() }));
        return counts;
    }

    // --- planning a panel ------------------------------------------------------------------------------------------

    /** A moderator who may take part: their name and partnership. */
    public record Member(long id, String name, String partnership) {
        public String field() {
            return "member-" + id;
        }
    }

    /** The plan form as typed. */
    public record PlanInput(DateParts heldOn, String kind, Set<Long> members) {
        public static PlanInput empty() {
            return new PlanInput(new DateParts(null, null, null), null, Set.of());
        }

        public boolean chose(long memberId) {
            return members.contains(memberId);
        }
    }

    public record PlanPage(Cycle cycle, String partnershipName, List<Member> moderators, PlanInput input, FormErrors errors,
            long waitingJoint, long waitingLocal) {
    }

    @Transactional
    public PlanPage planForm() {
        return planPage(PlanInput.empty(), FormErrors.none());
    }

    private PlanPage planPage(PlanInput input, FormErrors errors) {
        User user = moderator();
        Cycle cycle = Cycle.liveOn(clock.today());
        List<User> moderators = User.list("select u from User u left join fetch u.partnership where u.role = ?1"
                + " and u.active = true order by u.displayName, u.id", Roles.MODERATOR);
        List<Member> members = moderators.stream()
                .map(m -> new Member(m.id, m.displayName, m.partnership == null ? "HIPS" : m.partnership.areaName()))
                .toList();
        return new PlanPage(cycle, user.partnership == null ? null : user.partnership.areaName(), members, input, errors,
                waitingFor(cycle, PanelKind.JOINT, null).size(),
                user.partnership == null ? 0 : waitingFor(cycle, PanelKind.LOCAL, user.partnership).size());
    }

    public sealed interface PlanResult permits Planned, PlanRefused {
    }

    public record Planned(long panelId) implements PlanResult {
    }

    public record PlanRefused(PlanPage page) implements PlanResult {
    }

    /**
     * Plans a panel day: a real date from today on, joint or (for a moderator of a partnership) local, at least one
     * moderator taking part (of the partnership, for a local panel). Its agenda is every submitted assessment of the
     * live cycle in its scope that is on no panel yet, by agency name.
     */
    @Transactional
    public PlanResult plan(PlanInput input) {
        User user = moderator();
        FormErrors errors = FormErrors.none();
        Cycle cycle = Cycle.liveOn(clock.today());
        if (cycle == null) {
            errors.add("heldOn-day", "There is no live audit cycle to plan a panel for");
        }
        LocalDate heldOn = null;
        if (input.heldOn().isEmpty()) {
            errors.add("heldOn-day", "Enter the date of the panel day");
        } else if (input.heldOn().toDate() == null) {
            String part = input.heldOn().day() == null || input.heldOn().day().isBlank() ? "day"
                    : input.heldOn().month() == null || input.heldOn().month().isBlank() ? "month" : "day";
            errors.add("heldOn-" + part, "Date of the panel day must be a real date, like 12 3 2027");
        } else if (input.heldOn().toDate().isBefore(clock.today())) {
            errors.add("heldOn-day", "Date of the panel day must be today or in the future");
        } else {
            heldOn = input.heldOn().toDate();
        }
        PanelKind kind = null;
        if ("JOINT".equals(input.kind())) {
            kind = PanelKind.JOINT;
        } else if ("LOCAL".equals(input.kind()) && user.partnership != null) {
            kind = PanelKind.LOCAL;
        } else {
            errors.add("kind", user.partnership == null ? "Select joint panel" : "Select joint or local panel");
        }
        List<User> members = input.members().isEmpty() ? List.of()
                : User.list("select u from User u left join fetch u.partnership where u.id in ?1 and u.role = ?2"
                        + " and u.active = true", input.members(), Roles.MODERATOR);
        if (members.isEmpty() || members.size() != input.members().size()) {
            errors.add("members", "Select the moderators taking part");
        } else if (kind == PanelKind.LOCAL && members.stream()
                .anyMatch(m -> m.partnership == null || !m.partnership.id.equals(user.partnership.id))) {
            errors.add("members", "A local panel's moderators must all be of " + user.partnership.areaName());
        }
        if (errors.any()) {
            return new PlanRefused(planPage(input, errors));
        }
        PanelDay panel = new PanelDay();
        panel.cycle = cycle;
        panel.heldOn = heldOn;
        panel.kind = kind;
        panel.partnership = kind == PanelKind.LOCAL ? user.partnership : null;
        panel.createdBy = user;
        panel.members.addAll(members);
        panel.persist();
        int position = 1;
        for (Assessment assessment : waitingFor(cycle, kind, panel.partnership)) {
            AgendaItem item = new AgendaItem();
            item.panel = panel;
            item.assessment = assessment;
            item.position = position++;
            item.persist();
        }
        return new Planned(panel.id);
    }

    // --- the agenda ------------------------------------------------------------------------------------------------

    public record PanelPage(PanelDay panel, List<AgendaItem> items, List<String> members, long decided,
            Map<Long, PanelLetters.LetterRow> letters) {
        public boolean finished() {
            return !items.isEmpty() && decided == items.size();
        }

        /** The item's current letter (a draft or the issued one), or null. */
        public PanelLetters.LetterRow letterOf(AgendaItem item) {
            return letters.get(item.assessment.id);
        }

        /** Accepted submissions still without a letter: "Make the letters" has something to do. */
        public long lettersToMake() {
            return items.stream().filter(i -> PanelLetters.needsLetter(i) && !letters.containsKey(i.assessment.id)).count();
        }

        public long draftLetters() {
            return letters.values().stream().filter(PanelLetters.LetterRow::isDraft).count();
        }

        /** Whether the page has a letters section: some submission was accepted. */
        public boolean anyAccepted() {
            return !letters.isEmpty() || lettersToMake() > 0;
        }

        /** The first item still waiting for an outcome, or the first item: where "Start" leads. */
        public AgendaItem firstToDo() {
            return items.stream().filter(AgendaItem::awaitingOutcome).findFirst().orElse(items.isEmpty() ? null : items.get(0));
        }
    }

    @Transactional
    public PanelPage panelPage(long panelId) {
        PanelDay panel = panel(panelId);
        List<AgendaItem> items = AgendaItem.agenda(panel);
        List<String> members = panel.members.stream().map(m -> m.displayName).sorted().toList();
        long decided = items.stream().filter(i -> !i.awaitingOutcome()).count();
        return new PanelPage(panel, items, members, decided, PanelLetters.lettersByAssessment(items));
    }

    /** Moves an item one place up or down the agenda (nothing happens at either end). */
    @Transactional
    public void move(long panelId, long itemId, boolean up) {
        PanelDay panel = panel(panelId);
        PanelDay.findById(panel.id, LockModeType.PESSIMISTIC_WRITE);
        List<AgendaItem> items = new ArrayList<>(AgendaItem.agenda(panel));
        int index = -1;
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).id.equals(itemId)) {
                index = i;
            }
        }
        if (index < 0) {
            throw new NotFoundException();
        }
        int other = up ? index - 1 : index + 1;
        if (other >= 0 && other < items.size()) {
            java.util.Collections.swap(items, index, other);
        }
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).position != i + 1) {
                items.get(i).position = i + 1;
            }
        }
    }

    // --- one item --------------------------------------------------------------------------------------------------

    /** A radio option; read by the shared choice tag, which is not type-checked, hence its value resolver. */
    @io.quarkus.qute.TemplateData
    public record Option(String value, String label) {
    }

    public static final List<Option> AGREE = List.of(new Option("yes", "Agree with the agency's ratings"),
            new Option("no", "Give the panel's own rating"));

    public static final List<Option> RATINGS = java.util.Arrays.stream(Rating.values())
            .map(r -> new Option(r.name(), r.label)).toList();

    /** One standard's finding as saved or typed (themes: the ids ticked); version null when none is saved yet. */
    public record FindingValues(String code, String title, String agrees, String panelRating, String ratingReason,
            String strengths, String areasForDevelopment, String privateNotes, Set<Long> themes, Integer version,
            String updatedBy, Instant updatedAt) {

        static FindingValues of(Standard standard, StandardFinding f) {
            if (f == null) {
                return new FindingValues(standard.code, standard.title, null, null, null, null, null, null, Set.of(), null,
                        null, null);
            }
            return new FindingValues(standard.code, standard.title, f.agrees ? "yes" : f.panelRating != null ? "no" : null,
                    f.panelRating == null ? null : f.panelRating.name(), f.ratingReason, f.strengths,
                    f.areasForDevelopment, f.privateNotes, f.themes.stream().map(t -> t.id).collect(Collectors.toSet()),
                    f.version, f.updatedByName, f.updatedAt);
        }

        static FindingValues typed(Standard standard, List<Theme> themes, Function<String, String> form) {
            String p = standard.code + "-";
            Set<Long> ticked = themes.stream().filter(t -> form.apply(p + t.field()) != null).map(t -> t.id)
                    .collect(Collectors.toSet());
            return new FindingValues(standard.code, standard.title, form.apply(p + "agrees"), form.apply(p + "panelRating"),
                    form.apply(p + "ratingReason"), form.apply(p + "strengths"), form.apply(p + "areasForDevelopment"),
                    form.apply(p + "privateNotes"), ticked, number(form.apply(p + "version")), null, null);
        }

        public boolean chose(long themeId) {
            return themes.contains(themeId);
        }

        /** The themes ticked, by name, in the list's order: what a conflict page shows. */
        String themeNames(List<Theme> all) {
            return all.stream().filter(t -> themes.contains(t.id)).map(t -> t.name).collect(Collectors.joining(", "));
        }

        public String field(String name) {
            return code + "-" + name;
        }

        public String agreeLegend() {
            return "Does the panel agree with the agency's ratings of " + code + "?";
        }

        public String ratingLabel() {
            return panelRating == null || panelRating.isBlank() ? "" : Rating.valueOf(panelRating).label;
        }

        public boolean saved() {
            return version != null;
        }
    }

    /** A required action as typed on the outcome form. */
    public record ActionValues(int slot, String standard, String description, DateParts due) {
        public String field(String name) {
            return "action" + slot + "-" + name;
        }

        boolean blank() {
            return (standard == null || standard.isBlank()) && (description == null || description.isBlank()) && due.isEmpty();
        }
    }

    /** The outcome form as typed. */
    public record OutcomeValues(String outcome, String seen, List<ActionValues> actions) {
        static OutcomeValues empty() {
            List<ActionValues> actions = new ArrayList<>();
            for (int slot = 1; slot <= ACTION_SLOTS; slot++) {
                actions.add(new ActionValues(slot, null, null, new DateParts(null, null, null)));
            }
            return new OutcomeValues(null, null, actions);
        }

        public static OutcomeValues typed(Function<String, String> form) {
            List<ActionValues> actions = new ArrayList<>();
            for (int slot = 1; slot <= ACTION_SLOTS; slot++) {
                String p = "action" + slot + "-";
                actions.add(new ActionValues(slot, form.apply(p + "standard"), form.apply(p + "description"),
                        new DateParts(form.apply(p + "due-day"), form.apply(p + "due-month"), form.apply(p + "due-year"))));
            }
            return new OutcomeValues(form.apply("outcome"), form.apply("seen"), actions);
        }
    }

    public static final List<Option> OUTCOMES = List.of(new Option(Outcome.ACCEPTED.name(), Outcome.ACCEPTED.label),
            new Option(Outcome.ACCEPTED_WITH_ACTIONS.name(), Outcome.ACCEPTED_WITH_ACTIONS.label),
            new Option(Outcome.RETURNED.name(), Outcome.RETURNED.label + " (goes to the return form)"));

    /**
     * Everything the item page shows: the submission as the moderator reads it, its quality flags, each standard's
     * finding (as saved, or as typed when a save was refused), the themes, the outcome form and the neighbours.
     */
    public record ItemPage(PanelDay panel, AgendaItem item, AssessmentService.Reading reading,
            List<QualityFlags.Flag> flags, Map<String, FindingValues> findings, String findingErrorsFor,
            FormErrors errors, List<Theme> themes, List<RequiredAction> requiredActions,
            OutcomeValues outcome, String refusal, Long previousItemId, Long nextItemId, int position, int size) {

        public FindingValues finding(String code) {
            return findings.get(code);
        }

        /** The errors of the one form that was refused: this standard's, or none. */
        public FormErrors errorsFor(String form) {
            return form.equals(findingErrorsFor) ? errors : FormErrors.none();
        }

        /** The outcome as it stood when the page was shown, sent back with the outcome form. */
        public String outcomeSeen() {
            return item.outcome == null ? "" : item.outcome.name();
        }

        public boolean canRecordOutcome() {
            return item.awaitingOutcome() && item.assessment.state == AssessmentState.SUBMITTED;
        }

        /** Why nothing of this submission can be changed any more (its cycle is closed), or null. */
        public String closed() {
            return AssessmentLifecycle.closedReason(item.assessment);
        }

        /** The themes a finding notes, by name, for the read-only view. */
        public String themeNames(FindingValues finding) {
            return finding.themeNames(themes);
        }

        public List<Standard> standards() {
            return reading.work().standards;
        }

        public List<Option> agreeOptions() {
            return AGREE;
        }

        public List<Option> ratingOptions() {
            return RATINGS;
        }

        public List<Option> outcomeOptions() {
            return OUTCOMES;
        }

        /** Flags about one standard, and those about the whole submission (standard null). */
        public List<QualityFlags.Flag> flagsFor(String code) {
            return flags.stream().filter(f -> java.util.Objects.equals(f.standardCode(), code)).toList();
        }
    }

    @Transactional
    public ItemPage itemPage(long panelId, long itemId) {
        PanelDay panel = panel(panelId);
        return itemPage(panel, item(panel, itemId, false), Map.of(), null, FormErrors.none(), null, null);
    }

    private ItemPage itemPage(PanelDay panel, AgendaItem item, Map<String, FindingValues> typed, String errorsFor,
            FormErrors errors, OutcomeValues outcome, String refusal) {
        org.hibernate.Hibernate.initialize(item.assessment);
        AssessmentService.Reading reading = assessments.reading(item.assessment.id, null);
        Map<Long, StandardFinding> saved = StandardFinding.forItem(item).stream()
                .collect(Collectors.toMap(f -> f.standard.id, Function.identity()));
        Map<String, FindingValues> findings = new LinkedHashMap<>();
        for (Standard standard : reading.work().standards) {
            findings.put(standard.code, typed.containsKey(standard.code) ? typed.get(standard.code)
                    : FindingValues.of(standard, saved.get(standard.id)));
        }
        LocalDate submittedOn = reading.version() == null ? clock.today()
                : LocalDate.ofInstant(reading.version().submittedAt, UK);
        List<QualityFlags.Flag> flags = QualityFlags.of(reading.snapshot(), submittedOn, reading.work().cycle.closes,
                surveys.takeUp(item.assessment.agency, reading.work().cycle));
        List<Object[]> order = Panache.getEntityManager().createQuery(
                "select i.id, i.position from AgendaItem i where i.panel = :panel order by i.position, i.id", Object[].class)
                .setParameter("panel", panel).getResultList();
        int index = 0;
        for (int i = 0; i < order.size(); i++) {
            if (((Number) order.get(i)[0]).longValue() == item.id) {
                index = i;
            }
        }
        Long previous = index > 0 ? ((Number) order.get(index - 1)[0]).longValue() : null;
        Long next = index + 1 < order.size() ? ((Number) order.get(index + 1)[0]).longValue() : null;
        OutcomeValues shown = outcome != null ? outcome : OutcomeValues.empty();
        return new ItemPage(panel, item, reading, flags, findings, errorsFor, errors, Theme.activeInOrder(),
                RequiredAction.forItem(item), shown, refusal, previous, next, index + 1, order.size());
    }

    /** What a save on the item page came to. */
    public sealed interface ItemSave permits ItemSaved, ItemRefused, ItemConflict {
    }

    /** Saved; {@code redirect} is where the page goes next. */
    public record ItemSaved(String redirect) implements ItemSave {
    }

    /** Refused (400: the input; 409: the submission can no longer take this outcome): the page again, with what was typed. */
    public record ItemRefused(int status, ItemPage page) implements ItemSave {
    }

    /** Someone else saved the same thing since this person loaded it: nothing was overwritten. */
    public record ItemConflict(Conflict conflict) implements ItemSave {
    }

    /** Both versions, side by side, and the form that saves "mine" over "theirs". */
    public record Conflict(PanelDay panel, AgendaItem item, String heading, String theirsBy, Instant theirsAt,
            List<ConflictRow> rows, String action, List<HiddenField> resubmit) {
    }

    public record ConflictRow(String label, String theirs, String yours) {
    }

    public record HiddenField(String name, String value) {
    }

    /**
     * Saves the panel's finding on one standard, from the version the moderator loaded (a draft before the day or the
     * record on it). Agree, or give a panel rating with the reason; each text at most {@value #MAX_TEXT} characters.
     * A finding someone else saved in between is not overwritten: both come back as a conflict.
     */
    @Transactional
    public ItemSave saveFinding(long panelId, long itemId, String code, Function<String, String> form) {
        PanelDay panel = panel(panelId);
        AgendaItem item = item(panel, itemId, true);
        Standard standard = item.assessment.cycle.tool.standards.stream().filter(s -> s.code.equals(code)).findFirst()
                .orElseThrow(NotFoundException::new);
        String closed = AssessmentLifecycle.closedReason(item.assessment);
        if (closed != null) {
            return new ItemRefused(409, itemPage(panel, item, Map.of(), null, FormErrors.none(), null,
                    closed + " The panel's view of " + code + " was not saved."));
        }
        List<Theme> themes = Theme.activeInOrder();
        FindingValues typed = FindingValues.typed(standard, themes, form);
        FormErrors errors = check(typed);
        if (errors.any()) {
            return new ItemRefused(400, itemPage(panel, item, Map.of(code, typed), code, errors, null, null));
        }
        StandardFinding finding = StandardFinding.find("item = ?1 and standard = ?2", item, standard).firstResult();
        if (finding != null && (typed.version() == null || typed.version() != finding.version)) {
            FindingValues theirs = FindingValues.of(standard, finding);
            List<ConflictRow> rows = List.of(
                    new ConflictRow("Agrees with the agency", yesNo(theirs.agrees()), yesNo(typed.agrees())),
                    new ConflictRow("Panel rating", theirs.ratingLabel(), typed.ratingLabel()),
                    new ConflictRow("Reason for the panel rating", theirs.ratingReason(), typed.ratingReason()),
                    new ConflictRow("Strengths", theirs.strengths(), typed.strengths()),
                    new ConflictRow("Areas for development", theirs.areasForDevelopment(), typed.areasForDevelopment()),
                    new ConflictRow("Themes", theirs.themeNames(themes), typed.themeNames(themes)),
                    new ConflictRow("Private notes", theirs.privateNotes(), typed.privateNotes()));
            String p = code + "-";
            List<HiddenField> fields = new ArrayList<>();
            for (String name : List.of("agrees", "panelRating", "ratingReason", "strengths", "areasForDevelopment", "privateNotes")) {
                String value = form.apply(p + name);
                if (value != null) {
                    fields.add(new HiddenField(p + name, value));
                }
            }
            typed.themes().forEach(id -> fields.add(new HiddenField(p + "theme-" + id, "yes")));
            fields.add(new HiddenField(p + "version", String.valueOf(finding.version)));
            return new ItemConflict(new Conflict(panel, item, "Someone else changed the panel's finding on " + code + " "
                    + standard.title, theirs.updatedBy() == null ? "someone else" : theirs.updatedBy(), finding.updatedAt,
                    rows, item.path() + "/findings/" + code, fields));
        }
        if (finding == null) {
            finding = new StandardFinding();
            finding.item = item;
            finding.standard = standard;
        }
        finding.agrees = "yes".equals(typed.agrees());
        finding.panelRating = "no".equals(typed.agrees()) ? Rating.valueOf(typed.panelRating()) : null;
        finding.ratingReason = "no".equals(typed.agrees()) ? clean(typed.ratingReason()) : null;
        finding.strengths = clean(typed.strengths());
        finding.areasForDevelopment = clean(typed.areasForDevelopment());
        finding.privateNotes = clean(typed.privateNotes());
        finding.themes.removeIf(t -> t.active); // a retired theme is not offered any more, but stays where it was noted
        themes.stream().filter(t -> typed.themes().contains(t.id)).forEach(finding.themes::add);
        finding.updatedByName = currentUser.user().displayName;
        finding.persistAndFlush();
        return new ItemSaved(item.path() + "?saved=" + code + "#finding-" + code);
    }

    static FormErrors check(FindingValues typed) {
        FormErrors errors = FormErrors.none();
        String agrees = typed.agrees();
        if (agrees != null && !agrees.isBlank() && !agrees.equals("yes") && !agrees.equals("no")) {
            errors.add(typed.field("agrees"), "Select whether the panel agrees with the agency's ratings");
        }
        if ("no".equals(agrees)) {
            if (typed.panelRating() == null || typed.panelRating().isBlank()) {
                errors.add(typed.field("panelRating"), "Select the panel's rating for " + typed.code());
            } else if (RATINGS.stream().noneMatch(o -> o.value().equals(typed.panelRating()))) {
                errors.add(typed.field("panelRating"), "Select the panel's rating from the list");
            }
            if (typed.ratingReason() == null || typed.ratingReason().isBlank()) {
                errors.add(typed.field("ratingReason"), "Give the reason for the panel's rating of " + typed.code());
            }
        } else if (typed.panelRating() != null && !typed.panelRating().isBlank()) {
            errors.add(typed.field("agrees"), "Select \"Give the panel's own rating\" to give a panel rating");
        }
        for (String name : List.of("ratingReason", "strengths", "areasForDevelopment", "privateNotes")) {
            String value = switch (name) {
                case "ratingReason" -> typed.ratingReason();
                case "strengths" -> typed.strengths();
                case "areasForDevelopment" -> typed.areasForDevelopment();
                default -> typed.privateNotes();
            };
            if (value != null && value.length() > MAX_TEXT) {
                errors.add(typed.field(name), "Must be " + MAX_TEXT + " characters or fewer");
            }
        }
        return errors;
    }

    /**
     * Records the panel's outcome. Accepted (with or without required actions) moves the submission to moderated
     * through the lifecycle, which refuses unless it is submitted; a refusal changes nothing. Each required action
     * (standard, description, due date after today and by the cycle's end) joins the agency's action plan.
     * Returned for more information sends the moderator to the return form.
     */
    @Transactional
    public ItemSave recordOutcome(long panelId, long itemId, Function<String, String> form) {
        PanelDay panel = panel(panelId);
        AgendaItem item = item(panel, itemId, true);
        User moderator = currentUser.user();
        OutcomeValues typed = OutcomeValues.typed(form);
        Cycle cycle = item.assessment.cycle;
        FormErrors errors = FormErrors.none();
        Outcome outcome = null;
        try {
            outcome = typed.outcome() == null ? null : Outcome.valueOf(typed.outcome());
        } catch (IllegalArgumentException e) {
            // reported below
        }
        if (outcome == null) {
            errors.add("outcome", "Select the panel's outcome");
        }
        List<Standard> standards = cycle.tool.standards;
        List<ActionValues> given = typed.actions().stream().filter(a -> !a.blank()).toList();
        if (outcome == Outcome.ACCEPTED_WITH_ACTIONS) {
            if (given.isEmpty()) {
                errors.add("action1-description", "Give at least one required action with its standard and due date");
            }
            for (ActionValues a : given) {
                if (a.standard() == null || standards.stream().noneMatch(s -> s.code.equals(a.standard()))) {
                    errors.add(a.field("standard"), "Select the standard required action " + a.slot() + " is for");
                }
                if (a.description() == null || a.description().isBlank()) {
                    errors.add(a.field("description"), "Describe required action " + a.slot());
                } else if (a.description().length() > MAX_TEXT) {
                    errors.add(a.field("description"), "Required action " + a.slot() + " must be " + MAX_TEXT + " characters or fewer");
                }
                LocalDate due = a.due().toDate();
                if (a.due().isEmpty()) {
                    errors.add(a.field("due-day"), "Enter the due date of required action " + a.slot());
                } else if (due == null) {
                    errors.add(a.field("due-day"), "Due date of required action " + a.slot() + " must be a real date");
                } else if (!due.isAfter(clock.today())) {
                    errors.add(a.field("due-day"), "Due date of required action " + a.slot() + " must be in the future");
                } else if (due.isAfter(cycle.closes)) {
                    errors.add(a.field("due-day"), "Due date of required action " + a.slot()
                            + " must be on or before the end of the cycle, " + TemplateExtensions.format(cycle.closes));
                }
            }
        }
        if (errors.any()) {
            return new ItemRefused(400, itemPage(panel, item, Map.of(), "outcome", errors, typed, null));
        }
        String seen = typed.seen() == null || typed.seen().isBlank() ? null : typed.seen();
        if (!java.util.Objects.equals(seen, item.outcome == null ? null : item.outcome.name())) {
            List<ConflictRow> rows = List.of(new ConflictRow("Outcome", item.outcome == null ? "No outcome yet" : item.outcome.label,
                    outcome.label));
            List<HiddenField> fields = new ArrayList<>();
            fields.add(new HiddenField("outcome", typed.outcome()));
            for (ActionValues a : given) {
                fields.add(new HiddenField(a.field("standard"), a.standard() == null ? "" : a.standard()));
                fields.add(new HiddenField(a.field("description"), a.description() == null ? "" : a.description()));
                fields.add(new HiddenField(a.field("due-day"), nz(a.due().day())));
                fields.add(new HiddenField(a.field("due-month"), nz(a.due().month())));
                fields.add(new HiddenField(a.field("due-year"), nz(a.due().year())));
            }
            fields.add(new HiddenField("seen", item.outcome == null ? "" : item.outcome.name()));
            List<ConflictRow> all = new ArrayList<>(rows);
            given.forEach(a -> all.add(new ConflictRow("Required action " + a.slot(), "",
                    nz(a.standard()) + ": " + nz(a.description()))));
            return new ItemConflict(new Conflict(panel, item, "Someone else recorded an outcome for this submission",
                    item.outcomeByName == null ? "someone else" : item.outcomeByName,
                    item.outcomeAt == null ? item.updatedAt : item.outcomeAt, all, item.path() + "/outcome", fields));
        }
        Assessment assessment = item.assessment;
        String closed = AssessmentLifecycle.closedReason(assessment);
        if (closed != null) {
            return new ItemRefused(409, itemPage(panel, item, Map.of(), "outcome", errors, typed,
                    closed + " The outcome was not recorded."));
        }
        if (!item.awaitingOutcome() || assessment.state != AssessmentState.SUBMITTED) {
            return new ItemRefused(409, itemPage(panel, item, Map.of(), "outcome", errors, typed,
                    "Only a submitted self-assessment can be given an outcome. This one is "
                            + assessment.state.label.toLowerCase() + ", so nothing has been recorded."));
        }
        if (outcome == Outcome.RETURNED) {
            decide(item, Outcome.RETURNED, moderator);
            return new ItemSaved("/assessments/" + assessment.id + "/return");
        }
        // the lifecycle decides whether the move is allowed (state and scope); refused, it throws and nothing is kept
        lifecycle.move(assessment, AssessmentLifecycle.Move.MODERATE, AssessmentLifecycle.Actor.person(moderator),
                outcome.label + " at the " + panel.title().toLowerCase() + " on " + TemplateExtensions.format(panel.heldOn));
        decide(item, outcome, moderator);
        if (outcome == Outcome.ACCEPTED_WITH_ACTIONS) {
            for (ActionValues a : given) {
                Standard standard = standards.stream().filter(s -> s.code.equals(a.standard())).findFirst().orElseThrow();
                RequiredAction.record(item, standard, a.description(), clock.today(), a.due().toDate(), ActionStatus.NOT_STARTED,
                        clock.now());
            }
        }
        return new ItemSaved(item.path() + "?recorded=1");
    }

    private void decide(AgendaItem item, Outcome outcome, User moderator) {
        item.outcome = outcome;
        item.outcomeBy = moderator;
        item.outcomeByName = moderator.displayName;
        item.outcomeAt = clock.now();
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    private static Integer number(String text) {
        try {
            return text == null || text.isBlank() ? null : Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String clean(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String nz(String text) {
        return text == null ? "" : text;
    }

    private static String yesNo(String agrees) {
        return "yes".equals(agrees) ? "Agrees" : "no".equals(agrees) ? "Panel's own rating" : "Not decided";
    }

    // --- for the JSON API -------------------------------------------------------------------------------------------

    /** The panels in the caller's scope, soonest first, with their agenda counts. */
    @Transactional
    public List<PanelRow> panelRows() {
        PanelsPage page = panels();
        List<PanelRow> rows = new ArrayList<>(page.upcoming());
        List<PanelRow> past = new ArrayList<>(page.past());
        java.util.Collections.reverse(past);
        rows.addAll(0, past);
        rows.forEach(r -> r.panel().members.size());
        return rows;
    }

    /** A panel's agenda and everything recorded about each item (private notes excepted: they never leave the panel). */
    public record Record(PanelDay panel, List<AgendaItem> items, Map<Long, List<StandardFinding>> findings,
            Map<Long, List<RequiredAction>> requiredActions) {
    }

    @Transactional
    public Record record(long panelId) {
        PanelDay panel = panel(panelId);
        panel.members.size();
        List<AgendaItem> items = AgendaItem.agenda(panel);
        Map<Long, List<StandardFinding>> findings = items.isEmpty() ? Map.of()
                : StandardFinding.<StandardFinding>list("select distinct f from StandardFinding f join fetch f.standard s"
                        + " left join fetch f.themes where f.item in ?1 order by s.position", items).stream()
                        .collect(Collectors.groupingBy(f -> f.item.id, LinkedHashMap::new, Collectors.toList()));
        Map<Long, List<RequiredAction>> actions = items.isEmpty() ? Map.of()
                : RequiredAction.<RequiredAction>list("select r from RequiredAction r join fetch r.standard join fetch r.actionItem"
                        + " where r.item in ?1 order by r.id", items).stream()
                        .collect(Collectors.groupingBy(r -> r.item.id, LinkedHashMap::new, Collectors.toList()));
        return new Record(panel, items, findings, actions);
    }
}
