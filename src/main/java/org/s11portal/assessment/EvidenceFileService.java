package org.s11portal.assessment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.apache.tika.Tika;
import org.jboss.logging.Logger;
import org.s11portal.account.CurrentUser;
import org.s11portal.common.config.PortalClock;
import org.s11portal.common.config.PortalConfig;
import org.s11portal.tool.Question;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotFoundException;

/**
 * Evidence files: checked by size and by what their bytes are (Apache Tika), never by the name or the
 * type the browser claims; stored with their SHA-256 and uploader; readable only by people in scope.
 */
@ApplicationScoped
public class EvidenceFileService {

    private static final Logger LOG = Logger.getLogger(EvidenceFileService.class);

    /** Detected type → the types we accept, with the name people know them by. */
    static final Map<String, String> ACCEPTED = Map.ofEntries(
            Map.entry("application/pdf", "PDF"),
            Map.entry("application/msword", "Word"),
            Map.entry("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word"),
            Map.entry("application/vnd.ms-excel", "Excel"),
            Map.entry("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel"),
            Map.entry("application/vnd.ms-powerpoint", "PowerPoint"),
            Map.entry("application/vnd.openxmlformats-officedocument.presentationml.presentation", "PowerPoint"),
            Map.entry("image/png", "image"),
            Map.entry("image/jpeg", "image"),
            Map.entry("image/gif", "image"),
            Map.entry("text/plain", "text"),
            Map.entry("text/csv", "text"));

    private static final Map<String, String> OOXML_BY_EXTENSION = Map.of(
            "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation");

    private static final Map<String, String> OLE_BY_EXTENSION = Map.of(
            "doc", "application/msword", "xls", "application/vnd.ms-excel", "ppt", "application/vnd.ms-powerpoint");

    private final Tika tika = new Tika();

    @Inject
    PortalClock clock;

    @Inject
    AssessmentScope scope;

    @Inject
    CurrentUser currentUser;

    @Inject
    PortalConfig config;

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
            return new Rejected("This self-assessment is " + assessment.state.label.toLowerCase() + " and cannot be changed");
        }
        byte[] bytes;
        try {
            long size = Files.size(uploaded);
            if (size == 0) {
                return new Rejected("The selected file is empty");
            }
            long maxBytes = config.evidence().maxBytes();
            if (size > maxBytes) {
                return new Rejected("The selected file must be smaller than " + (maxBytes / (1024 * 1024)) + " MB");
            }
            bytes = Files.readAllBytes(uploaded);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Optional<String> type = detect(bytes, EvidenceFileName.cleaned(filename).name());
        if (type.isEmpty()) {
            return new Rejected("The selected file must be a PDF, Word, Excel, PowerPoint, image (PNG, JPEG, GIF) or plain text file");
        }
        Answer answer = Answer.findFor(assessment, question);
        if (answer == null) {
            answer = new Answer();
            answer.assessment = assessment;
            answer.question = question;
            answer.persist();
        }
        EvidenceFileName name = EvidenceFileName.of(filename, type.get());
        EvidenceFile file = new EvidenceFile();
        file.answer = answer;
        file.filename = name.name();
        file.contentType = type.get();
        file.sizeBytes = bytes.length;
        file.sha256 = sha256(bytes);
        file.content = bytes;
        file.uploadedBy = currentUser.user();
        file.uploadedAt = clock.now();
        file.persist();
        LOG.infof("evidence-uploaded assessment-id=%d file-id=%d bytes=%d type=%s", assessmentId, file.id, bytes.length, file.contentType);
        return new Stored(file, name.changes());
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

    /** The accepted type the bytes really are, or empty. Office files are told apart by their extension. */
    Optional<String> detect(byte[] bytes, String filename) {
        String detected;
        try {
            detected = tika.detect(new ByteArrayInputStream(bytes), filename);
        } catch (IOException e) {
            return Optional.empty();
        }
        String extension = filename.contains(".") ? filename.substring(filename.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        if ("application/x-tika-ooxml".equals(detected) || "application/zip".equals(detected)) {
            detected = OOXML_BY_EXTENSION.get(extension);
        } else if ("application/x-tika-msoffice".equals(detected)) {
            detected = OLE_BY_EXTENSION.get(extension);
        }
        return detected != null && ACCEPTED.containsKey(detected) ? Optional.of(detected) : Optional.empty();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
