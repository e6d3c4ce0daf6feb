package org.s11portal.monitoring;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jboss.logging.Logger;
import org.s11portal.account.AccessScope;
import org.s11portal.account.CurrentUser;
import org.s11portal.account.Roles;
import org.s11portal.account.User;
import org.s11portal.agency.Agency;
import org.s11portal.agency.Area;
import org.s11portal.assessment.ActionItem;
import org.s11portal.assessment.ActionStatus;
import org.s11portal.assessment.Assessment;
import org.s11portal.assessment.AssessmentLifecycle;
import org.s11portal.assessment.AssessmentLifecycle.Actor;
import org.s11portal.assessment.AssessmentLifecycle.Move;
import org.s11portal.assessment.AssessmentScope;
import org.s11portal.assessment.AssessmentState;
import org.s11portal.letter.ActionPlanDue;
import org.s11portal.assessment.EvidenceChecks;
import org.s11portal.assessment.EvidenceFileName;
import org.s11portal.common.config.PortalClock;
import org.s11portal.common.web.FormErrors;
import org.s11portal.cycle.Cycle;
import org.s11portal.cycle.CycleAgency;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotFoundException;

/**
 * Year 2: the agency lead agrees the action plan, posts progress updates and checkpoint returns; moderators in scope
 * follow every agency of a cycle, ask for more, record the year-2 conclusion and close the cycle for the agency.
 * Scope as everywhere: an assessment outside the caller's scope, or not in year 2, is 404.
 */
@ApplicationScoped
public class MonitoringService {

    private static final Logger LOG = Logger.getLogger(MonitoringService.class);

    public static final int MAX_TEXT = 5_000;
    /** The states an assessment is in year 2: the letter issued (plan to agree), monitored, closed. */
    public static final Set<AssessmentState> YEAR_TWO = EnumSet.of(AssessmentState.FEEDBACK_ISSUED,
            AssessmentState.MONITORING, AssessmentState.CLOSED);

    @Inject
    AssessmentScope assessmentScope;

    @Inject
    AccessScope accessScope;

    @Inject
    CurrentUser currentUser;

    @Inject
    AssessmentLifecycle lifecycle;

    @Inject
    PortalClock clock;

    @Inject
    EvidenceChecks checks;

    /** A change refused because the assessment is not in the state it needs (e.g. posting to a closed cycle). 409. */
    public static class NotNow extends ClientErrorException {
        public final String reason;

        NotNow(String reason) {
            super(reason, 409);
            this.reason = reason;
        }
    }

    // ---------------------------------------------------------------- the plan in year 2 (both sides read it)

    /** One action with its RAG, overdue flag and its updates, newest first. */
    public record ActionRow(ActionItem action, ActionRag.Rag rag, boolean overdue, List<ProgressUpdate> updates) {
        public ProgressUpdate latest() {
            return updates.isEmpty() ? null : updates.get(0);
        }
    }

    /** A checkpoint with this agency's return (or null) and how it was answered. */
    public record CheckpointRow(Checkpoint checkpoint, CheckpointReturn sent, CheckpointAnswer answer) {
    }

    /** Everything about one assessment in year 2: its actions (overdue first, then by due date), checkpoints, requests. */
    public record YearTwo(Assessment assessment, YearTwoRecord record, List<ActionRow> actions, List<CheckpointRow> checkpoints,
            List<InformationRequest> requests, LocalDate today, Map<Long, List<ProgressUpdateFile>> files, LocalDate agreeBy) {

        /** The files posted with this update, in the order they were attached. */
        public List<ProgressUpdateFile> filesOf(ProgressUpdate update) {
            return files.getOrDefault(update.id, List.of());
        }

        public boolean monitoring() {
            return assessment.state == AssessmentState.MONITORING;
        }

        public boolean awaitingAgreement() {
            return assessment.state == AssessmentState.FEEDBACK_ISSUED;
        }

        public boolean closed() {
            return assessment.state == AssessmentState.CLOSED;
        }

        public boolean hasConclusion() {
            return record != null && record.conclusion != null;
        }

        public List<InformationRequest> openRequests() {
            return requests.stream().filter(InformationRequest::isOpen).toList();
        }

        public long overdueCount() {
            return actions.stream().filter(ActionRow::overdue).count();
        }

        public ActionRow row(long actionId) {
            return actions.stream().filter(r -> r.action().id == actionId).findFirst().orElseThrow(NotFoundException::new);
        }

        public String path() {
            return "/assessments/" + assessment.id + "/year-2";
        }

        public String moderatorPath() {
            return "/monitoring/assessments/" + assessment.id;
        }
    }

    /** The assessment as the caller may see it, in year 2; everything else 404. */
    private Assessment yearTwo(long assessmentId) {
        Assessment assessment = assessmentScope.assessment(assessmentId);
        if (!YEAR_TWO.contains(assessment.state)) {
            throw new NotFoundException();
        }
        return assessment;
    }

    /** The agency's own lead only (others who may see it get 404 here: these are the lead's pages). */
    private Assessment leadsOwn(long assessmentId) {
        Assessment assessment = yearTwo(assessmentId);
        if (!Roles.AGENCY_LEAD.equals(currentUser.user().role)) {
            throw new NotFoundException();
        }
        return assessment;
    }

    /** A moderator whose scope includes the agency; leads and admins get 404 here. */
    private Assessment moderated(long assessmentId) {
        Assessment assessment = yearTwo(assessmentId);
        if (!Roles.MODERATOR.equals(currentUser.user().role)) {
            throw new NotFoundException();
        }
        return assessment;
    }

    @Transactional
    public YearTwo leadView(long assessmentId) {
        return load(leadsOwn(assessmentId));
    }

    /** The agency's own lead or a moderator in scope (the API); anyone else 404. */
    @Transactional
    public YearTwo view(long assessmentId) {
        return load(leadOrModerator(assessmentId));
    }

    private Assessment leadOrModerator(long assessmentId) {
        String role = currentUser.user().role;
        if (!Roles.AGENCY_LEAD.equals(role) && !Roles.MODERATOR.equals(role)) {
            throw new NotFoundException();
        }
        return yearTwo(assessmentId);
    }

    @Transactional
    public YearTwo moderatorView(long assessmentId) {
        return load(moderated(assessmentId));
    }

    private YearTwo load(Assessment assessment) {
        LocalDate today = clock.today();
        List<ActionItem> actions = actionsOf(List.of(assessment));
        Map<Long, List<ProgressUpdate>> updates = ProgressUpdate.forActions(actions).stream()
                .collect(Collectors.groupingBy(u -> u.action.id, LinkedHashMap::new, Collectors.toList()));
        List<ActionRow> rows = actions.stream()
                .map(a -> new ActionRow(a, ActionRag.rag(a, today), ActionRag.overdue(a, today), updates.getOrDefault(a.id, List.of())))
                .sorted(OVERDUE_FIRST).toList();
        Map<Long, CheckpointReturn> sent = CheckpointReturn.forAssessments(List.of(assessment)).stream()
                .collect(Collectors.toMap(r -> r.checkpoint.id, Function.identity()));
        List<CheckpointRow> checkpoints = Checkpoint.forCycle(assessment.cycle).stream()
                .map(c -> new CheckpointRow(c, sent.get(c.id), CheckpointAnswer.of(c, sent.get(c.id), today, clock.clock().getZone())))
                .toList();
        Map<Long, List<ProgressUpdateFile>> files = updates.isEmpty() ? Map.of()
                : ProgressUpdateFile.forAssessment(assessment).stream().collect(Collectors.groupingBy(f -> f.update.id));
        // only while the plan waits to be agreed: the date it is due by (the reminders chase the same date)
        LocalDate agreeBy = assessment.state == AssessmentState.FEEDBACK_ISSUED
                ? ActionPlanDue.of(assessment, clock.clock().getZone()) : null;
        return new YearTwo(assessment, YearTwoRecord.of(assessment), rows, checkpoints,
                InformationRequest.forAssessment(assessment), today, files, agreeBy);
    }

    /** Overdue first, then by due date (none last), then as planned. */
    static final Comparator<ActionRow> OVERDUE_FIRST = Comparator.comparing((ActionRow r) -> !r.overdue())
            .thenComparing(r -> r.action().targetDate, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(r -> r.action().id);

    // ---------------------------------------------------------------- the lead

    /** The lead confirms the agreed action plan: year 2 starts (START_MONITORING) and when is recorded. */
    @Transactional
    public void agreePlan(long assessmentId) {
        Assessment assessment = leadsOwn(assessmentId);
        if (assessment.state != AssessmentState.FEEDBACK_ISSUED) {
            throw new NotNow("The action plan has already been agreed.");
        }
        User lead = currentUser.user();
        lifecycle.move(assessment, Move.START_MONITORING, Actor.person(lead), "Agreed action plan confirmed");
        YearTwoRecord record = YearTwoRecord.getOrCreate(assessment);
        record.planAgreedAt = clock.now();
        record.planAgreedByName = lead.displayName;
    }

    /** What the progress update form sends. */
    public record UpdateInput(String status, String done, String childrenChange, String evidence, String reason) {
    }

    /** A file chosen on the progress update form: the name the browser sent and where the upload was saved. */
    public record Attachment(String sentName, java.nio.file.Path path) {
    }

    /** The outcome of posting an update: the errors (and the page to show them on), or the update posted. */
    public record Posted(YearTwo view, ActionRow row, FormErrors errors, ProgressUpdate update) {
    }

    /**
     * Posts a progress update: the status it sets, what was done; complete needs evidence of impact (what changed for
     * children and the evidence), no longer needed a reason. Only while the plan is monitored. The action takes the
     * status, and the agency's open requests for more information count as answered. Files may come with it, each
     * checked as answers' evidence is ({@link EvidenceChecks}); one refused and nothing is posted.
     */
    @Transactional
    public Posted postUpdate(long assessmentId, long actionId, UpdateInput input, List<Attachment> attachments) {
        Assessment assessment = leadsOwn(assessmentId);
        YearTwo view = load(assessment);
        ActionRow row = view.row(actionId);
        if (!view.monitoring()) {
            throw new NotNow(notMonitored(assessment));
        }
        FormErrors errors = FormErrors.none();
        ActionStatus status = null;
        try {
            status = input.status() == null || input.status().isBlank() ? null : ActionStatus.valueOf(input.status());
        } catch (IllegalArgumentException e) {
            status = null;
        }
        if (status == null) {
            errors.add("status", "Select the action's status now");
        }
        String done = clean(input.done());
        String children = clean(input.childrenChange());
        String evidence = clean(input.evidence());
        String reason = clean(input.reason());
        if (done == null) {
            errors.add("done", "Say what was done since the last update");
        }
        if (status == ActionStatus.COMPLETE && children == null) {
            errors.add("childrenChange", "Say what changed for children: complete needs evidence of impact");
        }
        if (status == ActionStatus.COMPLETE && evidence == null) {
            errors.add("evidence", "Give the evidence that shows the impact: complete needs evidence of impact");
        }
        if (status == ActionStatus.NO_LONGER_NEEDED && reason == null) {
            errors.add("reason", "Say why the action is no longer needed");
        }
        tooLong(errors, "done", done);
        tooLong(errors, "childrenChange", children);
        tooLong(errors, "evidence", evidence);
        tooLong(errors, "reason", reason);
        List<EvidenceChecks.Accepted> files = new ArrayList<>();
        for (Attachment attachment : attachments) {
            EvidenceChecks.Checked checked = checks.check(attachment.sentName(), attachment.path());
            if (checked instanceof EvidenceChecks.Accepted accepted) {
                files.add(accepted);
            } else {
                errors.add("files", "The file " + EvidenceFileName.cleaned(attachment.sentName()).name() + " "
                        + ((EvidenceChecks.Refused) checked).problem());
            }
        }
        if (errors.any()) {
            return new Posted(view, row, errors, null);
        }
        User lead = currentUser.user();
        ProgressUpdate update = new ProgressUpdate();
        update.action = row.action();
        update.postedAt = clock.now();
        update.author = lead;
        update.authorName = lead.displayName;
        update.done = done;
        update.childrenChange = children;
        update.evidence = evidence;
        update.reason = status == ActionStatus.NO_LONGER_NEEDED ? reason : null;
        update.status = status;
        update.persist();
        for (EvidenceChecks.Accepted accepted : files) {
            ProgressUpdateFile file = new ProgressUpdateFile();
            file.update = update;
            file.store(accepted, lead, update.postedAt);
            file.persist();
            LOG.infof("progress-file-uploaded assessment-id=%d file-id=%d bytes=%d type=%s", assessmentId, file.id,
                    file.sizeBytes, file.contentType);
        }
        row.action().status = status;
        answerRequests(assessment, lead, update.postedAt);
        return new Posted(view, row, errors, update);
    }

    /**
     * A file posted with one of the assessment's progress updates, for its own lead or a moderator in scope (as the
     * year-2 pages); 404 for anyone else and for a file of another assessment.
     */
    @Transactional
    public ProgressUpdateFile download(long assessmentId, long fileId) {
        Assessment assessment = leadOrModerator(assessmentId);
        ProgressUpdateFile file = ProgressUpdateFile.withAction(fileId);
        if (file == null || !file.update.action.assessment.id.equals(assessment.id)) {
            throw new NotFoundException();
        }
        Objects.requireNonNull(file.content);
        LOG.infof("progress-file-downloaded assessment-id=%d file-id=%d user-id=%d", assessmentId, fileId, currentUser.user().id);
        return file;
    }

    /** Outcome of sending a checkpoint return: errors, or sent. */
    public record Returned(YearTwo view, CheckpointRow checkpoint, FormErrors errors, boolean sent) {
    }

    /** Sends the agency's return to a checkpoint (once), while the plan is monitored. */
    @Transactional
    public Returned sendReturn(long assessmentId, long checkpointId, String summary) {
        Assessment assessment = leadsOwn(assessmentId);
        YearTwo view = load(assessment);
        CheckpointRow checkpoint = view.checkpoints().stream().filter(c -> c.checkpoint().id == checkpointId).findFirst()
                .orElseThrow(NotFoundException::new);
        if (!view.monitoring()) {
            throw new NotNow(notMonitored(assessment));
        }
        if (checkpoint.sent() != null) {
            throw new NotNow("Your return to this checkpoint was already sent.");
        }
        FormErrors errors = FormErrors.none();
        String text = clean(summary);
        if (text == null) {
            errors.add("summary", "Write a short summary of your progress");
        }
        tooLong(errors, "summary", text);
        if (errors.any()) {
            return new Returned(view, checkpoint, errors, false);
        }
        User lead = currentUser.user();
        CheckpointReturn sent = new CheckpointReturn();
        sent.checkpoint = checkpoint.checkpoint();
        sent.assessment = assessment;
        sent.sentAt = clock.now();
        sent.sentByName = lead.displayName;
        sent.summary = text;
        sent.persist();
        answerRequests(assessment, lead, sent.sentAt);
        return new Returned(view, checkpoint, errors, true);
    }

    private static void answerRequests(Assessment assessment, User lead, Instant at) {
        for (InformationRequest request : InformationRequest.openFor(assessment)) {
            request.answeredAt = at;
            request.answeredByName = lead.displayName;
        }
    }

    /** Why a closed assessment cannot change: the whole cycle closed (with its date), or year 2 for this agency. */
    private static String closed(Assessment assessment, String closedForTheAgency) {
        return java.util.Objects.requireNonNullElse(AssessmentLifecycle.closedReason(assessment), closedForTheAgency);
    }

    private static String notMonitored(Assessment assessment) {
        return switch (assessment.state) {
            case FEEDBACK_ISSUED -> "Confirm the agreed action plan first: progress is reported once year 2 has started.";
            case CLOSED -> closed(assessment, "This cycle is closed, so its action plan can no longer be updated.");
            default -> "The action plan is not being monitored.";
        };
    }

    // ---------------------------------------------------------------- the lead's home page

    /** An assessment of the lead's agency in year 2, with its open requests for more information. */
    public record LeadPlan(Assessment assessment, List<InformationRequest> openRequests) {
        public String path() {
            return "/assessments/" + assessment.id + "/year-2";
        }
    }

    /** The lead's assessments in year 2, newest cycle first, each with its open requests (two statements). */
    @Transactional
    public List<LeadPlan> leadPlans(Agency agency) {
        List<Assessment> assessments = Assessment.list("select a from Assessment a join fetch a.cycle c where a.agency = ?1"
                + " and a.state in ?2 order by c.year1Opens desc", agency, YEAR_TWO);
        if (assessments.isEmpty()) {
            return List.of();
        }
        Map<Long, List<InformationRequest>> open = InformationRequest.<InformationRequest>list(
                "assessment in ?1 and answeredAt is null order by askedAt", assessments).stream()
                .collect(Collectors.groupingBy(r -> r.assessment.id));
        return assessments.stream().map(a -> new LeadPlan(a, open.getOrDefault(a.id, List.of()))).toList();
    }

    // ---------------------------------------------------------------- moderators

    /** Ask the agency for more information (while the plan is agreed or monitored). */
    @Transactional
    public FormErrors ask(long assessmentId, String text) {
        Assessment assessment = moderated(assessmentId);
        if (assessment.state == AssessmentState.CLOSED) {
            throw new NotNow(closed(assessment, "This cycle is closed for the agency."));
        }
        FormErrors errors = FormErrors.none();
        String request = clean(text);
        if (request == null) {
            errors.add("request", "Say what more information you need");
        }
        tooLong(errors, "request", request);
        if (errors.any()) {
            return errors;
        }
        InformationRequest asked = new InformationRequest();
        asked.assessment = assessment;
        asked.askedAt = clock.now();
        asked.askedByName = currentUser.user().displayName;
        asked.request = request;
        asked.persist();
        return errors;
    }

    /** Records (or corrects, until the cycle is closed) the year-2 panel check's conclusion. */
    @Transactional
    public FormErrors conclude(long assessmentId, String text) {
        Assessment assessment = moderated(assessmentId);
        if (assessment.state != AssessmentState.MONITORING) {
            throw new NotNow(assessment.state == AssessmentState.CLOSED ? closed(assessment, "This cycle is closed for the agency.")
                    : "The agency has not started year 2 yet.");
        }
        FormErrors errors = FormErrors.none();
        String conclusion = clean(text);
        if (conclusion == null) {
            errors.add("conclusion", "Write the panel check's conclusion");
        }
        tooLong(errors, "conclusion", conclusion);
        if (errors.any()) {
            return errors;
        }
        YearTwoRecord record = YearTwoRecord.getOrCreate(assessment);
        record.conclusion = conclusion;
        record.concludedAt = clock.now();
        record.concludedByName = currentUser.user().displayName;
        return errors;
    }

    /** Closes the agency's cycle (CLOSE) once the conclusion is recorded; from then on everything is read-only. */
    @Transactional
    public FormErrors close(long assessmentId) {
        Assessment assessment = moderated(assessmentId);
        YearTwoRecord record = YearTwoRecord.of(assessment);
        FormErrors errors = FormErrors.none();
        if (record == null || record.conclusion == null) {
            errors.add("conclusion", "Record the year-2 conclusion before closing the cycle");
            return errors;
        }
        lifecycle.move(assessment, Move.CLOSE, Actor.person(currentUser.user()), "Closed after the year 2 panel check");
        return errors;
    }

    // ---------------------------------------------------------------- the monitoring overview

    /** Which rows to show. */
    public enum Filter {
        OVERDUE("overdue", "With overdue actions"),
        AT_RISK("at-risk", "With actions at risk"),
        CHECKPOINT_MISSED("checkpoint-missed", "A checkpoint missed");

        public final String param;
        public final String label;

        Filter(String param, String label) {
            this.param = param;
            this.label = label;
        }

        public static Optional<Filter> of(String param) {
            for (Filter f : values()) {
                if (f.param.equals(param)) {
                    return Optional.of(f);
                }
            }
            return Optional.empty();
        }
    }

    /** One agency in year 2. */
    public record Row(Assessment assessment, int actions, int overdue, int atRisk, int red, int amber, int green,
            List<CheckpointAnswer> checkpoints, Instant lastUpdate, int openRequests, boolean concluded) {

        public Agency agency() {
            return assessment.agency;
        }

        public boolean missedCheckpoint() {
            return checkpoints.contains(CheckpointAnswer.MISSING);
        }

        boolean matches(Filter filter) {
            return switch (filter) {
                case OVERDUE -> overdue > 0;
                case AT_RISK -> atRisk > 0;
                case CHECKPOINT_MISSED -> missedCheckpoint();
            };
        }
    }

    /** Totals per area, over the rows shown. */
    public record AreaTotal(Area area, int agencies, int overdue, int atRisk, int missedCheckpoints) {
    }

    public record Overview(List<Cycle> cycles, Cycle cycle, List<Checkpoint> checkpoints, List<Row> rows,
            List<AreaTotal> areas, Optional<Area> area, Optional<Filter> filter, int total) {
    }

    /**
     * Every agency in the caller's scope taking part in the cycle and in its year 2 (default: the latest cycle with any), filtered by area
     * and by overdue, at risk or a checkpoint missed. A fixed number of statements however many agencies and actions.
     */
    @Transactional
    public Overview overview(Long cycleId, Optional<Area> area, Optional<Filter> filter) {
        if (!Roles.MODERATOR.equals(currentUser.user().role)) {
            throw new NotFoundException();
        }
        List<Agency> visible = accessScope.visibleAgencies();
        // a draft cycle is the admins' until it opens: never offered, nor found by its id
        List<Cycle> cycles = Cycle.list("status <> ?1 order by year1Opens desc, id desc", Cycle.Status.DRAFT);
        // by default the latest cycle with an agency in year 2
        Cycle cycle = cycleId != null
                ? cycles.stream().filter(c -> c.id.equals(cycleId)).findFirst().orElseThrow(NotFoundException::new)
                : Cycle.<Cycle>find("select c from Assessment a join a.cycle c where a.state in ?1 order by c.year1Opens desc, c.id desc",
                        YEAR_TWO).firstResultOptional().orElse(cycles.isEmpty() ? null : cycles.get(0));
        if (cycle != null) {
            // year 2 of a cycle is about the agencies taking part in it; any other agency is not listed, nor counted
            visible = CycleAgency.takingPart(cycle, visible);
        }
        if (cycle == null || visible.isEmpty()) {
            return new Overview(cycles, cycle, List.of(), List.of(), List.of(), area, filter, 0);
        }
        LocalDate today = clock.today();
        List<Assessment> assessments = Assessment.list("cycle = ?1 and state in ?2 and agency in ?3", cycle, YEAR_TWO, visible);
        List<Checkpoint> checkpoints = Checkpoint.forCycle(cycle);
        Map<Long, List<ActionItem>> actions = assessments.isEmpty() ? Map.of()
                : actionsOf(assessments).stream()
                        .collect(Collectors.groupingBy(a -> a.assessment.id));
        Map<Long, Instant> lastUpdate = new HashMap<>();
        Map<Long, Long> openRequests = new HashMap<>();
        Map<Long, Boolean> concluded = new HashMap<>();
        Map<Long, Map<Long, CheckpointReturn>> sent = new HashMap<>();
        if (!assessments.isEmpty()) {
            Panache.getEntityManager().createQuery("select u.action.assessment.id, max(u.postedAt) from ProgressUpdate u"
                    + " where u.action.assessment in ?1 group by u.action.assessment.id", Object[].class)
                    .setParameter(1, assessments).getResultList()
                    .forEach(r -> lastUpdate.put((Long) r[0], (Instant) r[1]));
            Panache.getEntityManager().createQuery("select r.assessment.id, count(r) from InformationRequest r"
                    + " where r.assessment in ?1 and r.answeredAt is null group by r.assessment.id", Object[].class)
                    .setParameter(1, assessments).getResultList()
                    .forEach(r -> openRequests.put((Long) r[0], (Long) r[1]));
            Panache.getEntityManager().createQuery("select y.assessment.id from YearTwoRecord y"
                    + " where y.assessment in ?1 and y.conclusion is not null", Long.class)
                    .setParameter(1, assessments).getResultList()
                    .forEach(id -> concluded.put(id, true));
            CheckpointReturn.forAssessments(assessments).forEach(r -> sent
                    .computeIfAbsent(r.assessment.id, k -> new HashMap<>()).put(r.checkpoint.id, r));
        }
        List<Row> all = new ArrayList<>();
        for (Assessment a : assessments) {
            List<ActionItem> own = actions.getOrDefault(a.id, List.of());
            Map<ActionRag.Rag, Long> rags = own.stream().collect(Collectors.groupingBy(x -> ActionRag.rag(x, today), Collectors.counting()));
            Map<Long, CheckpointReturn> returns = sent.getOrDefault(a.id, Map.of());
            all.add(new Row(a, own.size(), (int) own.stream().filter(x -> ActionRag.overdue(x, today)).count(),
                    (int) own.stream().filter(x -> x.status == ActionStatus.AT_RISK).count(),
                    rags.getOrDefault(ActionRag.Rag.RED, 0L).intValue(), rags.getOrDefault(ActionRag.Rag.AMBER, 0L).intValue(),
                    rags.getOrDefault(ActionRag.Rag.GREEN, 0L).intValue(),
                    checkpoints.stream().map(c -> CheckpointAnswer.of(c, returns.get(c.id), today, clock.clock().getZone())).toList(),
                    lastUpdate.get(a.id), openRequests.getOrDefault(a.id, 0L).intValue(), concluded.containsKey(a.id)));
        }
        all.sort(Comparator.comparing((Row r) -> r.agency().name));
        List<Row> shown = all.stream()
                .filter(r -> area.map(x -> r.agency().areas.stream().anyMatch(p -> p.code == x)).orElse(true))
                .filter(r -> filter.map(r::matches).orElse(true)).toList();
        List<AreaTotal> areas = new ArrayList<>();
        for (Area x : Area.values()) {
            List<Row> in = shown.stream().filter(r -> r.agency().areas.stream().anyMatch(p -> p.code == x)).toList();
            areas.add(new AreaTotal(x, in.size(), in.stream().mapToInt(Row::overdue).sum(), in.stream().mapToInt(Row::atRisk).sum(),
                    (int) in.stream().filter(Row::missedCheckpoint).count()));
        }
        return new Overview(cycles, cycle, checkpoints, shown, areas, area, filter, all.size());
    }

    // ---------------------------------------------------------------- helpers

    /** The actions of these assessments with their standards and questions, in one statement. */
    private static List<ActionItem> actionsOf(List<Assessment> assessments) {
        return ActionItem.list("select a from ActionItem a join fetch a.standard s left join fetch a.question"
                + " where a.assessment in ?1 order by s.position, a.id", assessments);
    }

    private static void tooLong(FormErrors errors, String field, String text) {
        if (text != null && text.length() > MAX_TEXT) {
            errors.add(field, "Must be " + MAX_TEXT + " characters or fewer");
        }
    }

    static String clean(String text) {
        return text == null || text.isBlank() ? null : text.replace("\r\n", "\n").strip();
    }
}
