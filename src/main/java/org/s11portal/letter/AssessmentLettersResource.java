package org.s11portal.letter;

import org.s11portal.account.Roles;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The letters of one assessment, for moderators whose scope includes it (linked from the assessment's page). */
@Path("/assessments/{id}/letters")
@RolesAllowed({ Roles.MODERATOR, Roles.AGENCY_LEAD, Roles.PARTNERSHIP_ADMIN })
@Produces(MediaType.TEXT_HTML)
public class AssessmentLettersResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(LetterService.AssessmentLetters letters);
    }

    @Inject
    LetterService letters;

    @GET
    public TemplateInstance list(@PathParam("id") long id) {
        return Templates.list(letters.lettersOf(id));
    }
}
