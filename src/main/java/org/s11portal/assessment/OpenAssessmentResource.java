package org.s11portal.assessment;

import org.s11portal.account.Roles;
import org.s11portal.common.persistence.RetriesConflicts;
import org.s11portal.common.web.Redirects;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/** "Start your self-assessment": creates the lead's assessment for the live cycle on first use. */
@Path("/self-assessment")
@RolesAllowed(Roles.AGENCY_LEAD)
public class OpenAssessmentResource {

    @Inject
    AssessmentService assessments;

    @RetriesConflicts
    @POST
    public Response open() {
        return Redirects.seeOther("/assessments/" + assessments.openForCurrentLead().id);
    }
}
