package org.s11portal.actionplan;

import java.time.LocalDate;
import java.util.List;

import org.s11portal.assessment.AssessmentService;
import org.s11portal.assessment.AssessmentWork;
import org.s11portal.common.config.PortalClock;
import org.s11portal.common.security.Roles;
import org.s11portal.common.web.FormErrors;
import org.s11portal.common.web.Redirects;
import org.s11portal.tool.Standard;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The SMART action plan pages: the plan by standard, and the form to add or change one action. */
@Path("/assessments/{id}/actions")
@RolesAllowed({ Roles.AGENCY_LEAD, Roles.MODERATOR, Roles.PARTNERSHIP_ADMIN })
@Produces(MediaType.TEXT_HTML)
public class ActionPlanResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance plan(AssessmentWork work, LocalDate today, String saved);

        static native TemplateInstance form(ActionFormView view);
    }

    @Inject
    ActionPlanService actionPlan;

    @Inject
    AssessmentService assessments;

    @Inject
    PortalClock clock;

    @GET
    public Response plan(@PathParam("id") long id, @QueryParam("saved") String saved) {
        AssessmentWork work = assessments.work(id);
        if (!work.draft) {
            return Redirects.seeOther(work.viewPath());
        }
        return Response.ok(Templates.plan(work, clock.today(), saved)).build();
    }

    @GET
    @Path("new")
    @RolesAllowed(Roles.AGENCY_LEAD)
    public TemplateInstance newAction(@PathParam("id") long id, @QueryParam("standard") String standardCode) {
        AssessmentWork work = assessments.work(id);
        Standard standard = standardCode == null ? null : work.standard(standardCode);
        return Templates.form(ActionFormView.blank(work, standard, clock.today()));
    }

    @POST
    @RolesAllowed(Roles.AGENCY_LEAD)
    public Response create(@PathParam("id") long id, @BeanParam ActionForm form) {
        AssessmentWork work = assessments.work(id);
        FormErrors errors = FormErrors.none();
        ActionPlanService.ActionInput input = actionPlan.read(work, form, errors);
        if (errors.any()) {
            return Response.status(400).entity(Templates.form(ActionFormView.typed(work, null, form, errors, clock.today(), null))).build();
        }
        ActionItem item = actionPlan.create(id, input);
        return Redirects.seeOther(work.path() + "/actions?saved=" + item.id);
    }

    @GET
    @Path("{actionId}")
    public Response edit(@PathParam("id") long id, @PathParam("actionId") long actionId) {
        AssessmentWork work = assessments.work(id);
        if (!work.draft) {
            return Redirects.seeOther(work.viewPath());
        }
        return Response.ok(Templates.form(ActionFormView.saved(work, actionPlan.get(id, actionId), clock.today()))).build();
    }

    @POST
    @Path("{actionId}")
    @RolesAllowed(Roles.AGENCY_LEAD)
    public Response update(@PathParam("id") long id, @PathParam("actionId") long actionId, @BeanParam ActionForm form) {
        AssessmentWork work = assessments.work(id);
        ActionItem existing = actionPlan.get(id, actionId);
        FormErrors errors = FormErrors.none();
        ActionPlanService.ActionInput input = actionPlan.read(work, form, errors);
        if (errors.any()) {
            return Response.status(400).entity(Templates.form(ActionFormView.typed(work, existing, form, errors, clock.today(), null))).build();
        }
        try {
            actionPlan.update(id, actionId, input);
        } catch (OptimisticLockException e) {
            ActionItem theirs = actionPlan.get(id, actionId);
            form.version = theirs.version;
            return Response.status(409).entity(Templates.form(ActionFormView.typed(work, theirs, form, errors, clock.today(), theirs))).build();
        }
        return Redirects.seeOther(work.path() + "/actions?saved=" + actionId);
    }

    @POST
    @Path("{actionId}/delete")
    @RolesAllowed(Roles.AGENCY_LEAD)
    public Response delete(@PathParam("id") long id, @PathParam("actionId") long actionId) {
        actionPlan.delete(id, actionId);
        return Redirects.seeOther("/assessments/" + id + "/actions");
    }

    /** Everything the action form shows. */
    public record ActionFormView(AssessmentWork work, ActionItem existing, String standard, String question,
            String gap, String action, String measure, String lead, String resources,
            String startDay, String startMonth, String startYear, String targetDay, String targetMonth, String targetYear,
            String status, Integer version, FormErrors errors, List<ActionItem.SmartProblem> smartProblems,
            ActionItem conflictWith, List<ActionStatus> statuses) {

        static ActionFormView blank(AssessmentWork work, Standard standard, LocalDate today) {
            return new ActionFormView(work, null, standard == null ? null : standard.code, null, null, null, null, null, null,
                    null, null, null, null, null, null, ActionStatus.PLANNED.name(), null, FormErrors.none(), List.of(), null,
                    List.of(ActionStatus.values()));
        }

        static ActionFormView saved(AssessmentWork work, ActionItem item, LocalDate today) {
            return new ActionFormView(work, item, item.standard.code, item.question == null ? null : item.question.code,
                    item.gap, item.action, item.measure, item.lead, item.resources,
                    day(item.startDate), month(item.startDate), year(item.startDate),
                    day(item.targetDate), month(item.targetDate), year(item.targetDate),
                    item.status.name(), item.version, FormErrors.none(), item.smartProblems(today, work.cycle.closes), null,
                    List.of(ActionStatus.values()));
        }

        static ActionFormView typed(AssessmentWork work, ActionItem existing, ActionForm form, FormErrors errors,
                LocalDate today, ActionItem conflictWith) {
            return new ActionFormView(work, existing, form.standard, form.question, form.gap, form.action, form.measure,
                    form.lead, form.resources, form.startDay, form.startMonth, form.startYear, form.targetDay,
                    form.targetMonth, form.targetYear, form.status, form.version, errors,
                    existing == null ? List.of() : existing.smartProblems(today, work.cycle.closes), conflictWith,
                    List.of(ActionStatus.values()));
        }

        public String formAction() {
            return work.path() + "/actions" + (existing == null ? "" : "/" + existing.id);
        }

        public boolean smartProblemFor(String field) {
            return smartProblems.stream().anyMatch(p -> p.field().equals(field));
        }

        public String smartMessage(String field) {
            return smartProblems.stream().filter(p -> p.field().equals(field)).map(ActionItem.SmartProblem::message)
                    .findFirst().orElse(null);
        }

        private static String day(LocalDate date) {
            return date == null ? null : String.valueOf(date.getDayOfMonth());
        }

        private static String month(LocalDate date) {
            return date == null ? null : String.valueOf(date.getMonthValue());
        }

        private static String year(LocalDate date) {
            return date == null ? null : String.valueOf(date.getYear());
        }
    }
}
