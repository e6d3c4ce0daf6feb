package org.s11portal.letter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.s11portal.account.CurrentUser;
import org.s11portal.account.User;
import org.s11portal.agency.Agency;
import org.s11portal.assessment.Assessment;
import org.s11portal.assessment.AssessmentLifecycle;
import org.s11portal.assessment.AssessmentScope;
import org.s11portal.common.config.PortalClock;
import org.s11portal.common.observability.BusinessMetrics;
import org.s11portal.common.web.FormErrors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

/**
 * Feedback letters, one transaction per call: drafts made from the panel's record, their individual paragraphs edited
 * with lost-update detection, previews, issuing (which moves the assessment to feedback issued through
 * {@link AssessmentLifecycle}) and reissuing. Who may do what is decided here: moderators whose scope includes the
 * assessment ({@link AssessmentScope}) work on letters; an agency's leads read its issued and superseded letters;
 * everyone else, and a lead asking for a draft, gets 404.
 */
@ApplicationScoped
public class LetterService {

    /** The longest text of one paragraph box. */
    public static final int MAX_PARAGRAPHS = 10_000;
    public static final int MAX_REASON = 2_000;

    @Inject
    AssessmentScope scope;

    @Inject
    CurrentUser currentUser;

    @Inject
    AssessmentLifecycle lifecycle;

    @Inject
    LetterRenderer renderer;

    @Inject
    LetterEmails letterEmails;

    @Inject
    PortalClock clock;

    @Inject
    ObjectMapper json;

    @Inject
    BusinessMetrics metrics;

    /** One box of individual paragraphs on the edit page, with what the portal states itself under it. */
    public record ParagraphField(String name, String label, String value, List<String> findings) {

        /** The portal's own findings under this box, as the hint says them; null when there are none. */
        public String findingsHint() {
            return findings.isEmpty() ? null
                    : "The letter also states what the portal found in the submission: " + String.join("; ", findings) + ".";
        }
    }

    /** A letter as the moderator works on it: the letter, its content (with the edited paragraphs) and the boxes. */
    public record LetterPage(FeedbackLetter letter, Assessment assessment, LetterContent content,
            List<ParagraphField> fields, FormErrors errors, String reason, Long supersedesId, Long supersededById) {

        /** Why the letter can no longer be changed, issued or reissued (its cycle is closed), or null. */
        public String closed() {
            return AssessmentLifecycle.closedReason(assessment);
        }
    }

    /** Both versions of the paragraphs, when someone saved the letter after the editor read it. */
    public record ConflictPage(FeedbackLetter letter, Assessment assessment, List<ParagraphConflict> conflicts,
            Map<String, String> yours) {
    }

    public record ParagraphConflict(String name, String label, String theirs, String yours) {
    }

    public sealed interface EditOutcome permits Saved, NotSaved, Conflicted {
    }

    public record Saved(FeedbackLetter letter) implements EditOutcome {
    }

    /** Refused for what was typed (400) or because the letter is no longer a draft (409). */
    public record NotSaved(int status, LetterPage page) implements EditOutcome {
    }

    public record Conflicted(ConflictPage page) implements EditOutcome {
    }

    public sealed interface IssueOutcome permits Issued, NotIssued {
    }

    public record Issued(FeedbackLetter letter) implements IssueOutcome {
    }

    /** Nothing changed: why (the letter is not a draft, or the assessment is not moderated). */
    public record NotIssued(FeedbackLetter letter, String reason) implements IssueOutcome {
    }

    /** The letter's body for the preview page. */
    public record Preview(FeedbackLetter letter, Assessment assessment, String body) {
    }

    /** An issued letter's bytes with the name to save them under. */
    public record Download(FeedbackLetter letter, String filename, byte[] bytes) {
    }

    /** The letters of one assessment, newest first. */
    public record AssessmentLetters(Assessment assessment, List<FeedbackLetter> letters) {
    }

    // ---------------------------------------------------------------- drafts

    /**
     * Makes the draft letter of an assessment from the panel's record, with the newest version of its template (the
     * joint one for a joint agency, otherwise its partnership's local one). An assessment has at most one draft:
     * making it again replaces the draft's content and paragraphs. Callers (the panel, demo data) have checked who
     * is asking; this does not.
     */
    @Transactional
    public FeedbackLetter createDraft(Assessment assessment, LetterContent content) {
        Assessment a = Assessment.findById(assessment.id);
        LetterTemplate template = LetterTemplate.currentFor(a.agency);
        if (template == null) {
            throw new IllegalStateException("no letter template for " + LetterTemplate.scopeKeyFor(a.agency));
        }
        FeedbackLetter letter = FeedbackLetter.draftFor(a);
        if (letter == null) {
            letter = new FeedbackLetter();
            letter.assessment = a;
        }
        letter.template = template;
        letter.contentJson = write(content);
        letter.paragraphsJson = write(content.paragraphs());
        letter.persist();
        return letter;
    }

    /** The letters of an assessment, for a moderator whose scope includes it. */
    @Transactional
    public AssessmentLetters lettersOf(long assessmentId) {
        requireModerator();
        Assessment assessment = scope.assessment(assessmentId);
        List<FeedbackLetter> letters = FeedbackLetter.listForAssessment(assessment);
        letters.forEach(l -> l.template.describe());
        return new AssessmentLetters(assessment, letters);
    }

    /** A letter for the moderator: its paragraphs in boxes (a draft) or its details (issued or superseded). */
    @Transactional
    public LetterPage page(long letterId) {
        FeedbackLetter letter = moderatorsLetter(letterId, false);
        return page(letter, paragraphs(letter), FormErrors.none(), null);
    }

    /**
     * Saves the edited paragraphs of a draft read at {@code version}. Only the letter's own boxes are read from the
     * form; each at most {@link #MAX_PARAGRAPHS} characters. Someone else's save in between gives both versions and
     * overwrites nothing.
     */
    @Transactional
    public EditOutcome editParagraphs(long letterId, int version, Function<String, String> form) {
        FeedbackLetter letter = moderatorsLetter(letterId, true);
        Map<String, String> typed = typed(letter, form);
        if (!letter.isDraft() || AssessmentLifecycle.closedReason(letter.assessment) != null) {
            return new NotSaved(409, page(letter, typed, FormErrors.none(), null));
        }
        FormErrors errors = check(typed);
        if (errors.any()) {
            return new NotSaved(400, page(letter, typed, errors, null));
        }
        if (letter.version != version) {
            Map<String, String> theirs = paragraphs(letter);
            List<ParagraphConflict> conflicts = new ArrayList<>();
            for (ParagraphField field : fields(content(letter), theirs)) {
                conflicts.add(new ParagraphConflict(field.name(), field.label(), theirs.get(field.name()), typed.get(field.name())));
            }
            return new Conflicted(new ConflictPage(letter, letter.assessment, conflicts, typed));
        }
        letter.paragraphsJson = write(typed);
        return new Saved(letter);
    }

    /** The letter's body exactly as the PDF shows it, for the preview page. */
    @Transactional
    public Preview preview(long letterId) {
        FeedbackLetter letter = moderatorsLetter(letterId, false);
        return new Preview(letter, letter.assessment, renderer.body(letter.template, shown(letter)));
    }

    /** A draft as the PDF it would be if issued today (not stored). */
    @Transactional
    public Download previewPdf(long letterId) {
        FeedbackLetter letter = moderatorsLetter(letterId, false);
        return new Download(letter, "draft-" + filename(letter), renderer.pdf(letter.template, shown(letter)));
    }

    // ---------------------------------------------------------------- issuing

    /**
     * Issues a draft: renders the PDF, stores it with its SHA-256, the template version and the content it was made
     * from (dated today), and moves the assessment from moderated to feedback issued through the lifecycle. Refused,
     * changing nothing, when the letter is not a draft or the lifecycle does not allow the move.
     */
    @Transactional
    public IssueOutcome issue(long letterId) {
        return issueOne(moderatorsLetter(letterId, true));
    }

    /** Issues each letter it can, in one transaction; says for each why not when it cannot. */
    @Transactional
    public List<IssueOutcome> issueAll(List<Long> letterIds) {
        List<IssueOutcome> outcomes = new ArrayList<>();
        for (Long id : letterIds) {
            outcomes.add(issueOne(moderatorsLetter(id, true)));
        }
        return outcomes;
    }

    private IssueOutcome issueOne(FeedbackLetter letter) {
        return issueOne(letter, currentUser.user(), null);
    }

    /**
     * Issues a draft (locked by the caller) as {@code moderator}, in the caller's transaction: the part of issuing
     * that {@link #issue}, {@link #issueAll} and {@link LetterBatch} share. {@code rendered} is the PDF already made
     * from this letter's content, template and paragraphs by another thread (a batch), or null to render it here; it
     * is used only when it was made from exactly what the letter shows today.
     */
    IssueOutcome issueOne(FeedbackLetter letter, User moderator, Rendered rendered) {
        if (!letter.isDraft()) {
            return new NotIssued(letter, "This letter has already been issued");
        }
        Assessment assessment = Assessment.findById(letter.assessment.id, LockModeType.PESSIMISTIC_WRITE);
        String closed = AssessmentLifecycle.closedReason(assessment);
        if (closed != null) {
            return new NotIssued(letter, closed);
        }
        AssessmentLifecycle.Actor actor = AssessmentLifecycle.Actor.person(moderator);
        String refusal = lifecycle.refusal(assessment, AssessmentLifecycle.Move.ISSUE_FEEDBACK, actor);
        if (refusal != null) {
            return new NotIssued(letter, "The letter cannot be issued: " + refusal);
        }
        LetterContent content = shown(letter).datedOn(clock.today());
        byte[] pdf = rendered != null && rendered.templateId() == letter.template.id && rendered.content().equals(content)
                ? rendered.pdf() : null;
        store(letter, letter.template, content, moderator, pdf);
        lifecycle.move(assessment, AssessmentLifecycle.Move.ISSUE_FEEDBACK, actor, "Feedback letter issued");
        return new Issued(letter);
    }

    /**
     * Issues a draft as the system, dated on a past day: how loaded data (the demo) issues the letters of panels it
     * records as already held. The same as {@link #issue} (the PDF rendered and stored with its SHA-256, the content
     * dated on the day, the assessment moved to feedback issued through the lifecycle) but with no person: no request
     * can reach this. Refused, as the lifecycle refuses, when the letter is not a draft or the assessment not moderated.
     */
    @Transactional
    public FeedbackLetter issueAsSystem(long letterId, java.time.Instant issuedAt) {
        FeedbackLetter letter = FeedbackLetter.findById(letterId);
        if (letter == null || !letter.isDraft()) {
            throw new IllegalStateException("letter " + letterId + " is not a draft");
        }
        Assessment assessment = Assessment.findById(letter.assessment.id, LockModeType.PESSIMISTIC_WRITE);
        AssessmentLifecycle.Actor system = AssessmentLifecycle.Actor.system();
        String refusal = lifecycle.refusal(assessment, AssessmentLifecycle.Move.ISSUE_FEEDBACK, system);
        if (refusal != null) {
            throw new IllegalStateException("letter " + letterId + " cannot be issued: " + refusal);
        }
        LetterContent content = shown(letter).datedOn(issuedAt.atZone(clock.clock().getZone()).toLocalDate());
        byte[] pdf = renderer.pdf(letter.template, content);
        letter.contentJson = write(content);
        letter.paragraphsJson = write(content.paragraphs());
        letter.pdf = pdf;
        letter.sha256 = Sha256.hex(pdf);
        letter.issuedAt = issuedAt;
        letter.issuedBy = null;
        letter.issuedByName = "System";
        letter.state = LetterState.ISSUED;
        letter.persist();
        letterEmails.issued(letter);
        lifecycle.move(assessment, AssessmentLifecycle.Move.ISSUE_FEEDBACK, system, "Feedback letter issued");
        return letter;
    }

    /** A draft's PDF made ahead of issuing (by a batch's thread), with what it was made from. */
    record Rendered(long templateId, LetterContent content, byte[] pdf) {
    }

    /** A draft rendered as it would be issued today, without storing anything (for a batch's threads). */
    Rendered render(LetterTemplate template, LetterContent shownToday) {
        return new Rendered(template.id, shownToday, renderer.pdf(template, shownToday));
    }

    /** The reissue form: the issued letter's paragraphs to correct, and the reason. */
    @Transactional
    public LetterPage reissueForm(long letterId) {
        FeedbackLetter letter = moderatorsLetter(letterId, false);
        if (letter.state != LetterState.ISSUED) {
            throw new NotFoundException();
        }
        return page(letter, paragraphs(letter), FormErrors.none(), null);
    }

    public sealed interface ReissueOutcome permits Reissued, NotReissued {
    }

    public record Reissued(FeedbackLetter letter) implements ReissueOutcome {
    }

    public record NotReissued(int status, LetterPage page) implements ReissueOutcome {
    }

    /**
     * Corrects an issued letter: a new issued letter (with the corrected paragraphs, the newest version of the same
     * template, dated today) that supersedes it, and the reason. The old letter is kept, marked superseded, and can
     * still be downloaded. The assessment's state does not change.
     */
    @Transactional
    public ReissueOutcome reissue(long letterId, String reason, Function<String, String> form) {
        FeedbackLetter old = moderatorsLetter(letterId, true);
        Map<String, String> typed = typed(old, form);
        String why = reason == null ? "" : reason.strip();
        FormErrors errors = check(typed);
        if (why.isEmpty()) {
            errors.add("reason", "Enter why the letter is being reissued");
        } else if (why.length() > MAX_REASON) {
            errors.add("reason", "The reason must be " + MAX_REASON + " characters or fewer");
        }
        if (old.state != LetterState.ISSUED || AssessmentLifecycle.closedReason(old.assessment) != null) {
            return new NotReissued(409, page(old, typed, FormErrors.none(), why));
        }
        if (errors.any()) {
            return new NotReissued(400, page(old, typed, errors, why));
        }
        LetterContent content = content(old).withParagraphs(typed).datedOn(clock.today());
        LetterTemplate template = LetterTemplate.current(old.template.scopeKey);
        old.state = LetterState.SUPERSEDED;
        old.persistAndFlush();
        FeedbackLetter letter = new FeedbackLetter();
        letter.assessment = old.assessment;
        letter.supersedes = old;
        letter.reissueReason = why;
        letter.paragraphsJson = write(typed);
        store(letter, template, content, currentUser.user());
        return new Reissued(letter);
    }

    private void store(FeedbackLetter letter, LetterTemplate template, LetterContent content, User by) {
        store(letter, template, content, by, null);
    }

    private void store(FeedbackLetter letter, LetterTemplate template, LetterContent content, User by, byte[] rendered) {
        byte[] pdf = rendered != null ? rendered : renderer.pdf(template, content);
        letter.template = template;
        letter.contentJson = write(content);
        letter.paragraphsJson = write(content.paragraphs());
        letter.pdf = pdf;
        letter.sha256 = Sha256.hex(pdf);
        letter.issuedAt = clock.now();
        letter.issuedBy = by;
        letter.issuedByName = by.displayName;
        letter.state = LetterState.ISSUED;
        letter.persist();
        letterEmails.issued(letter);
        metrics.letterIssued();
    }

    // ---------------------------------------------------------------- reading issued letters

    /**
     * An issued or superseded letter's PDF, exactly the stored bytes: for a moderator whose scope includes it, or a
     * lead of its own agency. Drafts, and everything out of scope, are not found.
     */
    @Transactional
    public Download download(long letterId) {
        FeedbackLetter letter = readableLetter(letterId);
        return new Download(letter, filename(letter), letter.pdf);
    }

    /** An issued or superseded letter's details, for those who may download it. */
    @Transactional
    public FeedbackLetter issued(long letterId) {
        FeedbackLetter letter = readableLetter(letterId);
        letter.template.describe();
        letter.assessment.cycle.name.length();
        return letter;
    }

    /** The issued and superseded letters of an assessment, for its moderators and its agency's leads. */
    @Transactional
    public AssessmentLetters issuedLettersOf(long assessmentId) {
        Assessment assessment = scope.assessment(assessmentId);
        if (!currentUser.isModerator() && !currentUser.isAgencyLead()) {
            throw new NotFoundException();
        }
        List<FeedbackLetter> letters = FeedbackLetter.listForAssessment(assessment).stream()
                .filter(FeedbackLetter::isIssuedOrSuperseded).toList();
        letters.forEach(l -> l.template.describe());
        return new AssessmentLetters(assessment, letters);
    }

    /** The issued and superseded letters of the agency the lead works for, newest first, every cycle. */
    @Transactional
    public List<FeedbackLetter> leadLetters() {
        Agency agency = currentUser.leadAgency();
        if (agency == null) {
            throw new NotFoundException();
        }
        List<FeedbackLetter> letters = FeedbackLetter.list(
                "select l from FeedbackLetter l join fetch l.assessment a join fetch a.cycle"
                        + " where a.agency = ?1 and l.state in ?2 order by l.id desc",
                agency, List.of(LetterState.ISSUED, LetterState.SUPERSEDED));
        return letters;
    }

    /**
     * Whether an assessment has any letter (for the link from the assessment's page): one read, outside any
     * transaction, while the page renders.
     */
    public boolean hasLetters(long assessmentId) {
        return FeedbackLetter.count("assessment.id", assessmentId) > 0;
    }

    // ---------------------------------------------------------------- helpers

    /** The letter, for a moderator whose scope includes its assessment; everyone else 404. Locked when it will change. */
    private FeedbackLetter moderatorsLetter(long letterId, boolean forUpdate) {
        requireModerator();
        FeedbackLetter letter = forUpdate ? FeedbackLetter.findById(letterId, LockModeType.PESSIMISTIC_WRITE)
                : FeedbackLetter.findById(letterId);
        if (letter == null) {
            throw new NotFoundException();
        }
        scope.assessment(letter.assessment.id);
        return letter;
    }

    private FeedbackLetter readableLetter(long letterId) {
        FeedbackLetter letter = FeedbackLetter.findById(letterId);
        if (letter == null || !letter.isIssuedOrSuperseded() || !(currentUser.isModerator() || currentUser.isAgencyLead())) {
            throw new NotFoundException();
        }
        scope.assessment(letter.assessment.id);
        return letter;
    }

    private void requireModerator() {
        if (!currentUser.isModerator()) {
            throw new NotFoundException();
        }
    }

    private LetterPage page(FeedbackLetter letter, Map<String, String> paragraphs, FormErrors errors, String reason) {
        LetterContent content = content(letter);
        letter.template.describe();
        letter.assessment.agency.name.length();
        FeedbackLetter next = letter.state == LetterState.SUPERSEDED ? letter.supersededBy() : null;
        return new LetterPage(letter, letter.assessment, content.withParagraphs(paragraphs), fields(content, paragraphs),
                errors, reason, letter.supersedes == null ? null : letter.supersedes.id, next == null ? null : next.id);
    }

    /** The boxes of a letter: strengths, then areas for development per standard with the portal's own findings. */
    private static List<ParagraphField> fields(LetterContent content, Map<String, String> paragraphs) {
        List<ParagraphField> fields = new ArrayList<>();
        fields.add(new ParagraphField(LetterContent.STRENGTHS, "What the agency does well",
                paragraphs.getOrDefault(LetterContent.STRENGTHS, ""), List.of()));
        for (LetterContent.Development d : content.development()) {
            String name = LetterContent.DEVELOPMENT_PREFIX + d.code();
            fields.add(new ParagraphField(name, "Areas for development: " + d.code() + " " + (d.title() == null ? "" : d.title()),
                    paragraphs.getOrDefault(name, ""), d.findings()));
        }
        return fields;
    }

    /** What was typed in the letter's own boxes (nothing else is read). */
    private Map<String, String> typed(FeedbackLetter letter, Function<String, String> form) {
        Map<String, String> typed = new LinkedHashMap<>();
        for (String name : content(letter).paragraphs().keySet()) {
            String value = form.apply(name);
            typed.put(name, value == null ? "" : value);
        }
        return typed;
    }

    static FormErrors check(Map<String, String> typed) {
        FormErrors errors = FormErrors.none();
        typed.forEach((name, text) -> {
            if (text != null && text.length() > MAX_PARAGRAPHS) {
                errors.add(name, "This box must be " + MAX_PARAGRAPHS + " characters or fewer");
            }
        });
        return errors;
    }

    /** The content as the letter shows it: the recorded content with the edited paragraphs. */
    LetterContent shown(FeedbackLetter letter) {
        return content(letter).withParagraphs(paragraphs(letter));
    }

    LetterContent content(FeedbackLetter letter) {
        try {
            return json.readValue(letter.contentJson, LetterContent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("letter " + letter.id + " has unreadable content", e);
        }
    }

    Map<String, String> paragraphs(FeedbackLetter letter) {
        try {
            return json.readValue(letter.paragraphsJson, new TypeReference<LinkedHashMap<String, String>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("letter " + letter.id + " has unreadable paragraphs", e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** "feedback-letter-some-agency-12.pdf": ASCII only. */
    static String filename(FeedbackLetter letter) {
        String slug = letter.assessment.agency.name.toLowerCase(java.util.Locale.UK).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-+|-+$)", "");
        if (slug.length() > 60) {
            slug = slug.substring(0, 60);
        }
        return "feedback-letter-" + (slug.isEmpty() ? "agency" : slug) + "-" + letter.id + ".pdf";
    }
}
