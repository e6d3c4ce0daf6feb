package org.s11portal.cycleadmin;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.s11portal.account.CurrentUser;
import org.s11portal.account.User;
import org.s11portal.agency.Agency;
import org.s11portal.agency.Partnership;
import org.s11portal.assessment.AssessmentLifecycle;
import org.s11portal.audit.AdminLog;
import org.s11portal.common.config.PortalClock;
import org.s11portal.common.template.TemplateExtensions;
import org.s11portal.common.web.FormErrors;
import org.s11portal.common.web.InputProblem;
import org.s11portal.common.web.Paging;
import org.s11portal.common.web.Violations;
import org.s11portal.cycle.Cycle;
import org.s11portal.cycle.CycleAgency;
import org.s11portal.cycle.ExtensionForm;
import org.s11portal.monitoring.Checkpoint;
import org.s11portal.monitoring.CheckpointReturn;
import org.s11portal.tool.Tool;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import jakarta.ws.rs.NotFoundException;

/**
 * Setting up and running audit cycles (HIPS-wide records): every partnership admin may read them; only the HIPS admin
 * (no partnership) may create, change, open, extend or close one, and anyone else gets 404 on those routes. A cycle is
 * a DRAFT while it is set up, OPEN (live on its dates) once opened, and CLOSED (read-only history) after.
 *
 * <p>Date rules: year 1 opens before the self-assessment is due; the staff survey opens on or after year 1 opens and
 * before it closes, and closes at most {@value #SURVEY_DAYS_AFTER_DUE} days after the self-assessment is due; planned
 * panel dates and the letters' target date come after the self-assessment is due, panels on or before the letters'
 * date; the year-2 progress update is due after year 1 is due; the cycle closes after the year-2 progress update is
 * due; year-2 checkpoints fall after year 1 is due and on or before the cycle closes. Only one open cycle may cover
 * any day of a year-1 window.
 */
@ApplicationScoped
public class CycleAdminService {

    public static final int PAGE_SIZE = 50;
    public static final int MAX_NAME = 100;
    public static final int SURVEY_DAYS_AFTER_DUE = 28;
    public static final int MAX_ACTION_PLAN_WEEKS = 26;
    static final String RECORD_TYPE = "Cycle";

    @Inject
    CurrentUser currentUser;

    @Inject
    PortalClock clock;

    @Inject
    AdminLog adminLog;

    @Inject
    Validator validator;

    @Inject
    CycleEmails cycleEmails;

    @Inject
    AssessmentLifecycle lifecycle;

    /** A change the cycle's status does not allow now (a closed cycle is read-only): 409 with the reason. */
    public static class NotNow extends RuntimeException {
        public final long cycleId;
        public final String cycleName;

        NotNow(Cycle cycle, String message) {
            super(message);
            this.cycleId = cycle.id;
            this.cycleName = cycle.name;
        }
    }

    // --- reading -----------------------------------------------------------------------------------------------------

    public record Row(Cycle cycle, long participants) {
    }

    public record ListPage(List<Row> rows, Paging paging, boolean canChange) {
    }

    /** Every cycle, newest first, 50 a page, each with its number of participants: three statements whatever the count. */
    @Transactional
    public ListPage list(int page) {
        Paging paging = Paging.of(Cycle.count(), page, PAGE_SIZE);
        List<Cycle> cycles = Cycle.<Cycle>find("select c from Cycle c join fetch c.tool order by c.year1Opens desc, c.id desc")
                .page(paging.index(), PAGE_SIZE).list();
        Map<Long, Long> counts = participantCounts(cycles);
        return new ListPage(cycles.stream().map(c -> new Row(c, counts.getOrDefault(c.id, 0L))).toList(), paging,
                isHipsAdmin());
    }

    private static Map<Long, Long> participantCounts(List<Cycle> cycles) {
        Map<Long, Long> counts = new HashMap<>();
        if (!cycles.isEmpty()) {
            Cycle.getEntityManager().createQuery("select p.cycle.id, count(p) from CycleAgency p where p.cycle in ?1"
                    + " group by p.cycle.id", Object[].class).setParameter(1, cycles).getResultList()
                    .forEach(r -> counts.put((Long) r[0], (Long) r[1]));
        }
        return counts;
    }

    /** Agencies under a heading: joint ones together, then each partnership's single-area ones. */
    public record AgencyGroup(String label, String id, List<Agency> agencies) {
    }

    public record CheckpointRow(Checkpoint checkpoint, boolean hasReturns) {
    }

    /**
     * The cycle's page: everything about it; the participants the reader may see (a partnership admin: those working
     * in their partnership) and how many take part in all; the checkpoints; the extensions for everyone.
     */
    public record CyclePage(Cycle cycle, long participantCount, List<AgencyGroup> participants, long notTakingPart,
            List<CheckpointRow> checkpoints, List<CycleExtension> extensions, boolean canChange) {

        /** The HIPS admin may change it, and it is not closed. */
        public boolean changeable() {
            return canChange && !cycle.isClosed();
        }

        /** Every dated field may be changed only while it is a draft. */
        public boolean editable() {
            return canChange && cycle.isDraft();
        }
    }

    @Transactional
    public CyclePage cyclePage(long id) {
        Cycle cycle = cycle(id);
        List<Agency> participants = participants(cycle);
        User reader = currentUser.user();
        List<Agency> visible = reader.partnership == null ? participants
                : participants.stream().filter(a -> a.worksIn(reader.partnership)).toList();
        long notTakingPart = isHipsAdmin() ? activeAgencies().size() - participants.stream().filter(a -> !a.isArchived()).count() : 0;
        List<Checkpoint> checkpoints = Checkpoint.forCycle(cycle);
        Set<Long> answered = checkpointsWithReturns(checkpoints);
        return new CyclePage(cycle, participants.size(), groups(visible), notTakingPart,
                checkpoints.stream().map(c -> new CheckpointRow(c, answered.contains(c.id))).toList(),
                CycleExtension.forCycle(cycle), isHipsAdmin());
    }

    private static Set<Long> checkpointsWithReturns(List<Checkpoint> checkpoints) {
        if (checkpoints.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(Checkpoint.getEntityManager().createQuery(
                "select distinct r.checkpoint.id from CheckpointReturn r where r.checkpoint in ?1", Long.class)
                .setParameter(1, checkpoints).getResultList());
    }

    // --- create and change (HIPS admin, while a draft) ------------------------------------------------------------------

    /** The form page: the typed values, the published tools, every active agency by group, the errors. */
    public record FormPage(Cycle cycle, CycleForm form, List<Tool> tools, List<AgencyGroup> agencies, FormErrors errors) {
        public String action() {
            return cycle == null ? "/admin/cycles/new" : "/admin/cycles/" + cycle.id + "/edit";
        }

        /** How many active agencies "every active agency" means. */
        public int agencyCount() {
            return agencies.stream().mapToInt(group -> group.agencies().size()).sum();
        }
    }

    public sealed interface Saved permits Done, Refused {
    }

    public record Done(long cycleId) implements Saved {
    }

    public record Refused(FormPage page) implements Saved {
    }

    /** A new cycle's form: every active agency ticked, the take-up target 40% and the action plan 6 weeks after the letter. */
    @Transactional
    public FormPage newForm() {
        requireHipsAdmin();
        CycleForm form = new CycleForm();
        form.takeupTargetPct = "40";
        form.actionPlanWeeks = String.valueOf(Cycle.DEFAULT_ACTION_PLAN_WEEKS);
        List<Agency> active = activeAgencies();
        form.which = CycleForm.ALL_AGENCIES;
        return new FormPage(null, form, publishedTools(), groups(active), FormErrors.none());
    }

    @Transactional
    public FormPage editForm(long id) {
        Cycle cycle = draft(id);
        List<Agency> active = activeAgencies();
        List<Long> taking = CycleAgency.agencyIds(cycle);
        CycleForm form = CycleForm.of(cycle, taking);
        if (taking.containsAll(active.stream().map(a -> a.id).toList())) {
            form.which = CycleForm.ALL_AGENCIES;
            form.participants = List.of();
        } else {
            form.which = CycleForm.CHOSEN_AGENCIES;
        }
        return new FormPage(cycle, form, publishedTools(), groups(active), FormErrors.none());
    }

    @Transactional
    public Saved create(CycleForm form) {
        requireHipsAdmin();
        return save(null, form);
    }

    @Transactional
    public Saved edit(long id, CycleForm form) {
        return save(draft(id), form);
    }

    private Saved save(Cycle existing, CycleForm form) {
        List<Agency> active = activeAgencies();
        CycleForm.Dates dates = form.dates();
        List<InputProblem> parts = Violations.problems(validator.validate(dates));
        List<InputProblem> problems = new ArrayList<>();
        String name = form.name == null ? "" : form.name.strip();
        Tool tool = tool(form.tool);
        Long target = number(form.takeupTargetPct);
        Long weeks = number(form.actionPlanWeeks);
        if (name.isEmpty()) {
            problems.add(new InputProblem("name", "Enter the cycle's name"));
        } else if (name.length() > MAX_NAME) {
            problems.add(new InputProblem("name", "The name must be " + MAX_NAME + " characters or fewer"));
        } else {
            Cycle same = Cycle.findByName(name);
            if (same != null && (existing == null || !same.id.equals(existing.id))) {
                problems.add(new InputProblem("name", "There is already a cycle called " + name + ": choose another name"));
            }
        }
        if (tool == null) {
            problems.add(new InputProblem("tool", "Choose the published tool version the cycle uses"));
        }
        problems.addAll(dateProblems(dates));
        if (existing != null) {
            problems.addAll(checkpointsOutside(existing, dates.year1Due().toDate(), dates.closes().toDate()));
        }
        if (target == null || target < 1 || target > 100) {
            problems.add(new InputProblem("takeupTargetPct", "Enter the take-up target as a whole number from 1 to 100"));
        }
        if (weeks == null || weeks < 1 || weeks > MAX_ACTION_PLAN_WEEKS) {
            problems.add(new InputProblem("actionPlanWeeks",
                    "Enter the weeks as a whole number from 1 to " + MAX_ACTION_PLAN_WEEKS));
        }
        List<Agency> chosen = form.allAgencies() ? active : chosen(form.participants, active);
        if (chosen == null) {
            problems.add(new InputProblem("participants", "Choose agencies from the list"));
        }
        FormErrors errors = Violations.page(CycleForm.class, parts, problems);
        if (errors.any()) {
            return new Refused(new FormPage(existing, form, publishedTools(), groups(active), errors));
        }
        Cycle cycle = existing != null ? existing : new Cycle();
        Map<String, Object> before = existing == null ? null : fields(existing);
        cycle.name = name;
        cycle.tool = tool;
        cycle.year1Opens = dates.year1Opens().toDate();
        cycle.year1Due = dates.year1Due().toDate();
        cycle.surveyOpens = dates.surveyOpens().toDate();
        cycle.surveyCloses = dates.surveyCloses().toDate();
        cycle.plannedPanelDates.clear();
        cycle.plannedPanelDates.addAll(dates.panelDates().stream().distinct().sorted().toList());
        cycle.lettersBy = dates.lettersBy().toDate();
        cycle.year2Due = dates.year2Due().toDate();
        cycle.closes = dates.closes().toDate();
        cycle.takeupTargetPct = target.intValue();
        cycle.actionPlanWeeks = weeks.intValue();
        if (existing == null) {
            cycle.status = Cycle.Status.DRAFT;
            cycle.persist();
            CycleAgency.add(cycle, chosen);
            adminLog.record("Created cycle", subject(cycle), null,
                    with(fields(cycle), "participants", chosen.size()));
        } else {
            Cycle.getEntityManager().flush();
            Map<String, Object> after = fields(cycle);
            if (!after.equals(before)) {
                adminLog.record("Changed cycle", subject(cycle), before, after);
            }
            setParticipants(cycle, chosen);
        }
        return new Done(cycle.id);
    }

    /** The rules between the dates (each date's own parts are checked by {@code @GovUkDate}). */
    private static List<InputProblem> dateProblems(CycleForm.Dates dates) {
        List<InputProblem> problems = new ArrayList<>();
        LocalDate opens = required(dates.year1Opens().toDate(), "year1Opens", "Enter the date year 1 opens", problems, dates.year1Opens().isEmpty());
        LocalDate due = required(dates.year1Due().toDate(), "year1Due", "Enter the date the self-assessment is due", problems, dates.year1Due().isEmpty());
        LocalDate surveyOpens = required(dates.surveyOpens().toDate(), "surveyOpens", "Enter the date the staff survey opens", problems, dates.surveyOpens().isEmpty());
        LocalDate surveyCloses = required(dates.surveyCloses().toDate(), "surveyCloses", "Enter the date the staff survey closes", problems, dates.surveyCloses().isEmpty());
        LocalDate lettersBy = required(dates.lettersBy().toDate(), "lettersBy", "Enter the date the feedback letters should be sent by", problems, dates.lettersBy().isEmpty());
        LocalDate year2Due = required(dates.year2Due().toDate(), "year2Due", "Enter the date the year 2 progress update is due", problems, dates.year2Due().isEmpty());
        LocalDate closes = required(dates.closes().toDate(), "closes", "Enter the date the cycle closes", problems, dates.closes().isEmpty());
        if (opens != null && due != null && !due.isAfter(opens)) {
            problems.add(new InputProblem("year1Due", "The self-assessment due date must be after the date year 1 opens"));
        }
        if (surveyOpens != null && opens != null && surveyOpens.isBefore(opens)) {
            problems.add(new InputProblem("surveyOpens", "The staff survey must open on or after the date year 1 opens"));
        }
        if (surveyOpens != null && surveyCloses != null && !surveyCloses.isAfter(surveyOpens)) {
            problems.add(new InputProblem("surveyCloses", "The staff survey must close after it opens"));
        } else if (surveyCloses != null && due != null && surveyCloses.isAfter(due.plusDays(SURVEY_DAYS_AFTER_DUE))) {
            problems.add(new InputProblem("surveyCloses", "The staff survey must close no later than "
                    + SURVEY_DAYS_AFTER_DUE + " days after the self-assessment is due"));
        }
        String[] panels = { "panel1", "panel2", "panel3", "panel4" };
        List<LocalDate> panelDates = List.of(dates.panel1(), dates.panel2(), dates.panel3(), dates.panel4()).stream()
                .map(p -> p.toDate()).toList();
        for (int i = 0; i < panels.length; i++) {
            LocalDate panel = panelDates.get(i);
            if (panel != null && due != null && !panel.isAfter(due)) {
                problems.add(new InputProblem(panels[i], "Planned panel date " + (i + 1) + " must be after the self-assessment is due"));
            } else if (panel != null && lettersBy != null && panel.isAfter(lettersBy)) {
                problems.add(new InputProblem(panels[i], "Planned panel date " + (i + 1) + " must be on or before the date letters are sent by"));
            }
        }
        if (lettersBy != null && due != null && !lettersBy.isAfter(due)) {
            problems.add(new InputProblem("lettersBy", "The date letters are sent by must be after the self-assessment is due"));
        }
        if (year2Due != null && due != null && !year2Due.isAfter(due)) {
            problems.add(new InputProblem("year2Due", "The year 2 progress update must be due after the self-assessment is due"));
        }
        if (closes != null && year2Due != null && !closes.isAfter(year2Due)) {
            problems.add(new InputProblem("closes", "The cycle must close after the year 2 progress update is due"));
        }
        return problems;
    }

    /** A change of dates must keep the cycle's year-2 checkpoints after the self-assessment is due and by the close. */
    private static List<InputProblem> checkpointsOutside(Cycle cycle, LocalDate due, LocalDate closes) {
        List<InputProblem> problems = new ArrayList<>();
        for (Checkpoint checkpoint : Checkpoint.forCycle(cycle)) {
            String named = "The year 2 checkpoint " + checkpoint.title + " (" + TemplateExtensions.format(checkpoint.dueOn) + ")";
            if (due != null && !checkpoint.dueOn.isAfter(due)) {
                problems.add(new InputProblem("year1Due", named + " must stay after the self-assessment is due: change it first"));
            } else if (closes != null && checkpoint.dueOn.isAfter(closes)) {
                problems.add(new InputProblem("closes", named + " must stay on or before the cycle closes: change it first"));
            }
        }
        return problems;
    }

    private static LocalDate required(LocalDate date, String field, String message, List<InputProblem> problems, boolean empty) {
        if (empty) {
            problems.add(new InputProblem(field, message));
        }
        return date;
    }

    /** The agencies whose ids were ticked, or null when one of them is not among those offered. */
    private static List<Agency> chosen(List<String> ids, List<Agency> offered) {
        Map<Long, Agency> byId = offered.stream().collect(Collectors.toMap(a -> a.id, a -> a));
        List<Agency> chosen = new ArrayList<>();
        for (String value : ids == null ? List.<String>of() : ids) {
            Long id = number(value);
            Agency agency = id == null ? null : byId.get(id);
            if (agency == null) {
                return null;
            }
            chosen.add(agency);
        }
        return chosen;
    }

    private void setParticipants(Cycle cycle, List<Agency> chosen) {
        List<Long> before = CycleAgency.agencyIds(cycle);
        Set<Long> wanted = chosen.stream().map(a -> a.id).collect(Collectors.toSet());
        List<Long> removed = before.stream().filter(id -> !wanted.contains(id)).toList();
        List<Agency> added = chosen.stream().filter(a -> !before.contains(a.id)).toList();
        if (removed.isEmpty() && added.isEmpty()) {
            return;
        }
        if (!removed.isEmpty()) {
            CycleAgency.delete("cycle = ?1 and agency.id in ?2", cycle, removed);
        }
        CycleAgency.add(cycle, added);
        adminLog.record("Changed cycle participants", subject(cycle),
                AdminLog.fields("participants", before.size(), "removed", names(removed)),
                AdminLog.fields("participants", wanted.size(), "added", added.stream().map(a -> a.name).sorted().toList()));
    }

    private static List<String> names(Collection<Long> agencyIds) {
        if (agencyIds.isEmpty()) {
            return List.of();
        }
        return Agency.getEntityManager().createQuery("select a.name from Agency a where a.id in ?1 order by a.name", String.class)
                .setParameter(1, agencyIds).getResultList();
    }

    // --- participants added later -------------------------------------------------------------------------------------

    /** The agencies that could be added; {@code chose} says which were ticked (none at first). */
    public record ParticipantsPage(Cycle cycle, List<AgencyGroup> notTakingPart, FormErrors errors) {
        public boolean chose(long agencyId) {
            return false;
        }
    }

    /** The active agencies not taking part yet, to add to a draft or open cycle. */
    @Transactional
    public ParticipantsPage participantsForm(long id) {
        Cycle cycle = changeable(id);
        return new ParticipantsPage(cycle, groups(notTakingPart(cycle)), FormErrors.none());
    }

    public record Added(int count, ParticipantsPage refused) {
    }

    @Transactional
    public Added addParticipants(long id, List<String> agencyIds) {
        Cycle cycle = changeable(id);
        List<Agency> candidates = notTakingPart(cycle);
        List<Agency> chosen = chosen(agencyIds, candidates);
        if (chosen == null || chosen.isEmpty()) {
            return new Added(0, new ParticipantsPage(cycle, groups(candidates),
                    FormErrors.none().add("participants", "Choose at least one agency to add")));
        }
        long before = CycleAgency.count("cycle", cycle);
        CycleAgency.add(cycle, chosen);
        adminLog.record("Changed cycle participants", subject(cycle),
                AdminLog.fields("participants", before, "removed", List.of()),
                AdminLog.fields("participants", before + chosen.size(), "added", chosen.stream().map(a -> a.name).sorted().toList()));
        return new Added(chosen.size(), null);
    }

    private List<Agency> notTakingPart(Cycle cycle) {
        Set<Long> taking = new HashSet<>(CycleAgency.agencyIds(cycle));
        return activeAgencies().stream().filter(a -> !taking.contains(a.id)).toList();
    }

    // --- checking and opening ----------------------------------------------------------------------------------------

    /** "Check your answers" before opening: the cycle, how many agencies take part, and why it cannot open, if so. */
    public record CheckPage(Cycle cycle, long participants, String problem) {
    }

    @Transactional
    public CheckPage checkPage(long id) {
        Cycle cycle = draft(id);
        long participants = CycleAgency.count("cycle", cycle);
        return new CheckPage(cycle, participants, openProblem(cycle, participants));
    }

    /** Opens the draft (DRAFT to OPEN), or answers the check page with the reason it cannot open. */
    @Transactional
    public CheckPage open(long id) {
        Cycle cycle = draft(id);
        long participants = CycleAgency.count("cycle", cycle);
        String problem = openProblem(cycle, participants);
        if (problem != null) {
            return new CheckPage(cycle, participants, problem);
        }
        cycle.status = Cycle.Status.OPEN;
        adminLog.record("Opened cycle", subject(cycle), AdminLog.fields("status", Cycle.Status.DRAFT.name()),
                AdminLog.fields("status", Cycle.Status.OPEN.name(), "participants", participants));
        cycleEmails.opened(cycle);
        return null;
    }

    /** Why the cycle cannot open, or null: no agency takes part, or another open cycle's year 1 overlaps this one's. */
    private static String openProblem(Cycle cycle, long participants) {
        if (participants == 0) {
            return "No agency takes part in this cycle yet: add at least one before opening it";
        }
        Cycle overlapping = Cycle.find("status = ?1 and id <> ?2 and year1Opens <= ?3 and year1Due >= ?4 order by year1Opens",
                Cycle.Status.OPEN, cycle.id, cycle.year1Due, cycle.year1Opens).firstResult();
        if (overlapping != null) {
            return "The open cycle " + overlapping.name + " runs year 1 from " + TemplateExtensions.format(overlapping.year1Opens)
                    + " to " + TemplateExtensions.format(overlapping.year1Due) + ", which overlaps this cycle's year 1."
                    + " Only one cycle can be live in a year-1 window: close " + overlapping.name
                    + " or change this cycle's dates first";
        }
        return null;
    }

    // --- extending for everyone ---------------------------------------------------------------------------------------

    public record ExtendPage(Cycle cycle, ExtensionForm form, FormErrors errors) {
    }

    @Transactional
    public ExtendPage extendForm(long id) {
        return new ExtendPage(open(id, "Only an open cycle's due date can be extended"), new ExtensionForm(), FormErrors.none());
    }

    /**
     * Moves the cycle's year-1 due date later for every agency and records why: leads see the new date at once. An
     * agency's own extension still counts while it is later than the new date; one that ends earlier is moot. Answers
     * null, or the page with the problems.
     */
    @Transactional
    public ExtendPage extend(long id, ExtensionForm form) {
        Cycle cycle = open(id, "Only an open cycle's due date can be extended");
        ExtensionForm.Parts parts = form.parts();
        List<InputProblem> partProblems = Violations.problems(validator.validate(parts));
        List<InputProblem> problems = new ArrayList<>();
        LocalDate newDue = parts.newDue().toDate();
        if (parts.newDue().isEmpty()) {
            problems.add(new InputProblem("newDue", "Enter the new due date"));
        } else if (newDue != null && !newDue.isAfter(cycle.year1Due)) {
            problems.add(new InputProblem("newDue", "The new due date must be after the current due date, "
                    + TemplateExtensions.format(cycle.year1Due)));
        } else if (newDue != null) {
            String later = firstDateNotAfter(cycle, newDue);
            if (later != null) {
                problems.add(new InputProblem("newDue", "The new due date must be before " + later));
            }
        }
        String reason = form.reason == null ? "" : form.reason.strip();
        if (reason.isEmpty()) {
            problems.add(new InputProblem("reason", "Enter the reason for extending the due date"));
        } else if (reason.length() > ExtensionForm.MAX_REASON) {
            problems.add(new InputProblem("reason", "The reason must be " + ExtensionForm.MAX_REASON + " characters or fewer"));
        }
        FormErrors errors = Violations.page(ExtensionForm.class, partProblems, problems);
        if (errors.any()) {
            return new ExtendPage(cycle, form, errors);
        }
        CycleExtension extension = new CycleExtension();
        extension.cycle = cycle;
        extension.previousDue = cycle.year1Due;
        extension.newDue = newDue;
        extension.reason = reason;
        extension.grantedBy = currentUser.user();
        extension.grantedAt = clock.now();
        extension.persist();
        cycle.year1Due = newDue;
        adminLog.record("Extended cycle for everyone", subject(cycle), AdminLog.fields("year1Due", extension.previousDue),
                AdminLog.fields("year1Due", newDue, "reason", reason));
        cycleEmails.extended(cycle, newDue, reason);
        return null;
    }

    /** The first later date of the cycle the new due date would reach ("the first planned panel date, 3 March 2027"). */
    private static String firstDateNotAfter(Cycle cycle, LocalDate newDue) {
        Map<String, LocalDate> later = new LinkedHashMap<>();
        cycle.plannedPanelDates.stream().min(Comparator.naturalOrder()).ifPresent(d -> later.put("the first planned panel date", d));
        if (cycle.lettersBy != null) {
            later.put("the date letters are sent by", cycle.lettersBy);
        }
        Checkpoint.forCycle(cycle).stream().findFirst().ifPresent(c -> later.put("the first year-2 checkpoint", c.dueOn));
        later.put("the year 2 progress update is due", cycle.year2Due);
        return later.entrySet().stream().filter(e -> !newDue.isBefore(e.getValue())).findFirst()
                .map(e -> e.getKey() + ", " + TemplateExtensions.format(e.getValue())).orElse(null);
    }

    // --- closing -------------------------------------------------------------------------------------------------------

    @Transactional
    public Cycle closeForm(long id) {
        return open(id, "Only an open cycle can be closed");
    }

    /**
     * OPEN to CLOSED: the cycle is no longer live anywhere, its pages here are read-only, and each of its assessments
     * is closed with it ({@link AssessmentLifecycle#closeWithCycle}), so that nothing of it can be changed by leads or
     * moderators any more; everything stays readable.
     */
    @Transactional
    public void close(long id) {
        Cycle cycle = open(id, "Only an open cycle can be closed");
        cycle.status = Cycle.Status.CLOSED;
        cycle.closedOn = clock.today();
        int closed = lifecycle.closeWithCycle(cycle);
        adminLog.record("Closed cycle", subject(cycle), AdminLog.fields("status", Cycle.Status.OPEN.name()),
                AdminLog.fields("status", Cycle.Status.CLOSED.name(), "closedOn", cycle.closedOn.toString(),
                        "assessmentsClosed", String.valueOf(closed)));
    }

    // --- year-2 checkpoints --------------------------------------------------------------------------------------------

    public record CheckpointPage(Cycle cycle, Checkpoint checkpoint, CheckpointForm form, FormErrors errors) {
        public String action() {
            return "/admin/cycles/" + cycle.id + "/checkpoints/" + (checkpoint == null ? "new" : checkpoint.id);
        }
    }

    @Transactional
    public CheckpointPage checkpointForm(long id, Long checkpointId) {
        Cycle cycle = changeable(id);
        if (checkpointId == null) {
            return new CheckpointPage(cycle, null, new CheckpointForm(), FormErrors.none());
        }
        Checkpoint checkpoint = unanswered(cycle, checkpointId);
        return new CheckpointPage(cycle, checkpoint, CheckpointForm.of(checkpoint), FormErrors.none());
    }

    /** Adds ({@code checkpointId} null) or changes a checkpoint; answers null, or the page with the problems. */
    @Transactional
    public CheckpointPage saveCheckpoint(long id, Long checkpointId, CheckpointForm form) {
        Cycle cycle = changeable(id);
        Checkpoint checkpoint = checkpointId == null ? null : unanswered(cycle, checkpointId);
        CheckpointForm.Parts parts = form.parts();
        List<InputProblem> partProblems = Violations.problems(validator.validate(parts));
        List<InputProblem> problems = new ArrayList<>();
        String title = form.title == null ? "" : form.title.strip();
        if (title.isEmpty()) {
            problems.add(new InputProblem("title", "Enter the checkpoint's title"));
        } else if (title.length() > CheckpointForm.MAX_TITLE) {
            problems.add(new InputProblem("title", "The title must be " + CheckpointForm.MAX_TITLE + " characters or fewer"));
        }
        LocalDate dueOn = parts.dueOn().toDate();
        if (parts.dueOn().isEmpty()) {
            problems.add(new InputProblem("dueOn", "Enter the checkpoint's due date"));
        } else if (dueOn != null && (!dueOn.isAfter(cycle.year1Due) || dueOn.isAfter(cycle.closes))) {
            problems.add(new InputProblem("dueOn", "The checkpoint must be due after the self-assessment is due ("
                    + TemplateExtensions.format(cycle.year1Due) + ") and on or before the cycle closes ("
                    + TemplateExtensions.format(cycle.closes) + ")"));
        }
        FormErrors errors = Violations.page(CheckpointForm.class, partProblems, problems);
        if (errors.any()) {
            return new CheckpointPage(cycle, checkpoint, form, errors);
        }
        if (checkpoint == null) {
            Checkpoint added = Checkpoint.add(cycle, title, dueOn);
            adminLog.record("Added year-2 checkpoint", subject(cycle), null, checkpointFields(added));
        } else {
            Map<String, Object> before = checkpointFields(checkpoint);
            checkpoint.title = title;
            checkpoint.dueOn = dueOn;
            adminLog.record("Changed year-2 checkpoint", subject(cycle), before, checkpointFields(checkpoint));
        }
        return null;
    }

    @Transactional
    public void deleteCheckpoint(long id, long checkpointId) {
        Cycle cycle = changeable(id);
        Checkpoint checkpoint = unanswered(cycle, checkpointId);
        Map<String, Object> before = checkpointFields(checkpoint);
        checkpoint.delete();
        adminLog.record("Deleted year-2 checkpoint", subject(cycle), before, null);
    }

    /** The cycle's checkpoint, while no agency has sent a return to it (404 otherwise, 409 once answered). */
    private static Checkpoint unanswered(Cycle cycle, long checkpointId) {
        Checkpoint checkpoint = Checkpoint.findById(checkpointId);
        if (checkpoint == null || !checkpoint.cycle.id.equals(cycle.id)) {
            throw new NotFoundException();
        }
        if (CheckpointReturn.count("checkpoint", checkpoint) > 0) {
            throw new NotNow(cycle, "An agency has already sent its return to this checkpoint, so it can no longer be changed or deleted");
        }
        return checkpoint;
    }

    private static Map<String, Object> checkpointFields(Checkpoint checkpoint) {
        return AdminLog.fields("checkpoint", checkpoint.title, "dueOn", checkpoint.dueOn);
    }

    // --- shared --------------------------------------------------------------------------------------------------------

    private boolean isHipsAdmin() {
        return currentUser.user().partnership == null;
    }

    /** Only the HIPS admin changes cycles; a partnership admin gets 404, as for anything outside their scope. */
    private void requireHipsAdmin() {
        if (!isHipsAdmin()) {
            throw new NotFoundException();
        }
    }

    /** The cycle with its tool and planned panel dates (what its pages show), or 404. */
    private static Cycle cycle(long id) {
        Cycle cycle = Cycle.find("select c from Cycle c join fetch c.tool where c.id = ?1", id).firstResult();
        if (cycle == null) {
            throw new NotFoundException();
        }
        cycle.plannedPanelDates.size();
        return cycle;
    }

    /** A cycle the HIPS admin may change: not closed (409 when it is). */
    private Cycle changeable(long id) {
        requireHipsAdmin();
        Cycle cycle = cycle(id);
        if (cycle.isClosed()) {
            throw new NotNow(cycle, "This cycle is closed, so it can no longer be changed");
        }
        return cycle;
    }

    private Cycle draft(long id) {
        Cycle cycle = changeable(id);
        if (!cycle.isDraft()) {
            throw new NotNow(cycle, "This cycle is open, so its details can no longer be changed. To give every agency more"
                    + " time, extend the due date for everyone");
        }
        return cycle;
    }

    private Cycle open(long id, String message) {
        Cycle cycle = changeable(id);
        if (!cycle.isOpen()) {
            throw new NotNow(cycle, message);
        }
        return cycle;
    }

    private static AdminLog.Subject subject(Cycle cycle) {
        return AdminLog.Subject.hipsWide(RECORD_TYPE, cycle.id, cycle.name);
    }

    private static Map<String, Object> fields(Cycle cycle) {
        return AdminLog.fields("name", cycle.name, "tool", cycle.tool.version, "status", cycle.status.name(),
                "year1Opens", cycle.year1Opens, "year1Due", cycle.year1Due, "surveyOpens", cycle.surveyOpens,
                "surveyCloses", cycle.surveyCloses, "plannedPanelDates", List.copyOf(cycle.plannedPanelDates),
                "lettersBy", cycle.lettersBy, "year2Due", cycle.year2Due, "closes", cycle.closes,
                "takeupTargetPct", cycle.takeupTargetPct, "actionPlanWeeks", cycle.actionPlanWeeks);
    }

    private static Map<String, Object> with(Map<String, Object> fields, String key, Object value) {
        fields.put(key, value);
        return fields;
    }

    private static List<Tool> publishedTools() {
        return Tool.list("status = ?1 order by createdAt desc, id desc", Tool.Status.PUBLISHED);
    }

    private static Tool tool(String id) {
        Long toolId = number(id);
        Tool tool = toolId == null ? null : Tool.findById(toolId);
        return tool != null && tool.status == Tool.Status.PUBLISHED ? tool : null;
    }

    /** Every agency not archived, with its areas, by name (one statement). */
    private static List<Agency> activeAgencies() {
        return Agency.list("select distinct a from Agency a left join fetch a.areas where a.archivedAt is null order by a.name");
    }

    /** The cycle's participants, with their areas, by name (one statement). */
    private static List<Agency> participants(Cycle cycle) {
        return Agency.list("select distinct a from CycleAgency p join p.agency a left join fetch a.areas where p.cycle = ?1"
                + " order by a.name", cycle);
    }

    /** Joint agencies first, then each partnership's single-area agencies; empty groups left out. */
    static List<AgencyGroup> groups(List<Agency> agencies) {
        List<AgencyGroup> groups = new ArrayList<>();
        List<Agency> joint = agencies.stream().filter(Agency::isJoint).toList();
        if (!joint.isEmpty()) {
            groups.add(new AgencyGroup("Joint (HIPS) agencies", "joint", joint));
        }
        for (Partnership partnership : Partnership.listInOrder()) {
            List<Agency> local = agencies.stream().filter(a -> !a.isJoint() && a.worksIn(partnership)).toList();
            if (!local.isEmpty()) {
                groups.add(new AgencyGroup(partnership.areaName() + " only", partnership.code.name().toLowerCase(java.util.Locale.ROOT), local));
            }
        }
        List<Agency> none = agencies.stream().filter(a -> a.areas.isEmpty()).toList();
        if (!none.isEmpty()) {
            groups.add(new AgencyGroup("Agencies in no area", "none", none));
        }
        return groups;
    }

    /** A whole number as typed (an id, a percentage), or null when it is not one. */
    private static Long number(String text) {
        if (text == null || !text.strip().matches("\\d{1,12}")) {
            return null;
        }
        return Long.valueOf(text.strip());
    }
}
