package org.s11portal.monitoring;

import java.util.List;
import java.util.Optional;

import org.s11portal.account.Roles;
import org.s11portal.agency.Area;
import org.s11portal.common.persistence.RetriesConflicts;
import org.s11portal.common.web.Csv;
import org.s11portal.common.web.FormErrors;
import org.s11portal.common.web.Redirects;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

/**
 * Moderators' "Year 2 monitoring": every agency in scope in year 2 of a cycle (filters and a CSV of the same rows), and
 * one agency's page: actions, updates, checkpoint answers, ask for more, the conclusion, and closing the cycle.
 */
@Path("/monitoring")
@RolesAllowed(Roles.MODERATOR)
@Produces(MediaType.TEXT_HTML)
public class MonitoringResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance overview(MonitoringService.Overview overview, List<Area> areas,
                List<MonitoringService.Filter> filters, String query);

        static native TemplateInstance agency(MonitoringService.YearTwo view, String done, String request, String conclusion,
                FormErrors errors);

        static native TemplateInstance closedNotice(MonitoringService.YearTwo view, String reason);
    }

    @Inject
    MonitoringService monitoring;

    @GET
    public TemplateInstance overview(@QueryParam("cycle") String cycle, @QueryParam("area") String area,
            @QueryParam("filter") String filter) {
        MonitoringService.Overview overview = select(cycle, area, filter);
        return Templates.overview(overview, List.of(Area.values()), List.of(MonitoringService.Filter.values()),
                query(overview));
    }

    @GET
    @Path("rows.csv")
    @Produces("text/csv")
    public Response csv(@QueryParam("cycle") String cycle, @QueryParam("area") String area, @QueryParam("filter") String filter) {
        MonitoringService.Overview overview = select(cycle, area, filter);
        StringBuilder csv = new StringBuilder();
        List<String> header = new java.util.ArrayList<>(List.of("agency", "areas", "state", "actions", "overdue", "at risk",
                "red", "amber", "green"));
        overview.checkpoints().forEach(c -> header.add(c.title + " (due " + c.dueOn + ")"));
        header.addAll(List.of("last update", "open requests", "conclusion recorded"));
        Csv.row(csv, header.toArray(String[]::new));
        for (MonitoringService.Row r : overview.rows()) {
            List<String> cells = new java.util.ArrayList<>(List.of(r.agency().name,
                    String.join("; ", r.agency().areasInOrder().stream().map(p -> p.areaName()).toList()),
                    r.assessment().state.label, "" + r.actions(), "" + r.overdue(), "" + r.atRisk(), "" + r.red(),
                    "" + r.amber(), "" + r.green()));
            r.checkpoints().forEach(c -> cells.add(c.label));
            cells.addAll(List.of(r.lastUpdate() == null ? "" : r.lastUpdate().toString(), "" + r.openRequests(),
                    r.concluded() ? "yes" : "no"));
            Csv.row(csv, cells.toArray(String[]::new));
        }
        return Response.ok(csv.toString()).header("Content-Disposition", "attachment; filename=\"year-2-monitoring.csv\"").build();
    }

    @GET
    @Path("assessments/{id}")
    public TemplateInstance agency(@PathParam("id") long id, @QueryParam("done") String done) {
        MonitoringService.YearTwo view = monitoring.moderatorView(id);
        return Templates.agency(view, done, null, view.hasConclusion() ? view.record().conclusion : null, FormErrors.none());
    }

    @RetriesConflicts
    @POST
    @Path("assessments/{id}/requests")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response ask(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        String request = form.getFirst("request");
        return answer(id, () -> monitoring.ask(id, request), "asked#requests", request, null);
    }

    @RetriesConflicts
    @POST
    @Path("assessments/{id}/conclusion")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response conclude(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        String conclusion = form.getFirst("conclusion");
        return answer(id, () -> monitoring.conclude(id, conclusion), "concluded#panel-check", null, conclusion);
    }

    @RetriesConflicts
    @POST
    @Path("assessments/{id}/close")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response close(@PathParam("id") long id) {
        return answer(id, () -> monitoring.close(id), "closed", null, null);
    }

    /** Redirects on success; re-renders with the errors and what was typed; 409 with the reason when the state refuses. */
    private Response answer(long id, java.util.function.Supplier<FormErrors> change, String done, String request,
            String conclusion) {
        FormErrors errors;
        try {
            errors = change.get();
        } catch (MonitoringService.NotNow e) {
            return Response.status(409).entity(Templates.closedNotice(monitoring.moderatorView(id), e.reason)).build();
        }
        if (errors.any()) {
            return Response.status(400).entity(Templates.agency(monitoring.moderatorView(id), null, request, conclusion, errors))
                    .build();
        }
        String[] parts = done.split("#", 2);
        return Redirects.seeOther("/monitoring/assessments/" + id + "?done=" + parts[0] + (parts.length > 1 ? "#" + parts[1] : ""));
    }

    private MonitoringService.Overview select(String cycle, String area, String filter) {
        Long cycleId = null;
        if (cycle != null && !cycle.isBlank()) {
            try {
                cycleId = Long.valueOf(cycle.trim());
            } catch (NumberFormatException e) {
                throw new NotFoundException();
            }
        }
        Optional<Area> inArea = Optional.empty();
        if (area != null && !area.isBlank()) {
            inArea = java.util.Arrays.stream(Area.values()).filter(a -> a.name().equals(area)).findFirst();
        }
        return monitoring.overview(cycleId, inArea, MonitoringService.Filter.of(filter));
    }

    /** The overview's query string (cycle, area, filter) for the CSV link. */
    private static String query(MonitoringService.Overview overview) {
        StringBuilder q = new StringBuilder();
        if (overview.cycle() != null) {
            q.append("cycle=").append(overview.cycle().id);
        }
        overview.area().ifPresent(a -> q.append(q.isEmpty() ? "" : "&").append("area=").append(a.name()));
        overview.filter().ifPresent(f -> q.append(q.isEmpty() ? "" : "&").append("filter=").append(f.param));
        return q.toString();
    }
}
