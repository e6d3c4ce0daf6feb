package org.s11portal.letter;

import java.util.List;

import org.s11portal.account.Roles;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** "Your feedback letter": an agency lead's issued letters (and those a reissue replaced), to download. */
@Path("/feedback-letter")
@RolesAllowed(Roles.AGENCY_LEAD)
@Produces(MediaType.TEXT_HTML)
public class LeadLetterResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<FeedbackLetter> letters);
    }

    @Inject
    LetterService letters;

    @GET
    public TemplateInstance list() {
        return Templates.list(letters.leadLetters());
    }
}
