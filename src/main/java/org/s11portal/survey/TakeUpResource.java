package org.s11portal.survey;

import java.util.Arrays;
import java.util.List;

import org.s11portal.account.Roles;
import org.s11portal.agency.Area;

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
        static native TemplateInstance list(List<SurveyService.TakeUp> rows, List<AreaTakeUp> areas, long responses, long headcount,
                Integer overallPercent, int target);
    }

    @Inject
    SurveyService surveys;

    /** Take-up of the agencies working in an area (a joint agency counts in each of its areas). */
    public record AreaTakeUp(Area area, int agencies, long responses, long headcount) {
        public Integer percent() {
            return SurveyService.TakeUp.percentOf(responses, headcount);
        }
    }

    @GET
    public TemplateInstance list() {
        List<SurveyService.TakeUp> rows = surveys.takeUpInScope();
        long responses = rows.stream().mapToLong(SurveyService.TakeUp::responses).sum();
        long headcount = rows.stream().filter(r -> r.headcount() != null).mapToLong(SurveyService.TakeUp::headcount).sum();
        List<AreaTakeUp> areas = Arrays.stream(Area.values()).map(area -> {
            List<SurveyService.TakeUp> inArea = rows.stream()
                    .filter(r -> r.agency().areas.stream().anyMatch(p -> p.code == area)).toList();
            return new AreaTakeUp(area, inArea.size(), inArea.stream().mapToLong(SurveyService.TakeUp::responses).sum(),
                    inArea.stream().filter(r -> r.headcount() != null).mapToLong(SurveyService.TakeUp::headcount).sum());
        }).filter(a -> a.agencies() > 0).toList();
        return Templates.list(rows, areas, responses, headcount, SurveyService.TakeUp.percentOf(responses, headcount),
                rows.isEmpty() ? 0 : rows.get(0).targetPct());
    }
}
