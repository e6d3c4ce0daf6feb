package org.s11portal.moderation;

import java.util.List;
import java.util.Map;

import org.s11portal.account.Roles;
import org.s11portal.assessment.AssessmentWork;
import org.s11portal.common.persistence.RetriesConflicts;
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
        /** typed: the comments a refused return had, by heading, shown so nothing typed is lost. */
        static native TemplateInstance returnForm(AssessmentWork work, Map<String, String> comments, FormErrors errors,
                Map<String, String> typed);

        static native TemplateInstance changes(AssessmentWork work, int version, List<ReviewService.Change> changes);
    }

    @Inject
    ReviewService reviews;

    @GET
    @Path("return")
    public TemplateInstance returnForm(@PathParam("id") long id) {
        return page(reviews.returnForm(id));
    }

    @RetriesConflicts
    @POST
    @Path("return")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response returnSubmission(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        if (reviews.returnSubmission(id, form::getFirst) instanceof ReviewService.NotReturned refused) {
            return Response.status(refused.status()).entity(page(refused.page())).build();
        }
        return Redirects.seeOther("/assessments/" + id + "/view?returned=1");
    }

    @GET
    @Path("changes")
    public TemplateInstance changes(@PathParam("id") long id, @QueryParam("version") int version) {
        ReviewService.ChangesPage page = reviews.changes(id, version);
        return Templates.changes(page.work(), page.version(), page.changes());
    }

    private static TemplateInstance page(ReviewService.ReturnPage page) {
        return Templates.returnForm(page.work(), page.comments(), page.errors(), page.typed());
    }
}
