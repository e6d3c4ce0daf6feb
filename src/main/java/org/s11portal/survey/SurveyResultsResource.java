package org.s11portal.survey;

import java.util.List;

import org.s11portal.agency.Agency;
import org.s11portal.common.security.CurrentUser;
import org.s11portal.common.security.Roles;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Survey results: charts with data tables, breakdowns and free text, and a CSV of the aggregated figures. */
@Path("/survey-results")
@RolesAllowed({ Roles.AGENCY_LEAD, Roles.MODERATOR, Roles.PARTNERSHIP_ADMIN })
public class SurveyResultsResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance results(SurveyResults.Results results, List<Agency> agencies, Long agency);
    }

    @Inject
    SurveyResultsService results;

    @Inject
    CurrentUser currentUser;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page(@QueryParam("agency") Long agency) {
        List<Agency> choices = currentUser.isAgencyLead() ? List.of() : results.agenciesInScope();
        return Templates.results(results.results(agency), choices, agency);
    }

    @GET
    @Path("results.csv")
    @Produces("text/csv")
    public Response csv(@QueryParam("agency") Long agency) {
        SurveyResults.Results r = results.results(agency);
        return Response.ok(SurveyCsv.of(r))
                .header("Content-Disposition", "attachment; filename=\"staff-survey-results.csv\"")
                .build();
    }
}
