package org.s11portal.panel;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.s11portal.account.Roles;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Panel days as JSON, read only: the panels a moderator may see (joint ones, and local ones of their partnership),
 * each panel's agenda and its outcomes. The same scope as the pages: anything else is 404. Private notes never leave
 * the panel, so they are not here.
 */
@Path("/api/v1/panels")
@RolesAllowed({ Roles.MODERATOR, Roles.PARTNERSHIP_ADMIN, Roles.AGENCY_LEAD })
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Panel days")
public class PanelApiResource {

    @Inject
    PanelService panels;

    /** partnership: null for a joint panel. */
    public record PanelJson(long id, LocalDate heldOn, String kind, String partnership, String title, List<String> members,
            long items, long outcomes) {
    }

    /** outcome: null until the panel records one; awaitingOutcome is true again when a returned submission comes back. */
    public record AgendaItemJson(long id, int position, long assessmentId, long agencyId, String agency, String route,
            String state, String outcome, boolean awaitingOutcome) {
    }

    public record AgendaJson(PanelJson panel, List<AgendaItemJson> items) {
    }

    public record FindingJson(String standard, boolean agrees, String panelRating, String ratingReason, String strengths,
            String areasForDevelopment, List<String> themes) {
    }

    public record RequiredActionJson(String standard, String description, LocalDate due, long actionId) {
    }

    public record OutcomeJson(long itemId, long assessmentId, String agency, String outcome, String recordedBy,
            Instant recordedAt, List<FindingJson> findings, List<String> themes, List<RequiredActionJson> requiredActions) {
    }

    @GET
    @Operation(summary = "The panel days the moderator may see (joint panels and their partnership's local panels), by date")
    public List<PanelJson> list() {
        return panels.panelRows().stream().map(r -> json(r.panel(), r.items(), r.decided())).toList();
    }

    @GET
    @Path("{id}/agenda")
    @Operation(summary = "A panel's agenda in order, with each submission's state and outcome")
    public AgendaJson agenda(@PathParam("id") long id) {
        PanelService.Record record = panels.record(id);
        return new AgendaJson(json(record), record.items().stream()
                .map(i -> new AgendaItemJson(i.id, i.position, i.assessment.id, i.assessment.agency.id,
                        i.assessment.agency.name, i.assessment.agency.route(), i.assessment.state.name(),
                        i.outcome == null ? null : i.outcome.name(), i.awaitingOutcome()))
                .toList());
    }

    @GET
    @Path("{id}/outcomes")
    @Operation(summary = "What the panel recorded for each submission: outcome, findings per standard (without private notes),"
            + " themes and required actions")
    public List<OutcomeJson> outcomes(@PathParam("id") long id) {
        PanelService.Record record = panels.record(id);
        return record.items().stream().map(i -> new OutcomeJson(i.id, i.assessment.id, i.assessment.agency.name,
                i.outcome == null ? null : i.outcome.name(), i.outcomeByName, i.outcomeAt,
                record.findings().getOrDefault(i.id, List.of()).stream()
                        .map(f -> new FindingJson(f.standard.code, f.agrees, f.panelRating == null ? null : f.panelRating.name(),
                                f.ratingReason, f.strengths, f.areasForDevelopment, StandardFinding.themeNames(List.of(f))))
                        .toList(),
                StandardFinding.themeNames(record.findings().getOrDefault(i.id, List.of())),
                record.requiredActions().getOrDefault(i.id, List.of()).stream()
                        .map(r -> new RequiredActionJson(r.standard.code, r.description, r.dueOn, r.actionItem.id))
                        .toList()))
                .toList();
    }

    private static PanelJson json(PanelService.Record record) {
        long decided = record.items().stream().filter(i -> !i.awaitingOutcome()).count();
        return json(record.panel(), record.items().size(), decided);
    }

    private static PanelJson json(PanelDay panel, long items, long decided) {
        return new PanelJson(panel.id, panel.heldOn, panel.kind.name(),
                panel.partnership == null ? null : panel.partnership.areaName(), panel.title(),
                panel.members.stream().map(m -> m.displayName).sorted().toList(), items, decided);
    }
}
