package org.s11portal.moderation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.s11portal.account.Roles;
import org.s11portal.assessment.AssessmentService;
import org.s11portal.assessment.AssessmentWork;
import org.s11portal.common.web.FormErrors;
import org.s11portal.common.web.Redirects;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

/** A moderator returns a submission with comments per standard, and sees what changed when it comes back. */
@Path("/assessments/{id}")
@RolesAllowed({ Roles.MODERATOR, Roles.PARTNERSHIP_ADMIN, Roles.AGENCY_LEAD })
@Produces(MediaType.TEXT_HTML)
public class ReviewResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance returnForm(AssessmentWork work, Map<String, String> comments, FormErrors errors);

        static native TemplateInstance changes(AssessmentWork work, int version, List<ReviewService.Change> changes);
    }

    @Inject
    ReviewService reviews;

    @Inject
    AssessmentService assessments;

    @GET
    @Path("return")
    public TemplateInstance returnForm(@PathParam("id") long id) {
        reviews.assessmentToReturn(id);
        return Templates.returnForm(assessments.work(id), Map.of(), FormErrors.none());
    }

    @POST
    @Path("return")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response returnSubmission(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        reviews.assessmentToReturn(id);
        AssessmentWork work = assessments.work(id);
        Map<String, String> comments = new LinkedHashMap<>();
        comments.put("", form.getFirst("comment-overall"));
        work.standards.forEach(s -> comments.put(s.code, form.getFirst("comment-" + s.code)));
        FormErrors errors = FormErrors.none();
        if (comments.values().stream().allMatch(c -> c == null || c.isBlank())) {
            errors.add("comment-overall", "Write at least one comment so the agency knows what to change");
        }
        comments.forEach((code, body) -> {
            if (body != null && body.length() > ReviewService.MAX_COMMENT) {
                errors.add(code.isEmpty() ? "comment-overall" : "comment-" + code,
                        "Comments must be " + ReviewService.MAX_COMMENT + " characters or fewer");
            }
        });
        if (errors.any()) {
            return Response.status(400).entity(Templates.returnForm(work, comments, errors)).build();
        }
        if (reviews.returnSubmission(id, comments) == ReviewService.ReturnOutcome.NOT_SUBMITTED) {
            errors.add("comment-overall", "Only a submitted self-assessment can be returned; this one is "
                    + work.assessment.state.label.toLowerCase());
            return Response.status(409).entity(Templates.returnForm(work, comments, errors)).build();
        }
        return Redirects.seeOther("/assessments/" + id + "/view?returned=1");
    }

    @GET
    @Path("changes")
    public TemplateInstance changes(@PathParam("id") long id, @QueryParam("version") int version) {
        return Templates.changes(assessments.work(id), version, reviews.changes(id, version));
    }
}
