package org.s11portal.survey;

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

/** Staff-survey take-up for moderators and admins: every agency in scope against its headcount and the target. */
@Path("/survey-take-up")
@RolesAllowed({ Roles.MODERATOR, Roles.PARTNERSHIP_ADMIN })
@Produces(MediaType.TEXT_HTML)
public class TakeUpResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<SurveyService.TakeUp> rows, List<SurveyService.AreaTakeUp> areas,
                long responses, long headcount, Integer overallPercent, int target);
    }

    @Inject
    SurveyService surveys;

    @GET
    public TemplateInstance list() {
        SurveyService.TakeUpPage page = surveys.takeUpPage();
        return Templates.list(page.rows(), page.areas(), page.responses(), page.headcount(), page.overallPercent(),
                page.target());
    }
}
