package org.s11portal.survey;

import org.s11portal.account.Roles;
import org.s11portal.common.config.PortalConfig;
import org.s11portal.common.persistence.RetriesConflicts;
import org.s11portal.common.web.FormErrors;
import org.s11portal.common.web.Redirects;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The agency lead's staff-survey page: headcount, the link to share (QR code, poster, email text), take-up. */
@Path("/staff-survey")
@RolesAllowed(Roles.AGENCY_LEAD)
@Produces(MediaType.TEXT_HTML)
public class StaffSurveyResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(SurveyService.LeadSurvey survey, String surveyUrl, String headcount,
                FormErrors errors, String notice);

        static native TemplateInstance poster(SurveyService.LeadSurvey survey, String surveyUrl);
    }

    @Inject
    SurveyService surveys;

    @Inject
    PortalConfig config;

    @GET
    public TemplateInstance page(@QueryParam("done") String done) {
        SurveyService.LeadSurvey survey = surveys.leadSurvey();
        String notice = "headcount".equals(done) ? "The headcount has been saved."
                : "link".equals(done) ? "Your agency has a new survey link. The old link now tells staff to ask you for this one." : null;
        return Templates.page(survey, url(survey), headcount(survey), FormErrors.none(), notice);
    }

    private static String headcount(SurveyService.LeadSurvey survey) {
        return survey.agency().headcount == null ? "" : String.valueOf(survey.agency().headcount);
    }

    @RetriesConflicts
    @POST
    @Path("headcount")
    public Response headcount(@BeanParam HeadcountForm form) {
        SurveyService.HeadcountRefused refused = surveys.setHeadcount(form);
        if (refused != null) {
            return Response.status(400).entity(Templates.page(refused.survey(), url(refused.survey()), form.headcount,
                    refused.errors(), null)).build();
        }
        return Redirects.seeOther("/staff-survey?done=headcount");
    }

    @RetriesConflicts
    @POST
    @Path("link")
    public Response newLink() {
        if (surveys.newLinkForLead() == null) {
            // not taking part: the page says so, and offers no link
            SurveyService.LeadSurvey survey = surveys.leadSurvey();
            return Response.status(409).entity(Templates.page(survey, null, headcount(survey), FormErrors.none(), null)).build();
        }
        return Redirects.seeOther("/staff-survey?done=link");
    }

    @GET
    @Path("qr.svg")
    @Produces("image/svg+xml")
    public String qr() {
        SurveyService.LeadSurvey survey = surveys.leadSurvey();
        if (survey.link() == null) {
            throw new NotFoundException();
        }
        return QrCodes.svg(url(survey), "QR code for the staff survey of " + survey.agency().name);
    }

    @GET
    @Path("poster")
    public TemplateInstance poster() {
        SurveyService.LeadSurvey survey = surveys.leadSurvey();
        if (survey.link() == null) {
            throw new NotFoundException();
        }
        return Templates.poster(survey, url(survey));
    }

    private String url(SurveyService.LeadSurvey survey) {
        return survey.link() == null ? null : config.publicUrl().replaceAll("/$", "") + "/survey/" + survey.link().token;
    }
}
