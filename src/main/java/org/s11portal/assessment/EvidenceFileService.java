package org.s11portal.assessment;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import org.jboss.logging.Logger;
import org.s11portal.account.CurrentUser;
import org.s11portal.common.config.PortalClock;
import org.s11portal.tool.Question;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotFoundException;

/**
 * Answers' evidence files: checked by {@link EvidenceChecks} (size, type by content, safe name), stored with their
 * SHA-256 and uploader; readable only by people in scope.
 */
@ApplicationScoped
public class EvidenceFileService {

    private static final Logger LOG = Logger.getLogger(EvidenceFileService.class);

    @Inject
    EvidenceChecks checks;

    @Inject
    PortalClock clock;

    @Inject
    AssessmentScope scope;

    @Inject
    CurrentUser currentUser;

    @Inject
    AssessmentService assessments;

    public sealed interface UploadResult permits Stored, Rejected {
    }

    /** Stored, under a name that may differ from the one sent: {@code nameChanges} says how. */
    public record Stored(EvidenceFile file, List<EvidenceFileName.Change> nameChanges) implements UploadResult {
    }

    public record Rejected(String message) implements UploadResult {
    }

    @Transactional
    public UploadResult upload(long assessmentId, long questionId, String filename, Path uploaded) {
        Assessment assessment = scope.assessmentToEdit(assessmentId);
        Question question = question(assessment, questionId);
        if (!AssessmentLifecycle.isEditable(assessment.state)) {
            String closed = AssessmentLifecycle.closedReason(assessment);
            return new Rejected(closed != null ? closed
                    : "This self-assessment is " + assessment.state.label.toLowerCase() + " and cannot be changed");
        }
        EvidenceChecks.Checked checked = checks.check(filename, uploaded);
        if (checked instanceof EvidenceChecks.Refused refused) {
            return new Rejected("The selected file " + refused.problem());
        }
        EvidenceChecks.Accepted accepted = (EvidenceChecks.Accepted) checked;
        Answer answer = Answer.findFor(assessment, question);
        if (answer == null) {
            answer = new Answer();
            answer.assessment = assessment;
            answer.question = question;
            answer.persist();
        }
        EvidenceFile file = new EvidenceFile();
        file.answer = answer;
        file.store(accepted, currentUser.user(), clock.now());
        file.persist();
        LOG.infof("evidence-uploaded assessment-id=%d file-id=%d bytes=%d type=%s", assessmentId, file.id, file.sizeBytes, file.contentType);
        return new Stored(file, accepted.name().changes());
    }

    /**
     * A file for download, when its assessment is in the caller's scope and, for moderators and admins, the
     * file is part of the latest submitted version ({@link DraftPrivacy}); 404 otherwise.
     */
    @Transactional
    public EvidenceFile download(long assessmentId, long fileId) {
        Assessment assessment = scope.assessment(assessmentId);
        EvidenceFile file = EvidenceFile.findById(fileId);
        if (file == null || !file.answer.assessment.id.equals(assessment.id) || !assessments.mayDownload(file)) {
            throw new NotFoundException();
        }
        Objects.requireNonNull(file.content);
        LOG.infof("evidence-downloaded assessment-id=%d file-id=%d user-id=%d", assessmentId, fileId, currentUser.user().id);
        return file;
    }

    @Transactional
    public long delete(long assessmentId, long fileId) {
        Assessment assessment = scope.assessmentToEdit(assessmentId);
        EvidenceFile file = EvidenceFile.findById(fileId);
        if (file == null || !file.answer.assessment.id.equals(assessment.id)) {
            throw new NotFoundException();
        }
        if (!AssessmentLifecycle.isEditable(assessment.state)) {
            throw new ClientErrorException("not editable", 409);
        }
        long questionId = file.answer.question.id;
        file.delete();
        return questionId;
    }

    /** A question's files page: the assessment as the reader may see it, the question, and its files, oldest first. */
    public record FilesPage(AssessmentWork work, Question question, List<EvidenceFile> files) {
    }

    @Transactional
    public FilesPage filesPage(long assessmentId, long questionId) {
        Assessment assessment = scope.assessment(assessmentId);
        Question question = question(assessment, questionId);
        AssessmentWork work = assessments.work(assessment);
        Answer answer = work.answer(question);
        return new FilesPage(work, question, answer == null ? List.of() : EvidenceFile.forAnswer(answer));
    }

    /** One of the questions of the assessment's tool (from the tool, which the second-level cache holds); 404 otherwise. */
    private static Question question(Assessment assessment, long questionId) {
        return assessment.cycle.tool.standards.stream().flatMap(s -> s.questions.stream()).filter(q -> q.id == questionId)
                .findFirst().orElseThrow(NotFoundException::new);
    }
}
