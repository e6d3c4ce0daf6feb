package org.s11portal.assessment;

import org.s11portal.account.AccessScope;
import org.s11portal.account.CurrentUser;
import org.s11portal.account.Roles;

import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;

/**
 * Which assessments the current user may see and change: those of an agency in their scope
 * ({@link AccessScope}). Anything outside scope is reported as not found.
 */
@ApplicationScoped
public class AssessmentScope {

    @Inject
    AccessScope scope;

    @Inject
    CurrentUser currentUser;

    /** An assessment the current user may see (its agency is in scope); otherwise 404. */
    public Assessment assessment(long assessmentId) {
        Assessment assessment = Assessment.findById(assessmentId);
        if (assessment == null || !scope.canSee(currentUser.user(), assessment.agency)) {
            throw new NotFoundException();
        }
        return assessment;
    }

    /**
     * An assessment the current user may change: only the leads of its own agency. Others who may see it
     * (moderators, admins) are refused with 403; everyone else gets 404.
     */
    public Assessment assessmentToEdit(long assessmentId) {
        Assessment assessment = assessment(assessmentId);
        if (!Roles.AGENCY_LEAD.equals(currentUser.user().role)) {
            throw new ForbiddenException();
        }
        return assessment;
    }
}
