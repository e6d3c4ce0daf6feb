package org.s11portal.panel;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.s11portal.account.Roles;
import org.s11portal.common.persistence.RetriesConflicts;
import org.s11portal.common.web.DateParts;
import org.s11portal.common.web.Redirects;
import org.s11portal.letter.LetterService;

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

/** Panel days for moderators: the list, planning one, the agenda, and each submission on it. Anyone else: 404 ({@link PanelService}). */
@Path("/panels")
@RolesAllowed({ Roles.MODERATOR, Roles.PARTNERSHIP_ADMIN, Roles.AGENCY_LEAD })
@Produces(MediaType.TEXT_HTML)
public class PanelResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(PanelService.PanelsPage page);

        static native TemplateInstance plan(PanelService.PlanPage page);

        static native TemplateInstance agenda(PanelService.PanelPage page, boolean planned, Integer made, Integer issued,
                Integer notIssued);

        static native TemplateInstance item(PanelService.ItemPage page, String saved, boolean recorded);

        static native TemplateInstance conflict(PanelService.Conflict conflict);
    }

    @Inject
    PanelService panels;

    @Inject
    PanelLetters letters;

    @GET
    public TemplateInstance list() {
        return Templates.list(panels.panels());
    }

    @GET
    @Path("new")
    public TemplateInstance planForm() {
        return Templates.plan(panels.planForm());
    }

    @RetriesConflicts
    @POST
    @Path("new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response plan(MultivaluedMap<String, String> form) {
        Set<Long> members = new LinkedHashSet<>();
        List<String> chosen = form.get("members");
        if (chosen != null) {
            for (String id : chosen) {
                try {
                    members.add(Long.valueOf(id.trim()));
                } catch (NumberFormatException e) {
                    members.add(-1L);
                }
            }
        }
        PanelService.PlanInput input = new PanelService.PlanInput(new DateParts(form.getFirst("heldOn-day"),
                form.getFirst("heldOn-month"), form.getFirst("heldOn-year")), form.getFirst("kind"), members);
        PanelService.PlanResult result = panels.plan(input);
        if (result instanceof PanelService.PlanRefused refused) {
            return Response.status(400).entity(Templates.plan(refused.page())).build();
        }
        PanelService.Planned planned = (PanelService.Planned) result;
        return Redirects.seeOther("/panels/" + planned.panelId() + "?planned=1");
    }

    @GET
    @Path("{id}")
    public TemplateInstance agenda(@PathParam("id") long id, @QueryParam("planned") String planned,
            @QueryParam("made") String made, @QueryParam("issued") String issued, @QueryParam("notIssued") String notIssued) {
        return Templates.agenda(panels.panelPage(id), planned != null, count(made), count(issued), count(notIssued));
    }

    /** "Make the letters": a draft for each accepted submission without a letter. */
    @RetriesConflicts
    @POST
    @Path("{id}/letters")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response makeLetters(@PathParam("id") long id) {
        PanelLetters.Made made = letters.makeDrafts(id);
        return Redirects.seeOther("/panels/" + id + "?made=" + made.made() + "#letters");
    }

    /** "Issue all draft letters". */
    @POST
    @Path("{id}/letters/issue")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response issueLetters(@PathParam("id") long id) {
        List<LetterService.IssueOutcome> outcomes = letters.issueDrafts(id);
        long issued = outcomes.stream().filter(o -> o instanceof LetterService.Issued).count();
        return Redirects.seeOther("/panels/" + id + "?issued=" + issued + "&notIssued=" + (outcomes.size() - issued) + "#letters");
    }

    /** A count from the address, or null when it is not one (then the page says nothing about it). */
    private static Integer count(String value) {
        return value != null && value.matches("\\d{1,6}") ? Integer.valueOf(value) : null;
    }

    @RetriesConflicts
    @POST
    @Path("{id}/items/{itemId}/move")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response move(@PathParam("id") long id, @PathParam("itemId") long itemId, MultivaluedMap<String, String> form) {
        panels.move(id, itemId, "up".equals(form.getFirst("direction")));
        return Redirects.seeOther("/panels/" + id + "#item-" + itemId);
    }

    @GET
    @Path("{id}/items/{itemId}")
    public TemplateInstance item(@PathParam("id") long id, @PathParam("itemId") long itemId,
            @QueryParam("saved") String saved, @QueryParam("recorded") String recorded) {
        return Templates.item(panels.itemPage(id, itemId), saved, recorded != null);
    }

    @RetriesConflicts
    @POST
    @Path("{id}/items/{itemId}/findings/{code}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response saveFinding(@PathParam("id") long id, @PathParam("itemId") long itemId, @PathParam("code") String code,
            MultivaluedMap<String, String> form) {
        return answer(panels.saveFinding(id, itemId, code, form::getFirst));
    }

    @RetriesConflicts
    @POST
    @Path("{id}/items/{itemId}/outcome")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response recordOutcome(@PathParam("id") long id, @PathParam("itemId") long itemId, MultivaluedMap<String, String> form) {
        return answer(panels.recordOutcome(id, itemId, form::getFirst));
    }

    private static Response answer(PanelService.ItemSave save) {
        if (save instanceof PanelService.ItemRefused refused) {
            return Response.status(refused.status()).entity(Templates.item(refused.page(), null, false)).build();
        }
        if (save instanceof PanelService.ItemConflict conflict) {
            return Response.status(409).entity(Templates.conflict(conflict.conflict())).build();
        }
        return Redirects.seeOther(((PanelService.ItemSaved) save).redirect());
    }
}
