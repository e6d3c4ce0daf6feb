package org.s11portal.account;

import org.jboss.resteasy.reactive.RestForm;
import org.s11portal.common.persistence.RetriesConflicts;
import org.s11portal.common.web.FormErrors;
import org.s11portal.common.web.Redirects;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** "Change agency": a lead of several agencies chooses the one they work for (LeadAgencyService). */
@Path("/account/agency")
@RolesAllowed(Roles.AGENCY_LEAD)
@Produces(MediaType.TEXT_HTML)
public class LeadAgencyResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance choose(LeadAgencyService.Choice choice, FormErrors errors);
    }

    @Inject
    LeadAgencyService leadAgencies;

    @GET
    public TemplateInstance choose() {
        return Templates.choose(leadAgencies.choice(), FormErrors.none());
    }

    @RetriesConflicts
    @POST
    public Response workFor(@CookieParam(SessionService.COOKIE_NAME) String token, @RestForm String agencyId) {
        FormErrors errors = leadAgencies.workFor(token, agencyId);
        if (errors.isEmpty()) {
            return Redirects.seeOther("/home");
        }
        return Response.status(400).entity(Templates.choose(leadAgencies.choice(), errors)).build();
    }
}
