package org.s11portal.home;

import java.util.List;

import org.s11portal.account.Roles;
import org.s11portal.common.persistence.RetriesConflicts;
import org.s11portal.common.web.FormErrors;
import org.s11portal.common.web.InputProblem;
import org.s11portal.common.web.Redirects;
import org.s11portal.common.web.Violations;
import org.s11portal.cycle.DeadlineExtension;
import org.s11portal.cycle.ExtensionForm;
import org.s11portal.cycle.ExtensionService;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** An agency's profile page: areas, route, headcount and its submissions by cycle. */
@Path("/agencies")
@RolesAllowed({ Roles.AGENCY_LEAD, Roles.MODERATOR, Roles.PARTNERSHIP_ADMIN })
@Produces(MediaType.TEXT_HTML)
public class AgencyResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance show(AgencyService.AgencyProfile profile, DeadlineExtension extension,
                ExtensionForm form, FormErrors errors, boolean extended);
    }

    @Inject
    AgencyService agencyService;

    @Inject
    ExtensionService extensions;

    @Inject
    Validator validator;

    @GET
    @Path("{id}")
    public TemplateInstance show(@PathParam("id") long id, @QueryParam("extended") boolean extended) {
        AgencyService.AgencyProfile profile = agencyService.profile(id);
        return Templates.show(profile, profile.extension(), new ExtensionForm(), FormErrors.none(), extended);
    }

    @RetriesConflicts
    @POST
    @Path("{id}/extensions")
    public Response grantExtension(@PathParam("id") long id, @BeanParam ExtensionForm form) {
        ExtensionForm.Parts typed = form.parts();
        List<InputProblem> parts = Violations.problems(validator.validate(typed));
        List<InputProblem> problems = extensions.grant(id,
                new ExtensionService.ExtensionRequest(typed.newDue().toDate(), form.reason));
        FormErrors errors = Violations.page(ExtensionForm.class, parts, problems);
        if (errors.any()) {
            AgencyService.AgencyProfile profile = agencyService.profile(id);
            return Response.status(400).entity(Templates.show(profile, profile.extension(), form, errors, false)).build();
        }
        return Redirects.seeOther("/agencies/" + id + "?extended=true");
    }
}
