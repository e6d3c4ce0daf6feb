package org.s11portal.monitoring;

import java.util.ArrayList;
import java.util.List;

import org.s11portal.account.Roles;
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

/** The lead chooses which open actions of the previous cycle to carry into this cycle's plan. */
@Path("/assessments/{id}/carry-actions")
@RolesAllowed(Roles.AGENCY_LEAD)
@Produces(MediaType.TEXT_HTML)
public class CarryForwardResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance choose(CarryForwardService.Offer offer, List<Long> chosen, Integer carried, FormErrors errors);
    }

    @Inject
    CarryForwardService carryForward;

    @GET
    public TemplateInstance choose(@PathParam("id") long id, @QueryParam("carried") Integer carried) {
        return Templates.choose(carryForward.offer(id), List.of(), carried, FormErrors.none());
    }

    @RetriesConflicts
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response carry(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        List<Long> chosen = new ArrayList<>();
        for (String value : form.getOrDefault("actions", List.of())) {
            try {
                chosen.add(Long.valueOf(value.trim()));
            } catch (NumberFormatException e) {
                // not one of the offered actions: ignored, as an unticked box
            }
        }
        CarryForwardService.Carried carried = carryForward.carry(id, chosen);
        if (carried.errors().any()) {
            return Response.status(400).entity(Templates.choose(carried.offer(), chosen, null, carried.errors())).build();
        }
        return Redirects.seeOther("/assessments/" + id + "/carry-actions?carried=" + carried.count());
    }
}
