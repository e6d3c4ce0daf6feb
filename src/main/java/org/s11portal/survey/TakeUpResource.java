package org.s11portal.survey;

import java.util.List;

import org.s11portal.common.security.Roles;

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
        static native TemplateInstance list(List<SurveyService.TakeUp> rows, long responses, long headcount, Long overallPercent, int target);
    }

    @Inject
    SurveyService surveys;

    @GET
    public TemplateInstance list() {
        List<SurveyService.TakeUp> rows = surveys.takeUpInScope();
        long responses = rows.stream().mapToLong(SurveyService.TakeUp::responses).sum();
        long headcount = rows.stream().filter(r -> r.headcount() != null).mapToLong(SurveyService.TakeUp::headcount).sum();
        return Templates.list(rows, responses, headcount, headcount == 0 ? null : Math.round(responses * 100.0 / headcount),
                rows.isEmpty() ? 0 : rows.get(0).targetPct());
    }
}
