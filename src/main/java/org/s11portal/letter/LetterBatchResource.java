package org.s11portal.letter;

import java.util.ArrayList;
import java.util.List;

import org.s11portal.account.Roles;
import org.s11portal.common.web.Redirects;
import org.s11portal.common.web.SafeRedirect;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

/**
 * "Issue all": a moderator issues several draft letters at once (a panel's page posts the ids as repeated
 * {@code letter} fields, and {@code next}, the page to return to). Every letter must be in the moderator's scope
 * (otherwise 404 and nothing is issued); a letter that cannot be issued (not moderated, already issued) is counted,
 * not fatal. Answers 303 to {@code next} (one of our paths, else home) with {@code issued=N&notIssued=M}.
 */
@Path("/feedback-letters/issue")
@RolesAllowed({ Roles.MODERATOR, Roles.AGENCY_LEAD, Roles.PARTNERSHIP_ADMIN })
public class LetterBatchResource {

    @Inject
    LetterService letters;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response issueAll(MultivaluedMap<String, String> form) {
        List<Long> ids = new ArrayList<>();
        for (String value : form.getOrDefault("letter", List.of())) {
            try {
                ids.add(Long.parseLong(value.strip()));
            } catch (NumberFormatException e) {
                // not a letter: ignored, as an unticked box would be
            }
        }
        List<LetterService.IssueOutcome> outcomes = letters.issueAll(ids);
        long issued = outcomes.stream().filter(LetterService.Issued.class::isInstance).count();
        String next = form.getFirst("next");
        String target = SafeRedirect.isLocalPath(next) && !next.startsWith("/sign-in") ? next : "/home";
        return Redirects.seeOther(target + (target.contains("?") ? "&" : "?") + "issued=" + issued + "&notIssued="
                + (outcomes.size() - issued));
    }
}
