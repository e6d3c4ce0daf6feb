package org.s11portal.actionplan;

import static org.s11portal.assessment.AssessmentApiResource.errorList;
import static org.s11portal.assessment.AssessmentApiResource.problem;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.s11portal.account.Roles;
import org.s11portal.assessment.ActionItem;
import org.s11portal.assessment.AssessmentApiResource.ActionJson;
import org.s11portal.assessment.AssessmentService;
import org.s11portal.assessment.AssessmentWork;
import org.s11portal.common.config.PortalClock;
import org.s11portal.common.web.FormErrors;

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
    AssessmentService assessments;

    @Inject
    ActionPlanService actionPlan;

    @Inject
    PortalClock clock;

    @POST
    @RolesAllowed(Roles.AGENCY_LEAD)
    @Operation(summary = "Add an action; saved even when not yet SMART (notSmart lists what is missing). 409 once submitted")
    public Response addAction(@PathParam("id") long id, ActionJson body) {
        AssessmentWork work = assessments.work(id);
        FormErrors errors = FormErrors.none();
        ActionPlanService.ActionInput input = actionPlan.read(work, form(body), errors);
        if (errors.any()) {
            return problem(422, "Invalid action", "The action has errors", errorList(errors));
        }
        ActionItem item;
        try {
            item = actionPlan.create(id, input);
        } catch (ActionPlanService.NotEditable e) {
            return problem(409, "Not editable", e.lock.message(), null);
        }
        return Response.status(201).entity(ActionJson.of(item, work, clock.today())).build();
    }

    @PUT
    @Path("{actionId}")
    @RolesAllowed(Roles.AGENCY_LEAD)
    @Operation(summary = "Change an action; send the version you read. 409 if someone saved in between")
    public Response updateAction(@PathParam("id") long id, @PathParam("actionId") long actionId, ActionJson body) {
        AssessmentWork work = assessments.work(id);
        FormErrors errors = FormErrors.none();
        ActionPlanService.ActionInput input = actionPlan.read(work, form(body), errors);
        if (errors.any()) {
            return problem(422, "Invalid action", "The action has errors", errorList(errors));
        }
        try {
            return Response.ok(ActionJson.of(actionPlan.update(id, actionId, input), work, clock.today())).build();
        } catch (ActionPlanService.NotEditable e) {
            return problem(409, "Not editable", e.lock.message(), null);
        } catch (OptimisticLockException e) {
            return problem(409, "Conflict", "Someone else changed this action after you read it: read it again", null);
        }
    }

    private static ActionForm form(ActionJson body) {
        ActionForm form = new ActionForm();
        if (body == null) {
            return form;
        }
        form.standard = body.standard();
        form.question = body.question();
        form.gap = body.gap();
        form.action = body.action();
        form.measure = body.measure();
        form.lead = body.lead();
        form.resources = body.resources();
        if (body.startDate() != null) {
            form.startDay = String.valueOf(body.startDate().getDayOfMonth());
            form.startMonth = String.valueOf(body.startDate().getMonthValue());
            form.startYear = String.valueOf(body.startDate().getYear());
        }
        if (body.targetDate() != null) {
            form.targetDay = String.valueOf(body.targetDate().getDayOfMonth());
            form.targetMonth = String.valueOf(body.targetDate().getMonthValue());
            form.targetYear = String.valueOf(body.targetDate().getYear());
        }
        form.status = body.status();
        form.version = body.version();
        return form;
    }
}
