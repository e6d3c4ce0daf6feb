package org.s11portal.actionplan;

import java.time.LocalDate;
import java.util.List;

import org.s11portal.account.Roles;
import org.s11portal.assessment.ActionItem;
import org.s11portal.assessment.ActionStatus;
import org.s11portal.assessment.AssessmentWork;
import org.s11portal.common.config.PortalClock;
import org.s11portal.common.persistence.RetriesConflicts;
import org.s11portal.common.web.DateParts;
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
        static native TemplateInstance plan(AssessmentWork work, LocalDate today, String saved, ActionPlanService.PlanLock lock);

        static native TemplateInstance form(ActionFormView view);

        /**
         * An action that cannot be changed, shown read-only: on GET of its form page (notSaved null), or after a
         * refused POST (notSaved says what was not done, and the view holds what the person typed).
         */
        static native TemplateInstance locked(ActionFormView view, ActionPlanService.PlanLock lock, String notSaved,
                String detailsHeading);
    }

    @Inject
    ActionPlanService actionPlan;

    @Inject
    PortalClock clock;

    @GET
    public Response plan(@PathParam("id") long id, @QueryParam("saved") String saved) {
        ActionPlanService.PlanPage page = actionPlan.planPage(id);
        if (!page.work().draft) {
            return Redirects.seeOther(page.work().viewPath());
        }
        return Response.ok(Templates.plan(page.work(), clock.today(), saved, page.lock())).build();
    }

    @GET
    @Path("new")
    @RolesAllowed(Roles.AGENCY_LEAD)
    public Response newAction(@PathParam("id") long id, @QueryParam("standard") String standardCode) {
        ActionPlanService.PlanPage page = actionPlan.planPage(id);
        AssessmentWork work = page.work();
        if (page.lock() != null) {
            // the plan page says why it cannot be changed; never a live form
            return Redirects.seeOther(work.path() + "/actions");
        }
        Standard standard = standardCode == null ? null : work.standard(standardCode);
        return Response.ok(Templates.form(ActionFormView.blank(work, standard, clock.today()))).build();
    }

    @RetriesConflicts
    @POST
    @RolesAllowed(Roles.AGENCY_LEAD)
    public Response create(@PathParam("id") long id, @BeanParam ActionForm form) {
        ActionPlanService.FormSave save = actionPlan.createFromForm(id, form);
        AssessmentWork work = save.work();
        if (save.lock() != null) {
            return notEditable(ActionFormView.typed(work, null, form, save.errors(), clock.today(), null), save.lock(), NOT_ADDED);
        }
        if (save.saved() == null) {
            return Response.status(400).entity(Templates.form(ActionFormView.typed(work, null, form, save.errors(), clock.today(), null))).build();
        }
        return Redirects.seeOther(work.path() + "/actions?saved=" + save.saved().id);
    }

    @GET
    @Path("{actionId}")
    public Response edit(@PathParam("id") long id, @PathParam("actionId") long actionId) {
        ActionPlanService.ActionPage page = actionPlan.actionPage(id, actionId);
        AssessmentWork work = page.work();
        if (!work.draft) {
            return Redirects.seeOther(work.viewPath());
        }
        ActionFormView view = ActionFormView.saved(work, page.action(), clock.today());
        if (page.lock() != null) {
            return Response.ok(Templates.locked(view, page.lock(), null, null)).build();
        }
        return Response.ok(Templates.form(view)).build();
    }

    @POST
    @Path("{actionId}")
    @RolesAllowed(Roles.AGENCY_LEAD)
    public Response update(@PathParam("id") long id, @PathParam("actionId") long actionId, @BeanParam ActionForm form) {
        ActionPlanService.FormSave save;
        try {
            save = actionPlan.updateFromForm(id, actionId, form);
        } catch (OptimisticLockException e) {
            // someone saved between this check and the commit
            ActionPlanService.ActionPage page = actionPlan.actionPage(id, actionId);
            return conflict(page.work(), page.action(), form);
        }
        AssessmentWork work = save.work();
        if (save.lock() != null) {
            return notEditable(ActionFormView.typed(work, save.existing(), form, save.errors(), clock.today(), null), save.lock(),
                    NOT_CHANGED);
        }
        if (save.theirs() != null) {
            return conflict(work, save.theirs(), form);
        }
        if (save.saved() == null) {
            return Response.status(400).entity(Templates.form(ActionFormView.typed(work, save.existing(), form, save.errors(),
                    clock.today(), null))).build();
        }
        return Redirects.seeOther(work.path() + "/actions?saved=" + actionId);
    }

    /** 409: the action as someone else saved it, with what this person typed, now based on their version. */
    private Response conflict(AssessmentWork work, ActionItem theirs, ActionForm form) {
        form.version = theirs.version;
        return Response.status(409).entity(Templates.form(ActionFormView.typed(work, theirs, form, FormErrors.none(),
                clock.today(), theirs))).build();
    }

    @POST
    @Path("{actionId}/delete")
    @RolesAllowed(Roles.AGENCY_LEAD)
    public Response delete(@PathParam("id") long id, @PathParam("actionId") long actionId) {
        try {
            actionPlan.delete(id, actionId);
        } catch (ActionPlanService.NotEditable e) {
            ActionPlanService.ActionPage page = actionPlan.actionPage(id, actionId);
            return notEditable(ActionFormView.saved(page.work(), page.action(), clock.today()), e.lock, NOT_DELETED);
        }
        return Redirects.seeOther("/assessments/" + id + "/actions");
    }

    private static final String NOT_ADDED = "Your new action was not added. What you typed is below, so you can keep a copy.";
    private static final String NOT_CHANGED = "Your changes to this action were not saved. What you typed is below, so you can keep a copy.";
    private static final String NOT_DELETED = "The action was not deleted.";

    /** 409 with the service's page: why the plan cannot be changed, and what was sent, shown read-only. */
    private static Response notEditable(ActionFormView view, ActionPlanService.PlanLock lock, String notSaved) {
        return Response.status(409).entity(Templates.locked(view, lock, notSaved,
                NOT_DELETED.equals(notSaved) ? "The action" : "What you typed")).build();
    }

    /** Everything the action form shows. */
    public record ActionFormView(AssessmentWork work, ActionItem existing, String standard, String question,
            String gap, String action, String measure, String lead, String resources,
            String startDay, String startMonth, String startYear, String targetDay, String targetMonth, String targetYear,
            String status, Integer version, FormErrors errors, List<ActionItem.SmartProblem> smartProblems,
            ActionItem conflictWith, List<ActionStatus> statuses) {

        static ActionFormView blank(AssessmentWork work, Standard standard, LocalDate today) {
            return new ActionFormView(work, null, standard == null ? null : standard.code, null, null, null, null, null, null,
                    null, null, null, null, null, null, ActionStatus.NOT_STARTED.name(), null, FormErrors.none(), List.of(), null,
                    ActionStatus.open());
        }

        static ActionFormView saved(AssessmentWork work, ActionItem item, LocalDate today) {
            return new ActionFormView(work, item, item.standard.code, item.question == null ? null : item.question.code,
                    item.gap, item.action, item.measure, item.lead, item.resources,
                    day(item.startDate), month(item.startDate), year(item.startDate),
                    day(item.targetDate), month(item.targetDate), year(item.targetDate),
                    item.status.name(), item.version, FormErrors.none(), item.smartProblems(today, work.cycle.closes), null,
                    ActionStatus.open());
        }

        static ActionFormView typed(AssessmentWork work, ActionItem existing, ActionForm form, FormErrors errors,
                LocalDate today, ActionItem conflictWith) {
            return new ActionFormView(work, existing, form.standard, form.question, form.gap, form.action, form.measure,
                    form.lead, form.resources, form.startDay, form.startMonth, form.startYear, form.targetDay,
                    form.targetMonth, form.targetYear, form.status, form.version, errors,
                    existing == null ? List.of() : existing.smartProblems(today, work.cycle.closes), conflictWith,
                    ActionStatus.open());
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

        /** The standard as "T1 Title", or what was sent when it is not one of the tool's. */
        public String standardText() {
            Standard s = standard == null ? null : work.standard(standard.trim());
            return s == null ? standard : s.code + " " + s.title;
        }

        public String startDateText() {
            return dateText(startDay, startMonth, startYear);
        }

        public String targetDateText() {
            return dateText(targetDay, targetMonth, targetYear);
        }

        public String statusText() {
            for (ActionStatus s : ActionStatus.values()) {
                if (s.name().equals(status)) {
                    return s.label;
                }
            }
            return status;
        }

        /** A real date as "3 March 2027"; otherwise the parts as typed ("31 / 2 / 2027"); null when all are empty. */
        private static String dateText(String day, String month, String year) {
            if (blank(day) && blank(month) && blank(year)) {
                return null;
            }
            LocalDate date = new DateParts(day, month, year).toDate();
            if (date != null) {
                return org.s11portal.common.template.TemplateExtensions.format(date);
            }
            return (day == null ? "" : day.strip()) + " / " + (month == null ? "" : month.strip()) + " / "
                    + (year == null ? "" : year.strip());
        }

        private static boolean blank(String text) {
            return text == null || text.isBlank();
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
