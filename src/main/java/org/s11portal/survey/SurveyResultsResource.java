package org.s11portal.survey;

import org.s11portal.account.Roles;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Survey results: charts with data tables, breakdowns and free text, and a CSV of the same figures (built from the
 * same {@link SurveyResults.Results}, never computed a second time).
 */
@Path("/survey-results")
@RolesAllowed({ Roles.AGENCY_LEAD, Roles.MODERATOR, Roles.PARTNERSHIP_ADMIN })
public class SurveyResultsResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance results(SurveyResultsService.View view, SurveyResultsService.Page page);
    }

    @Inject
    SurveyResultsService results;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page(@QueryParam("cycle") Long cycle, @QueryParam("agency") Long agency,
            @QueryParam("question") String question, @QueryParam("comments") String comments) {
        SurveyResultsService.Page page = results.page(cycle, agency, question, comments);
        return Templates.results(page.view(), page);
    }

    @GET
    @Path("results.csv")
    @Produces("text/csv")
    public Response csv(@QueryParam("cycle") Long cycle, @QueryParam("agency") Long agency) {
        SurveyResultsService.View view = results.results(cycle, agency);
        if (!view.available()) {
            throw new NotFoundException();
        }
        return Response.ok(SurveyCsv.of(view.results()))
                .header("Content-Disposition", "attachment; filename=\"staff-survey-results.csv\"")
                .build();
    }
}
