package org.s11portal.letter;

import java.time.Instant;
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
import jakarta.ws.rs.core.Response;

/**
 * Issued feedback letters as JSON (metadata) and PDF, for moderators in scope and the agency's own leads: the same
 * scope as the pages. Drafts never appear here. Signed in by the session cookie; errors are application/problem+json.
 */
@Path("/api/v1/letters/{letterId}")
@RolesAllowed({ Roles.AGENCY_LEAD, Roles.MODERATOR, Roles.PARTNERSHIP_ADMIN })
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Feedback letters")
public class LetterApiResource {

    /**
     * An issued or superseded letter: state ISSUED or SUPERSEDED; sha256 is the hex SHA-256 of the bytes the pdf link
     * serves; supersedes / supersededBy link a reissue to the letter it replaced.
     */
    public record LetterJson(long id, long assessmentId, String agency, String cycle, String state, Instant issuedAt,
            String issuedBy, String template, int templateVersion, String sha256, String reissueReason, Long supersedes,
            Long supersededBy, String pdf) {

        static LetterJson of(FeedbackLetter l) {
            FeedbackLetter next = l.state == LetterState.SUPERSEDED ? l.supersededBy() : null;
            return new LetterJson(l.id, l.assessment.id, l.assessment.agency.name, l.assessment.cycle.name, l.state.name(),
                    l.issuedAt, l.issuedByName, l.template.kind.name(), l.template.version, l.sha256, l.reissueReason,
                    l.supersedes == null ? null : l.supersedes.id, next == null ? null : next.id,
                    "/api/v1/letters/" + l.id + "/pdf");
        }
    }

    @Inject
    LetterService letters;

    @Inject
    LetterJsons jsons;

    @GET
    @Operation(summary = "An issued or superseded feedback letter's metadata (drafts are not found)")
    public LetterJson get(@PathParam("letterId") long letterId) {
        return jsons.letter(letterId);
    }

    @GET
    @Path("pdf")
    @Produces("application/pdf")
    @Operation(summary = "The issued letter as PDF: exactly the stored bytes, whose SHA-256 the metadata gives")
    public Response pdf(@PathParam("letterId") long letterId) {
        return LetterResource.pdf(letters.download(letterId), "attachment");
    }
}
