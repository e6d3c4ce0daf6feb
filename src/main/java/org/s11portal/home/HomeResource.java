package org.s11portal.home;

import java.util.List;
import java.util.Optional;

import org.s11portal.account.CurrentUser;
import org.s11portal.account.Roles;
import org.s11portal.agency.Area;
import org.s11portal.common.web.FormErrors;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The page each role lands on after signing in. */
@Path("/home")
@RolesAllowed({ Roles.AGENCY_LEAD, Roles.MODERATOR, Roles.PARTNERSHIP_ADMIN })
@Produces(MediaType.TEXT_HTML)
public class HomeResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance lead(HomeService.LeadHome home);

        static native TemplateInstance moderator(HomeService.ModeratorHome home, List<Area> areas, FormErrors errors);

        static native TemplateInstance admin(HomeService.AdminHome home);
    }

    @Inject
    HomeService homeService;

    @Inject
    CurrentUser currentUser;

    @GET
    public TemplateInstance home(@QueryParam("area") String area) {
        if (currentUser.isAgencyLead()) {
            return Templates.lead(homeService.leadHome());
        }
        if (currentUser.isModerator()) {
            FormErrors errors = FormErrors.none();
            Optional<Area> filter = parseArea(area, errors);
            return Templates.moderator(homeService.moderatorHome(filter), List.of(Area.values()), errors);
        }
        return Templates.admin(homeService.adminHome());
    }

    private static Optional<Area> parseArea(String area, FormErrors errors) {
        if (area == null || area.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Area.valueOf(area));
        } catch (IllegalArgumentException e) {
            errors.add("area", "Select an area from the list");
            return Optional.empty();
        }
    }
}
