package org.s11portal.agency;

import org.s11portal.common.security.Roles;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** An agency's profile page: areas, route, headcount and its submissions by cycle. */
@Path("/agencies")
@RolesAllowed({ Roles.AGENCY_LEAD, Roles.MODERATOR, Roles.PARTNERSHIP_ADMIN })
@Produces(MediaType.TEXT_HTML)
public class AgencyResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance show(AgencyService.AgencyProfile profile);
    }

    @Inject
    AgencyService agencyService;

    @GET
    @Path("{id}")
    public TemplateInstance show(@PathParam("id") long id) {
        return Templates.show(agencyService.profile(id));
    }
}
