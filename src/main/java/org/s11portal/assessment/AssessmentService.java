package org.s11portal.assessment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jboss.logging.Logger;
import org.s11portal.account.CurrentUser;
import org.s11portal.account.User;
import org.s11portal.common.config.PortalClock;
import org.s11portal.cycle.Cycle;
import org.s11portal.tool.Question;
import org.s11portal.tool.Standard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

/** The self-assessment: opening it, saving answers without losing anyone's work, carrying forward, submitting. */
@ApplicationScoped
public class AssessmentService {

    private static final Logger LOG = Logger.getLogger(AssessmentService.class);

    @Inject
    AssessmentScope scope;

    @Inject
    CurrentUser currentUser;

    @Inject
    PortalClock clock;

    @Inject
    ObjectMapper json;

    @Inject
    AssessmentLifecycle lifecycle;

    @Inject
    FrozenSnapshots frozenSnapshots;

    /** An answer someone else saved after the person started editing: both texts, nothing overwritten. */
    public record Conflict(Question question, Answer theirs, AnswerInput yours, String theirsBy, Instant theirsAt) {
    }

    public sealed interface SaveResult permits Saved, Conflicts, NotEditable {
    }

    public record Saved(Map<Long, Integer> versions) implements SaveResult {
    }

    public record Conflicts(List<Conflict> conflicts) implements SaveResult {
    }

    public record NotEditable(AssessmentState state) implements SaveResult {
    }

    public sealed interface SubmitResult permits Submitted, Refused {
    }

    public record Submitted(SubmissionVersion version, boolean alreadySubmitted) implements SubmitResult {
    }

    public record Refused(List<SubmissionRules.Problem> problems) implements SubmitResult {
    }

    /** The lead's assessment for the live cycle, created (not started) the first time they open it. */
    @Transactional
    public Assessment openForCurrentLead() {
        User lead = currentUser.user();
        Cycle cycle = Cycle.liveOn(clock.today());
        if (lead.agency == null || cycle == null) {
            throw new NotFoundException();
        }
        Assessment assessment = Assessment.findFor(lead.agency, cycle);
        if (assessment == null) {
            assessment = new Assessment();
            assessment.agency = lead.agency;
            assessment.cycle = cycle;
            assessment.persist();
        }
        return assessment;
    }

    /**
     * The assessment for the pages: with the agency's current answers and actions for those who may read the
     * draft ({@link DraftPrivacy}), without them for everyone else in scope. 404 outside scope.
     */
    @Transactional
    public AssessmentWork work(long assessmentId) {
        Assessment assessment = scope.assessment(assessmentId);
        return DraftPrivacy.mayReadDraft(currentUser.user(), assessment) ? AssessmentWork.load(assessment)
                : AssessmentWork.withoutDraft(assessment);
    }

    /**
     * What the current user reads of an assessment. The agency's lead: the draft while it can be edited,
     * otherwise the latest submitted version. Moderators and admins: only ever the latest submitted version
     * (or ?version=n), never the draft; no snapshot when nothing has been submitted yet.
     */
    public record Reading(AssessmentWork work, SubmissionSnapshot snapshot, SubmissionVersion version,
            List<SubmissionVersion> versions, Map<String, Long> fileIds) {

        /** "draft" or "submitted": what the reader is shown. */
        public String showing() {
            return snapshot != null && version == null ? "draft" : "submitted";
        }

        public boolean notSubmittedYet() {
            return snapshot == null;
        }

        /** The id of a file listed in the snapshot, for a download link; null when it is not stored. */
        public Long fileId(String entry) {
            return fileIds.get(entry);
        }
    }

    @Transactional
    public Reading reading(long assessmentId, Integer versionNumber) {
        AssessmentWork work = work(assessmentId);
        List<SubmissionVersion> versions = SubmissionVersion.forAssessment(work.assessment);
        SubmissionVersion version = versionNumber != null ? SubmissionVersion.numbered(work.assessment, versionNumber)
                : work.draft && work.isEditable() ? null
                : versions.isEmpty() ? null : versions.get(versions.size() - 1);
        if (versionNumber != null && version == null) {
            throw new NotFoundException();
        }
        if (version == null && !work.draft) {
            return new Reading(work, null, null, versions, Map.of());
        }
        SubmissionSnapshot snapshot = version == null ? snapshot(work) : read(version);
        return new Reading(work, snapshot, version, versions, fileIds(work.assessment, snapshot));
    }

    /** The latest submitted version of an assessment in the caller's scope, or null when none is recorded. */
    @Transactional
    public SubmissionVersion latestVersion(long assessmentId) {
        return SubmissionVersion.latest(scope.assessment(assessmentId));
    }

    /** A question's saved changes: all of them for the draft's readers, up to the latest submission for others. */
    public record QuestionHistory(AssessmentWork work, Question question, List<AnswerHistory.Revision> revisions,
            boolean notSubmittedYet) {
    }

    @Transactional
    public QuestionHistory history(long assessmentId, long questionId) {
        AssessmentWork work = work(assessmentId);
        Question question = work.standards.stream().flatMap(s -> s.questions.stream())
                .filter(q -> q.id == questionId).findFirst().orElseThrow(NotFoundException::new);
        Answer answer = Answer.findFor(work.assessment, question);
        List<AnswerHistory.Revision> revisions = answer == null ? List.of() : AnswerHistory.of(answer);
        if (work.draft) {
            return new QuestionHistory(work, question, revisions, false);
        }
        SubmissionVersion latest = SubmissionVersion.latest(work.assessment);
        if (latest == null) {
            return new QuestionHistory(work, question, List.of(), true);
        }
        return new QuestionHistory(work, question,
                revisions.stream().filter(r -> !r.at().isAfter(latest.submittedAt)).toList(), false);
    }

    /**
     * Whether the current user may download this file: the draft's readers any file of the assessment,
     * everyone else only a file that is part of the latest submitted version.
     */
    @Transactional
    public boolean mayDownload(EvidenceFile file) {
        Assessment assessment = file.answer.assessment;
        if (DraftPrivacy.mayReadDraft(currentUser.user(), assessment)) {
            return true;
        }
        SubmissionVersion latest = SubmissionVersion.latest(assessment);
        return latest != null && fileEntry(read(latest), file) != null;
    }

    /** Snapshot file entry → stored file id, for the files a snapshot lists that are still stored. */
    private Map<String, Long> fileIds(Assessment assessment, SubmissionSnapshot snapshot) {
        Map<String, Long> ids = new LinkedHashMap<>();
        // one query for every file of the assessment, in the order of its answers, then of upload
        List<EvidenceFile> files = EvidenceFile.list("select f from EvidenceFile f join fetch f.answer a"
                + " where a.assessment = ?1 order by a.id, f.uploadedAt", assessment);
        for (EvidenceFile file : files) {
            String entry = fileEntry(snapshot, file);
            if (entry != null) {
                ids.putIfAbsent(entry, file.id);
            }
        }
        return ids;
    }

    /** The snapshot's entry for this file (same question, same SHA-256), or null when it is not part of it. */
    private static String fileEntry(SubmissionSnapshot snapshot, EvidenceFile file) {
        String questionCode = file.answer.question.code;
        String checksum = "(SHA-256 " + file.sha256 + ")";
        return snapshot.standards().stream().flatMap(s -> s.answers().stream())
                .filter(a -> a.questionCode().equals(questionCode))
                .flatMap(a -> a.files().stream())
                .filter(entry -> entry.contains(checksum) && entry.startsWith(file.filename))
                .findFirst().orElse(null);
    }

    /** Comments from the moderators on the version they returned, by standard code ("" for overall). */
    @Transactional
    public Map<String, List<ReviewComment>> returnComments(long assessmentId) {
        Assessment assessment = scope.assessment(assessmentId);
        SubmissionVersion latest = SubmissionVersion.latest(assessment);
        Map<String, List<ReviewComment>> byStandard = new LinkedHashMap<>();
        if (latest == null || assessment.state == AssessmentState.SUBMITTED) {
            return byStandard;
        }
        for (ReviewComment comment : ReviewComment.forVersion(assessment, latest.number)) {
            byStandard.computeIfAbsent(comment.standard == null ? "" : comment.standard.code, k -> new ArrayList<>())
                    .add(comment);
        }
        return byStandard;
    }

    /**
     * Saves one standard's answers as a draft (the submission rules never block a draft). An answer that
     * someone else changed since this person loaded it is not overwritten: nothing is saved and every such
     * answer comes back as a conflict with both texts. Saving confirms every answer carried forward from last
     * cycle that was sent, changed or not (the lead has reviewed it).
     */
    @Transactional
    public SaveResult saveStandard(long assessmentId, String standardCode, Map<Long, AnswerInput> inputs) {
        return saveStandard(assessmentId, standardCode, inputs, true);
    }

    /**
     * As {@link #saveStandard(long, String, Map)}; with {@code confirmUnchanged} false (an autosave while the lead
     * types, which sends the whole page) an unchanged answer carried forward from last cycle stays to review:
     * only a changed answer, or the lead pressing a save button, confirms it.
     */
    @Transactional
    public SaveResult saveStandard(long assessmentId, String standardCode, Map<Long, AnswerInput> inputs,
            boolean confirmUnchanged) {
        // saves of one assessment queue here (an autosave and a click can arrive together), and each then reads
        // the answers the one before it wrote
        Assessment.findById(assessmentId, LockModeType.PESSIMISTIC_WRITE);
        Assessment assessment = scope.assessmentToEdit(assessmentId);
        AssessmentWork work = AssessmentWork.load(assessment);
        if (!work.isEditable()) {
            return new NotEditable(assessment.state);
        }
        Standard standard = work.standard(standardCode);
        if (standard == null) {
            throw new NotFoundException();
        }
        List<Conflict> conflicts = new ArrayList<>();
        for (Question question : standard.questions) {
            AnswerInput input = inputs.get(question.id);
            Answer current = work.answer(question);
            if (input == null || input.sameContentAs(current) || current == null) {
                continue;
            }
            if (input.version() == null || input.version() != current.version) {
                conflicts.add(conflict(question, current, input));
            }
        }
        if (!conflicts.isEmpty()) {
            return new Conflicts(conflicts);
        }
        Map<Long, Integer> versions = new LinkedHashMap<>();
        boolean changed = false;
        for (Question question : standard.questions) {
            AnswerInput input = inputs.get(question.id);
            Answer answer = work.answer(question);
            if (input == null) {
                continue;
            }
            if (!input.sameContentAs(answer)) {
                if (answer == null) {
                    answer = new Answer();
                    answer.assessment = assessment;
                    answer.question = question;
                }
                answer.rating = input.rating();
                answer.evidence = input.evidence();
                answer.impact = input.impact();
                answer.naReason = input.naReason();
                answer.carriedForward = false;
                answer.persistAndFlush();
                changed = true;
            } else if (answer != null && answer.carriedForward && confirmUnchanged) {
                answer.carriedForward = false;
                answer.persistAndFlush();
            }
            if (answer != null) {
                versions.put(question.id, answer.version);
            }
        }
        if (changed) {
            lifecycle.edited(assessment, currentUser.user(), "First answer saved", "Editing after return");
        }
        return new Saved(versions);
    }

    private Conflict conflict(Question question, Answer current, AnswerInput input) {
        var revision = AnswerHistory.latestRevision(current);
        return new Conflict(question, current, input, revision == null ? "someone else" : revision.userName(),
                revision == null ? current.updatedAt : revision.at());
    }

    /**
     * Copies answers and actions from the agency's latest earlier assessment where the question codes
     * match, into questions not yet answered, each marked "carried forward — review" until someone saves it.
     */
    @Transactional
    public int carryForward(long assessmentId) {
        Assessment assessment = scope.assessmentToEdit(assessmentId);
        AssessmentWork work = AssessmentWork.load(assessment);
        if (!work.isEditable()) {
            return 0;
        }
        Assessment previous = Assessment.find("agency = ?1 and cycle.year1Opens < ?2 order by cycle.year1Opens desc",
                assessment.agency, assessment.cycle.year1Opens).firstResult();
        if (previous == null) {
            return 0;
        }
        Map<String, Answer> earlier = new LinkedHashMap<>();
        Answer.forAssessment(previous).forEach(a -> earlier.put(a.question.code, a));
        int copied = 0;
        for (Standard standard : work.standards) {
            for (Question question : standard.questions) {
                Answer old = earlier.get(question.code);
                Answer current = work.answer(question);
                if (old == null || old.isEmpty() || (current != null && !current.isEmpty())) {
                    continue;
                }
                Answer answer = current != null ? current : new Answer();
                answer.assessment = assessment;
                answer.question = question;
                answer.rating = old.rating;
                answer.evidence = old.evidence;
                answer.impact = old.impact;
                answer.naReason = old.naReason;
                answer.carriedForward = true;
                answer.persist();
                copied++;
            }
        }
        for (ActionItem old : ActionItem.forAssessment(previous)) {
            Standard standard = work.standard(old.standard.code);
            if (standard == null || old.status == org.s11portal.assessment.ActionStatus.COMPLETED) {
                continue;
            }
            ActionItem copy = new ActionItem();
            copy.assessment = assessment;
            copy.standard = standard;
            copy.question = old.question == null ? null : standard.questions.stream()
                    .filter(q -> q.code.equals(old.question.code)).findFirst().orElse(null);
            copy.gap = old.gap;
            copy.action = old.action;
            copy.measure = old.measure;
            copy.lead = old.lead;
            copy.resources = old.resources;
            copy.startDate = old.startDate;
            copy.targetDate = old.targetDate;
            copy.status = old.status;
            copy.carriedForward = true;
            copy.persist();
            copied++;
        }
        if (copied > 0 && AssessmentLifecycle.canMoveFrom(AssessmentLifecycle.Move.START, assessment)) {
            lifecycle.move(assessment, AssessmentLifecycle.Move.START, AssessmentLifecycle.Actor.person(currentUser.user()),
                    "Carried forward from " + previous.cycle.name);
        }
        return copied;
    }

    /**
     * Submits when every rule is met: freezes the whole submission as version n+1 with the senior officer's
     * declaration. The row lock makes concurrent submits of the same assessment produce exactly one version.
     */
    @Transactional
    public SubmitResult submit(long assessmentId, String declaredByName, String declaredRole) {
        // lock before anything reads the row, so concurrent submits queue here and the later ones see SUBMITTED
        Assessment.findById(assessmentId, LockModeType.PESSIMISTIC_WRITE);
        Assessment assessment = scope.assessmentToEdit(assessmentId);
        if (assessment.state == AssessmentState.SUBMITTED) {
            return new Submitted(SubmissionVersion.latest(assessment), true);
        }
        AssessmentWork work = AssessmentWork.load(assessment);
        if (!work.isEditable()) {
            return new Refused(List.of(new SubmissionRules.Problem(null, "/assessments/" + assessmentId,
                    "This self-assessment is " + assessment.state.label.toLowerCase() + " and cannot be submitted again",
                    SubmissionRules.Kind.OTHER)));
        }
        List<SubmissionRules.Problem> problems = SubmissionRules.problems(work, clock.today());
        if (!problems.isEmpty()) {
            return new Refused(problems);
        }
        SubmissionVersion version = freeze(work, declaredByName, declaredRole, currentUser.user());
        lifecycle.move(assessment, AssessmentLifecycle.Move.SUBMIT, AssessmentLifecycle.Actor.person(currentUser.user()),
                "Version " + version.number + " signed off by " + declaredByName + ", " + declaredRole);
        LOG.infof("assessment-submitted assessment-id=%d version=%d", assessment.id, version.number);
        return new Submitted(version, false);
    }

    /** Writes the next frozen version of the submission as it stands. Callers check the rules first. */
    public SubmissionVersion freeze(AssessmentWork work, String declaredByName, String declaredRole, User by) {
        SubmissionVersion previous = SubmissionVersion.latest(work.assessment);
        SubmissionVersion version = new SubmissionVersion();
        version.assessment = work.assessment;
        version.number = previous == null ? 1 : previous.number + 1;
        version.frozenJson = toJson(snapshot(work));
        version.sha256 = sha256(version.frozenJson);
        version.declaredByName = declaredByName;
        version.declaredRole = declaredRole;
        version.submittedBy = by;
        version.submittedAt = clock.now();
        version.persist();
        return version;
    }

    /** The submission as it stands now (for drafts) in the same shape as a frozen version. */
    public SubmissionSnapshot snapshot(AssessmentWork work) {
        List<SubmissionSnapshot.StandardEntry> standards = new ArrayList<>();
        for (Standard standard : work.standards) {
            List<SubmissionSnapshot.AnswerEntry> answers = new ArrayList<>();
            for (Question question : standard.questions) {
                Answer answer = work.answer(question);
                List<String> files = answer == null || answer.id == null ? List.of()
                        : EvidenceFile.forAnswer(answer).stream().map(f -> f.filename + " (SHA-256 " + f.sha256 + ")").toList();
                answers.add(new SubmissionSnapshot.AnswerEntry(question.code, question.text,
                        answer == null || answer.rating == null ? null : answer.rating.name(),
                        answer == null || answer.rating == null ? "Not rated" : answer.rating.label,
                        answer == null ? null : answer.evidence, answer == null ? null : answer.impact,
                        answer == null ? null : answer.naReason, files));
            }
            standards.add(new SubmissionSnapshot.StandardEntry(standard.code, standard.title, answers));
        }
        List<SubmissionSnapshot.ActionEntry> actions = work.actions.stream()
                .map(a -> new SubmissionSnapshot.ActionEntry(a.id, a.standard.code, a.question == null ? null : a.question.code,
                        a.gap, a.action, a.measure, a.lead, a.resources,
                        a.startDate == null ? null : a.startDate.toString(),
                        a.targetDate == null ? null : a.targetDate.toString(), a.status.label))
                .toList();
        return new SubmissionSnapshot(work.assessment.agency.name, work.cycle.name, work.cycle.tool.version, standards, actions);
    }

    /** A frozen version's snapshot; parsed once per version and then served from {@link FrozenSnapshots}. */
    public SubmissionSnapshot read(SubmissionVersion version) {
        return frozenSnapshots.get(version, this::parse);
    }

    private SubmissionSnapshot parse(SubmissionVersion version) {
        try {
            return json.readValue(version.frozenJson, SubmissionSnapshot.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("frozen version " + version.id + " is not readable", e);
        }
    }

    private String toJson(SubmissionSnapshot snapshot) {
        try {
            return json.writeValueAsString(snapshot);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The files uploaded for an answer, oldest first (none when nothing is saved yet). */
    @Transactional
    public List<EvidenceFile> files(Answer answer) {
        return answer == null || answer.id == null ? List.of() : EvidenceFile.forAnswer(answer);
    }
}
