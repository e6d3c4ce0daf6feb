package org.s11portal.moderation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.s11portal.account.CurrentUser;
import org.s11portal.account.Roles;
import org.s11portal.account.User;
import org.s11portal.assessment.Assessment;
import org.s11portal.assessment.AssessmentScope;
import org.s11portal.assessment.AssessmentLifecycle;
import org.s11portal.assessment.AssessmentService;
import org.s11portal.assessment.AssessmentWork;
import org.s11portal.assessment.ReviewComment;
import org.s11portal.assessment.SubmissionSnapshot;
import org.s11portal.assessment.SubmissionVersion;
import org.s11portal.common.config.PortalClock;
import org.s11portal.common.web.FormErrors;

import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

/** Moderators returning a submission with comments, and comparing what changed between versions. */
@ApplicationScoped
public class ReviewService {

    public static final int MAX_COMMENT = 5_000;

    @Inject
    PortalClock clock;

    @Inject
    AssessmentScope scope;

    @Inject
    CurrentUser currentUser;

    @Inject
    AssessmentService assessments;

    @Inject
    AssessmentLifecycle lifecycle;

    @Inject
    ReturnEmails returnEmails;

    /** One field of one question that differs between two versions. */
    public record Change(String questionCode, String field, String before, String after) {
    }

    /**
     * The return form: the assessment as the moderator reads it, the comments as typed (code → text; "" for the
     * whole submission), the errors, and, when the return was refused because the submission is no longer waiting,
     * what was typed by heading so that nothing is lost.
     */
    public record ReturnPage(AssessmentWork work, Map<String, String> comments, FormErrors errors,
            Map<String, String> typed) {
    }

    /** What a return came to: done, or refused with the page to show again and its status (400 or 409). */
    public sealed interface ReturnOutcome permits Returned, NotReturned {
    }

    public record Returned() implements ReturnOutcome {
    }

    public record NotReturned(int status, ReturnPage page) implements ReturnOutcome {
    }

    /** The empty return form, for a moderator whose scope includes the assessment. */
    @Transactional
    public ReturnPage returnForm(long assessmentId) {
        return new ReturnPage(assessments.work(assessmentToReturn(assessmentId)), Map.of(), FormErrors.none(), Map.of());
    }

    /**
     * Returns a submitted assessment to its agency with comments per standard (the form's "comment-overall" and
     * "comment-CODE" fields). At least one comment, none longer than {@link #MAX_COMMENT}. Only a moderator whose
     * scope includes the agency may do this; a submission no longer waiting is refused with what was typed.
     */
    @Transactional
    public ReturnOutcome returnSubmission(long assessmentId, Function<String, String> form) {
        Assessment.findById(assessmentId, LockModeType.PESSIMISTIC_WRITE);
        Assessment assessment = assessmentToReturn(assessmentId);
        AssessmentWork work = assessments.work(assessment);
        Map<String, String> comments = new LinkedHashMap<>();
        comments.put("", form.apply("comment-overall"));
        work.standards.forEach(s -> comments.put(s.code, form.apply("comment-" + s.code)));
        FormErrors errors = check(comments);
        if (errors.any()) {
            return new NotReturned(400, new ReturnPage(work, comments, errors, Map.of()));
        }
        if (!AssessmentLifecycle.canMoveFrom(AssessmentLifecycle.Move.RETURN, assessment)) {
            // the page says why, without a form; what was typed is shown so that nothing is lost
            Map<String, String> typed = new LinkedHashMap<>();
            comments.forEach((code, body) -> {
                if (body != null && !body.isBlank()) {
                    typed.put(code.isEmpty() ? "Overall comment" : code + " " + work.standard(code).title, body);
                }
            });
            return new NotReturned(409, new ReturnPage(work, comments, errors, typed));
        }
        User moderator = currentUser.user();
        SubmissionVersion version = SubmissionVersion.latest(assessment);
        comments.forEach((code, body) -> {
            if (body == null || body.isBlank()) {
                return;
            }
            ReviewComment comment = new ReviewComment();
            comment.assessment = assessment;
            comment.versionNumber = version.number;
            comment.standard = code.isEmpty() ? null : work.standard(code);
            comment.author = moderator;
            comment.authorName = moderator.displayName;
            comment.body = body.strip();
            comment.createdAt = clock.now();
            comment.persist();
        });
        lifecycle.move(assessment, AssessmentLifecycle.Move.RETURN, AssessmentLifecycle.Actor.person(moderator),
                comments.getOrDefault("", "Returned with comments"));
        returnEmails.returned(assessment, version.number);
        return new Returned();
    }

    /** At least one comment, and none too long. */
    static FormErrors check(Map<String, String> comments) {
        FormErrors errors = FormErrors.none();
        if (comments.values().stream().allMatch(c -> c == null || c.isBlank())) {
            errors.add("comment-overall", "Write at least one comment so the agency knows what to change");
        }
        comments.forEach((code, body) -> {
            if (body != null && body.length() > MAX_COMMENT) {
                errors.add(code.isEmpty() ? "comment-overall" : "comment-" + code,
                        "Comments must be " + MAX_COMMENT + " characters or fewer");
            }
        });
        return errors;
    }

    /** The assessment, when the caller is a moderator whose scope includes it: 404 out of scope, then 403 for other roles. */
    private Assessment assessmentToReturn(long assessmentId) {
        Assessment assessment = scope.assessment(assessmentId);
        if (!Roles.MODERATOR.equals(currentUser.user().role)) {
            throw new ForbiddenException();
        }
        return assessment;
    }

    /** What changed in version n of an assessment, with the assessment as the reader sees it. */
    public record ChangesPage(AssessmentWork work, int version, List<Change> changes) {
    }

    /** What changed from version n-1 to version n, field by field; actions compared by their content. */
    @Transactional
    public ChangesPage changes(long assessmentId, int number) {
        Assessment assessment = scope.assessment(assessmentId);
        SubmissionVersion after = SubmissionVersion.numbered(assessment, number);
        SubmissionVersion before = SubmissionVersion.numbered(assessment, number - 1);
        if (after == null || before == null) {
            throw new NotFoundException();
        }
        return new ChangesPage(assessments.work(assessment), number, compare(assessments.read(before), assessments.read(after)));
    }

    static List<Change> compare(SubmissionSnapshot before, SubmissionSnapshot after) {
        List<Change> changes = new ArrayList<>();
        for (SubmissionSnapshot.StandardEntry standard : after.standards()) {
            for (SubmissionSnapshot.AnswerEntry answer : standard.answers()) {
                SubmissionSnapshot.AnswerEntry old = before.standards().stream()
                        .flatMap(s -> s.answers().stream())
                        .filter(a -> a.questionCode().equals(answer.questionCode()))
                        .findFirst().orElse(null);
                add(changes, answer.questionCode(), "Rating", old == null ? null : old.ratingLabel(), answer.ratingLabel());
                add(changes, answer.questionCode(), "Evidence", old == null ? null : old.evidence(), answer.evidence());
                add(changes, answer.questionCode(), "Evidence of impact", old == null ? null : old.impact(), answer.impact());
                add(changes, answer.questionCode(), "Why not applicable", old == null ? null : old.naReason(), answer.naReason());
            }
        }
        for (SubmissionSnapshot.ActionEntry action : after.actions()) {
            SubmissionSnapshot.ActionEntry old = before.actions().stream().filter(a -> a.id() == action.id()).findFirst().orElse(null);
            String label = action.standardCode() + " action";
            if (old == null) {
                changes.add(new Change(label, "New action", null, action.action()));
            } else {
                add(changes, label, "Action", old.action(), action.action());
                add(changes, label, "Measure", old.measure(), action.measure());
                add(changes, label, "Target date", old.targetDate(), action.targetDate());
            }
        }
        for (SubmissionSnapshot.ActionEntry old : before.actions()) {
            if (after.actions().stream().noneMatch(a -> a.id() == old.id())) {
                changes.add(new Change(old.standardCode() + " action", "Removed action", old.action(), null));
            }
        }
        return changes;
    }

    private static void add(List<Change> changes, String code, String field, String before, String after) {
        if (!Objects.equals(blankToNull(before), blankToNull(after))) {
            changes.add(new Change(code, field, before, after));
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
