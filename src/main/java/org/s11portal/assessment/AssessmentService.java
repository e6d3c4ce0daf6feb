package org.s11portal.assessment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jboss.logging.Logger;
import org.s11portal.account.CurrentUser;
import org.s11portal.account.User;
import org.s11portal.agency.Agency;
import org.s11portal.common.config.PortalClock;
import org.s11portal.common.observability.BusinessMetrics;
import org.s11portal.common.web.FormErrors;
import org.s11portal.cycle.Cycle;
import org.s11portal.tool.Question;
import org.s11portal.tool.Standard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.MultivaluedMap;

/** The self-assessment: opening it, saving answers without losing anyone's work, carrying forward, submitting. */
@ApplicationScoped
public class AssessmentService {

    private static final Logger LOG = Logger.getLogger(AssessmentService.class);

    @Inject
    AssessmentScope scope;

    @Inject
    BusinessMetrics metrics;

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

    @Inject
    Validator validator;

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

    /** Refused, with the problems and the check answers page to show them on. */
    public record Refused(List<SubmissionRules.Problem> problems, CheckPage page) implements SubmitResult {
    }

    /** Check answers: the submission as it stands, the problems, and what carried forward is still to review. */
    public record CheckPage(AssessmentWork work, SubmissionSnapshot snapshot, List<SubmissionRules.Problem> problems,
            List<SubmissionRules.Problem> toReview, long answersToReview) {
    }

    /**
     * The check answers page, with the submission rules' problems as they stand today, or with none
     * ({@code withProblems} false: the sign-off form had errors, which are shown alone).
     */
    @Transactional
    public CheckPage checkPage(long assessmentId, boolean withProblems) {
        AssessmentWork work = work(scope.assessment(assessmentId));
        if (!work.draft) {
            return new CheckPage(work, null, List.of(), List.of(), 0);
        }
        return checkPage(work, withProblems ? SubmissionRules.problems(work, clock.today()) : List.of());
    }

    private CheckPage checkPage(AssessmentWork work, List<SubmissionRules.Problem> problems) {
        List<SubmissionRules.Problem> toReview = problems.stream().filter(p -> p.is(SubmissionRules.Kind.CARRIED_FORWARD)).toList();
        return new CheckPage(work, snapshot(work), problems, toReview, SubmissionRules.answersToReview(work));
    }

    /** The confirmation page after submitting: the assessment and its latest version (404 when none). */
    public record SubmittedPage(AssessmentWork work, SubmissionVersion version) {
    }

    @Transactional
    public SubmittedPage submittedPage(long assessmentId) {
        AssessmentWork work = work(scope.assessment(assessmentId));
        SubmissionVersion version = SubmissionVersion.latest(work.assessment);
        if (version == null) {
            throw new NotFoundException();
        }
        return new SubmittedPage(work, version);
    }

    /**
     * The lead's assessment for the live cycle, created (not started) the first time they open it; 404 when there is
     * no live cycle or the lead's agency does not take part in it.
     */
    @Transactional
    public Assessment openForCurrentLead() {
        Agency agency = currentUser.leadAgency();
        Cycle cycle = Cycle.liveOn(clock.today());
        if (agency == null || cycle == null || !cycle.takesPart(agency)) {
            throw new NotFoundException();
        }
        Assessment assessment = Assessment.findFor(agency, cycle);
        if (assessment == null) {
            assessment = new Assessment();
            assessment.agency = Agency.findById(agency.id);
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
        return work(scope.assessment(assessmentId));
    }

    /** As {@link #work(long)}, for an assessment whose scope the caller has checked, in the caller's transaction. */
    public AssessmentWork work(Assessment assessment) {
        return DraftPrivacy.mayReadDraft(currentUser.user(), assessment) ? AssessmentWork.load(assessment)
                : AssessmentWork.withoutDraft(assessment);
    }

    /** Everything the task list shows; for a reader of the submitted version only, {@code work.draft} is false. */
    public record TaskList(AssessmentWork work, Map<String, TaskStatus> standardStatuses, TaskStatus actionPlanStatus,
            List<SubmissionRules.Problem> problems, Long daysLeft, Map<String, List<ReviewComment>> comments,
            boolean canCarryForward, long answersToReview, long actionsToReview, SubmissionVersion latest) {
    }

    @Transactional
    public TaskList taskList(long assessmentId) {
        AssessmentWork work = work(scope.assessment(assessmentId));
        if (!work.draft) {
            return new TaskList(work, Map.of(), null, List.of(), null, Map.of(), false, 0, 0, null);
        }
        Map<String, TaskStatus> statuses = new LinkedHashMap<>();
        work.standards.forEach(s -> statuses.put(s.code, SubmissionRules.standardStatus(work, s)));
        boolean nothingAnswered = work.answersByQuestion.values().stream().allMatch(Answer::isEmpty);
        LocalDate today = clock.today();
        // a cycle that has closed has no live deadline: its dates are history, never "N days overdue"
        Long daysLeft = today.isAfter(work.cycle.closes) ? null : clock.daysUntil(work.due());
        return new TaskList(work, statuses, SubmissionRules.actionPlanStatus(work, today), SubmissionRules.problems(work, today),
                daysLeft, returnComments(work.assessment),
                work.isEditable() && nothingAnswered && Assessment.earlierOf(work.assessment) != null,
                SubmissionRules.answersToReview(work), SubmissionRules.actionsToReview(work),
                work.isEditable() ? null : SubmissionVersion.latest(work.assessment));
    }

    /**
     * A standard's page: each question with what is saved (or, with {@code typed}, what was typed), its problems and
     * its number of files (one statement for the files of the whole standard), and the moderators' comments.
     */
    @Transactional
    public StandardPage standardPage(long assessmentId, String standardCode) {
        AssessmentWork work = work(scope.assessment(assessmentId));
        return standardPage(work, standardOr404(work, standardCode), null, FormErrors.none());
    }

    private StandardPage standardPage(AssessmentWork work, Standard standard, Map<Long, AnswerInput> typed, FormErrors errors) {
        if (!work.draft) {
            // the reader is sent to the submitted version; nothing of the draft goes into the page
            return new StandardPage(work, standard, List.of(), List.of(), List.of(), errors, List.of(Rating.values()));
        }
        Map<Long, List<EvidenceFile>> files = filesByQuestion(work.assessment, standard);
        List<StandardPage.QuestionRow> rows = new ArrayList<>();
        for (Question question : standard.questions) {
            Answer saved = work.answer(question);
            AnswerInput input = typed == null ? null : typed.get(question.id);
            rows.add(new StandardPage.QuestionRow(question,
                    input != null ? input.rating() : saved == null ? null : saved.rating,
                    input != null ? input.evidence() : saved == null ? null : saved.evidence,
                    input != null ? input.impact() : saved == null ? null : saved.impact,
                    input != null ? input.naReason() : saved == null ? null : saved.naReason,
                    input != null ? input.version() : saved == null ? null : saved.version,
                    saved != null && saved.carriedForward,
                    SubmissionRules.answerProblems(work, question),
                    files.getOrDefault(question.id, List.of())));
        }
        List<SubmissionRules.Problem> standardProblems = SubmissionRules.standardProblems(work, standard).stream()
                .filter(p -> p.is(SubmissionRules.Kind.GAP_WITHOUT_ACTION)).toList();
        List<ReviewComment> comments = returnComments(work.assessment).getOrDefault(standard.code, List.of());
        return new StandardPage(work, standard, rows, standardProblems, comments, errors, List.of(Rating.values()));
    }

    /** The files of a standard's answers by question id, oldest first, in one statement. */
    private static Map<Long, List<EvidenceFile>> filesByQuestion(Assessment assessment, Standard standard) {
        Map<Long, List<EvidenceFile>> byQuestion = new LinkedHashMap<>();
        EvidenceFile.<EvidenceFile>list("select f from EvidenceFile f join fetch f.answer a"
                + " where a.assessment = ?1 and a.question.standard = ?2 order by f.uploadedAt, f.id", assessment, standard)
                .forEach(f -> byQuestion.computeIfAbsent(f.answer.question.id, k -> new ArrayList<>()).add(f));
        return byQuestion;
    }

    /**
     * What saving a standard's page came to: {@code invalid}, the page again with the input errors (nothing saved);
     * otherwise the {@code result} of {@link #saveStandard}, with the assessment and the standard for the response.
     */
    public record StandardSave(StandardPage invalid, SaveResult result, AssessmentWork work, Standard standard) {
    }

    /**
     * Saves a standard's page as posted: reads and checks the form ({@link AnswerForms}), then saves as
     * {@link #saveStandard(long, String, Map, boolean)} does, in one transaction with one load of the assessment.
     * Input errors are shown to anyone in scope; only the agency's lead may save (403 for others).
     */
    @Transactional
    public StandardSave saveStandardPage(long assessmentId, String standardCode, MultivaluedMap<String, String> form,
            boolean confirmUnchanged) {
        // saves of one assessment queue here (an autosave and a click can arrive together), and each then reads
        // the answers the one before it wrote
        Assessment.findById(assessmentId, LockModeType.PESSIMISTIC_WRITE);
        Assessment assessment = scope.assessment(assessmentId);
        AssessmentWork work = work(assessment);
        Standard standard = standardOr404(work, standardCode);
        FormErrors errors = FormErrors.none();
        Map<Long, AnswerInput> inputs = AnswerForms.read(standard, form, validator, errors);
        if (errors.any()) {
            return new StandardSave(standardPage(work, standard, inputs, errors), null, work, standard);
        }
        scope.assessmentToEdit(assessmentId);
        return new StandardSave(null, save(assessment, work, standard, inputs, confirmUnchanged), work, standard);
    }

    /** One answer saved from the API: the question's id and the result, or a null result when the request was invalid. */
    public record AnswerSave(long questionId, SaveResult result) {
    }

    /**
     * Saves one answer as {@link #saveStandard} does, in one transaction: 404 for a question not in the tool, then a
     * null result when {@code request} (the request as sent, with its constraints) is not valid.
     */
    @Transactional
    public AnswerSave saveAnswer(long assessmentId, String questionCode, Object request, AnswerInput input) {
        Assessment.findById(assessmentId, LockModeType.PESSIMISTIC_WRITE);
        Assessment assessment = scope.assessmentToEdit(assessmentId);
        AssessmentWork work = AssessmentWork.load(assessment);
        Question question = work.standards.stream().flatMap(s -> s.questions.stream())
                .filter(q -> q.code.equals(questionCode)).findFirst().orElseThrow(NotFoundException::new);
        if (!validator.validate(request).isEmpty()) {
            return new AnswerSave(question.id, null);
        }
        return new AnswerSave(question.id, save(assessment, work, question.standard, Map.of(question.id, input), true));
    }

    private static Standard standardOr404(AssessmentWork work, String code) {
        Standard standard = work.standard(code);
        if (standard == null) {
            throw new NotFoundException();
        }
        return standard;
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
    private static Map<String, List<ReviewComment>> returnComments(Assessment assessment) {
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
        return save(assessment, work, standardOr404(work, standardCode), inputs, confirmUnchanged);
    }

    /** Saves a standard's answers into the loaded assessment; the caller holds the assessment's row lock. */
    private SaveResult save(Assessment assessment, AssessmentWork work, Standard standard, Map<Long, AnswerInput> inputs,
            boolean confirmUnchanged) {
        if (!work.isEditable()) {
            return new NotEditable(assessment.state);
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
        Assessment previous = Assessment.earlierOf(assessment);
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
            if (standard == null || !old.status.isOpen()) {
                continue;
            }
            old.carryInto(assessment, standard, previous.cycle.name);
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
            List<SubmissionRules.Problem> problems = List.of(new SubmissionRules.Problem(null, "/assessments/" + assessmentId,
                    "This self-assessment is " + assessment.state.label.toLowerCase() + " and cannot be submitted again",
                    SubmissionRules.Kind.OTHER));
            return new Refused(problems, checkPage(work, problems));
        }
        List<SubmissionRules.Problem> problems = SubmissionRules.problems(work, clock.today());
        if (!problems.isEmpty()) {
            return new Refused(problems, checkPage(work, problems));
        }
        SubmissionVersion version = freeze(work, declaredByName, declaredRole, currentUser.user());
        lifecycle.move(assessment, AssessmentLifecycle.Move.SUBMIT, AssessmentLifecycle.Actor.person(currentUser.user()),
                "Version " + version.number + " signed off by " + declaredByName + ", " + declaredRole);
        LOG.infof("assessment-submitted assessment-id=%d version=%d", assessment.id, version.number);
        metrics.selfAssessmentSubmitted();
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
        Map<Long, List<String>> filesByAnswer = fileEntriesByAnswer(work);
        List<SubmissionSnapshot.StandardEntry> standards = new ArrayList<>();
        for (Standard standard : work.standards) {
            List<SubmissionSnapshot.AnswerEntry> answers = new ArrayList<>();
            for (Question question : standard.questions) {
                Answer answer = work.answer(question);
                List<String> files = answer == null || answer.id == null ? List.of()
                        : filesByAnswer.getOrDefault(answer.id, List.of());
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

    /** The snapshot's entry of every file of the draft's answers, by answer, oldest first: one statement. */
    private static Map<Long, List<String>> fileEntriesByAnswer(AssessmentWork work) {
        Map<Long, List<String>> byAnswer = new LinkedHashMap<>();
        if (!work.draft || work.answersByQuestion.isEmpty()) {
            return byAnswer;
        }
        List<Object[]> rows = EvidenceFile.getEntityManager().createQuery("select f.answer.id, f.filename, f.sha256"
                + " from EvidenceFile f where f.answer.assessment = ?1 order by f.uploadedAt", Object[].class)
                .setParameter(1, work.assessment).getResultList();
        for (Object[] row : rows) {
            byAnswer.computeIfAbsent((Long) row[0], k -> new ArrayList<>()).add(row[1] + " (SHA-256 " + row[2] + ")");
        }
        return byAnswer;
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
}
