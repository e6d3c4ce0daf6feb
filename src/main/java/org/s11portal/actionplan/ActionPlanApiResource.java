package org.s11portal.actionplan;

import static org.s11portal.assessment.AssessmentApiResource.errorList;
import static org.s11portal.assessment.AssessmentApiResource.problem;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.s11portal.account.Roles;
import org.s11portal.assessment.AssessmentApiResource.ActionJson;
import org.s11portal.common.config.PortalClock;
import org.s11portal.common.web.Violations;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The action plan of a self-assessment as JSON (see {@link org.s11portal.assessment.AssessmentApiResource}, which
 * lists the actions): the same validation as the pages; errors are application/problem+json.
 */
@Path("/api/v1/assessments/{id}/actions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Self-assessment")
public class ActionPlanApiResource {

    @Inject
    ActionPlanService actionPlan;

    @Inject
    PortalClock clock;

    @POST
    @RolesAllowed(Roles.AGENCY_LEAD)
    @Operation(summary = "Add an action; saved even when not yet SMART (notSmart lists what is missing). 409 once submitted")
    public Response addAction(@PathParam("id") long id, ActionJson body) {
        ActionPlanService.ApiSave save;
        try {
            save = actionPlan.saveFromApi(id, null, fields(body));
        } catch (ActionPlanService.NotEditable e) {
            return problem(409, "Not editable", e.lock.message(), null);
        }
        if (save.item() == null) {
            return problem(422, "Invalid action", "The action has errors", errorList(Violations.api(ActionPlanService.ActionFields.class, save.problems())));
        }
        return Response.status(201).entity(ActionJson.of(save.item(), save.work(), clock.today())).build();
    }

    @PUT
    @Path("{actionId}")
    @RolesAllowed(Roles.AGENCY_LEAD)
    @Operation(summary = "Change an action; send the version you read. 409 if someone saved in between")
    public Response updateAction(@PathParam("id") long id, @PathParam("actionId") long actionId, ActionJson body) {
        ActionPlanService.ApiSave save;
        try {
            save = actionPlan.saveFromApi(id, actionId, fields(body));
        } catch (ActionPlanService.NotEditable e) {
            return problem(409, "Not editable", e.lock.message(), null);
        } catch (OptimisticLockException e) {
            return problem(409, "Conflict", "Someone else changed this action after you read it: read it again", null);
        }
        if (save.item() == null) {
            return problem(422, "Invalid action", "The action has errors", errorList(Violations.api(ActionPlanService.ActionFields.class, save.problems())));
        }
        return Response.ok(ActionJson.of(save.item(), save.work(), clock.today())).build();
    }

    /** The JSON as the action's typed values: its dates are dates, checked as they are. */
    private static ActionPlanService.ActionFields fields(ActionJson body) {
        if (body == null) {
            return new ActionPlanService.ActionFields(null, null, null, null, null, null, null, null, null, null, null);
        }
        return new ActionPlanService.ActionFields(body.standard(), body.question(), body.gap(), body.action(), body.measure(),
                body.lead(), body.resources(), body.startDate(), body.targetDate(), body.status(), body.version());
    }
}
