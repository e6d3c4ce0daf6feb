package org.s11portal.moderation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.s11portal.account.CurrentUser;
import org.s11portal.account.Roles;
import org.s11portal.account.User;
import org.s11portal.assessment.Assessment;
import org.s11portal.assessment.AssessmentScope;
import org.s11portal.assessment.AssessmentService;
import org.s11portal.assessment.AssessmentLifecycle;
import org.s11portal.assessment.ReviewComment;
import org.s11portal.assessment.SubmissionSnapshot;
import org.s11portal.assessment.SubmissionVersion;
import org.s11portal.common.config.PortalClock;
import org.s11portal.tool.Standard;

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

    /** One field of one question that differs between two versions. */
    public record Change(String questionCode, String field, String before, String after) {
    }

    public enum ReturnOutcome { RETURNED, NOT_SUBMITTED }

    /**
     * Returns a submitted assessment to its agency with comments per standard (code → text; "" for the
     * whole submission). Only a moderator whose scope includes the agency may do this.
     */
    @Transactional
    public ReturnOutcome returnSubmission(long assessmentId, Map<String, String> comments) {
        Assessment.findById(assessmentId, LockModeType.PESSIMISTIC_WRITE);
        Assessment assessment = assessmentToReturn(assessmentId);
        User moderator = currentUser.user();
        if (!AssessmentLifecycle.canMoveFrom(AssessmentLifecycle.Move.RETURN, assessment)) {
            return ReturnOutcome.NOT_SUBMITTED;
        }
        SubmissionVersion version = SubmissionVersion.latest(assessment);
        List<Standard> standards = assessment.cycle.tool.standards;
        comments.forEach((code, body) -> {
            if (body == null || body.isBlank()) {
                return;
            }
            ReviewComment comment = new ReviewComment();
            comment.assessment = assessment;
            comment.versionNumber = version.number;
            comment.standard = code.isEmpty() ? null
                    : standards.stream().filter(s -> s.code.equals(code)).findFirst().orElseThrow(NotFoundException::new);
            comment.author = moderator;
            comment.authorName = moderator.displayName;
            comment.body = body.strip();
            comment.createdAt = clock.now();
            comment.persist();
        });
        lifecycle.move(assessment, AssessmentLifecycle.Move.RETURN, AssessmentLifecycle.Actor.person(moderator),
                comments.getOrDefault("", "Returned with comments"));
        return ReturnOutcome.RETURNED;
    }

    /** The assessment, when the caller is a moderator whose scope includes it: 404 out of scope, then 403 for other roles. */
    @Transactional
    public Assessment assessmentToReturn(long assessmentId) {
        Assessment assessment = scope.assessment(assessmentId);
        if (!Roles.MODERATOR.equals(currentUser.user().role)) {
            throw new ForbiddenException();
        }
        return assessment;
    }

    /** What changed from version n-1 to version n, field by field; actions compared by their content. */
    @Transactional
    public List<Change> changes(long assessmentId, int number) {
        Assessment assessment = scope.assessment(assessmentId);
        SubmissionVersion after = SubmissionVersion.numbered(assessment, number);
        SubmissionVersion before = SubmissionVersion.numbered(assessment, number - 1);
        if (after == null || before == null) {
            throw new NotFoundException();
        }
        return compare(assessments.read(before), assessments.read(after));
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
