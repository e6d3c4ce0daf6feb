package org.s11portal.monitoring;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.s11portal.account.Roles;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Year 2 as JSON, read only, with the same scope as the pages: out of scope is 404. */
@Path("/api/v1/monitoring")
@RolesAllowed({ Roles.MODERATOR, Roles.AGENCY_LEAD })
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Year 2 monitoring")
public class MonitoringApiResource {

    @Inject
    MonitoringService monitoring;

    public record RowJson(long assessmentId, long agencyId, String agency, List<String> areas, String state, int actions,
            int overdue, int atRisk, int red, int amber, int green, List<String> checkpoints, Instant lastUpdate,
            int openRequests, boolean concluded) {
    }

    public record UpdateJson(long id, Instant postedAt, String author, String status, String done, String childrenChange,
            String evidence, String reason, List<FileJson> files) {
    }

    /** A file posted with an update; {@code download} is the address of its bytes (the same scope as this API). */
    public record FileJson(long id, String filename, String contentType, long sizeBytes, String sha256, String download) {
    }

    public record ActionJson(long id, String standard, String action, String owner, String measure, LocalDate startDate,
            LocalDate dueDate, String status, String rag, boolean overdue, String carriedFrom, List<UpdateJson> updates) {
    }

    @GET
    @Operation(summary = "Moderators: every agency in scope in year 2 of a cycle (default the latest), as on the monitoring page")
    public List<RowJson> rows(@QueryParam("cycle") Long cycle) {
        return monitoring.overview(cycle, Optional.empty(), Optional.empty()).rows().stream()
                .map(r -> new RowJson(r.assessment().id, r.agency().id, r.agency().name,
                        r.agency().areasInOrder().stream().map(p -> p.code.name()).toList(), r.assessment().state.name(),
                        r.actions(), r.overdue(), r.atRisk(), r.red(), r.amber(), r.green(),
                        r.checkpoints().stream().map(Enum::name).toList(), r.lastUpdate(), r.openRequests(), r.concluded()))
                .toList();
    }

    @GET
    @Path("assessments/{id}/actions")
    @Operation(summary = "An assessment's actions in year 2, overdue first, with RAG and progress updates (newest first) and their files")
    public List<ActionJson> actions(@PathParam("id") long id) {
        MonitoringService.YearTwo view = monitoring.view(id);
        return view.actions().stream().map(r -> new ActionJson(r.action().id, r.action().standard.code, r.action().action,
                r.action().lead, r.action().measure, r.action().startDate, r.action().targetDate, r.action().status.name(),
                r.rag().name(), r.overdue(), r.action().carriedFrom,
                r.updates().stream().map(u -> new UpdateJson(u.id, u.postedAt, u.authorName, u.status.name(), u.done,
                        u.childrenChange, u.evidence, u.reason, view.filesOf(u).stream().map(f -> new FileJson(f.id, f.filename,
                                f.contentType, f.sizeBytes, f.sha256, view.path() + "/files/" + f.id)).toList())).toList()))
                .toList();
    }
}
