package org.s11portal.letter;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.s11portal.account.Roles;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The feedback letters of one assessment as JSON: moderators in scope and the agency's own leads; no drafts. */
@Path("/api/v1/assessments/{id}/letters")
@RolesAllowed({ Roles.AGENCY_LEAD, Roles.MODERATOR, Roles.PARTNERSHIP_ADMIN })
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Feedback letters")
public class AssessmentLettersApiResource {

    @Inject
    LetterJsons jsons;

    @GET
    @Operation(summary = "An assessment's issued and superseded feedback letters, newest first (drafts never appear)")
    public List<LetterApiResource.LetterJson> list(@PathParam("id") long id) {
        return jsons.ofAssessment(id);
    }
}
