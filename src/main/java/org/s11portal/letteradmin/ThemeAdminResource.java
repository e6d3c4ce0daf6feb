package org.s11portal.letteradmin;

import org.s11portal.account.Roles;
import org.s11portal.common.persistence.RetriesConflicts;
import org.s11portal.common.web.Redirects;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The themes list: every admin reads it; the HIPS admin adds, renames, retires, restores and reorders themes
 * ({@link ThemeAdmin} answers 404 to anyone else on the change routes).
 */
@Path("/admin/themes")
@RolesAllowed(Roles.PARTNERSHIP_ADMIN)
@Produces(MediaType.TEXT_HTML)
public class ThemeAdminResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(ThemeAdmin.ListPage page, String done);

        static native TemplateInstance rename(ThemeAdmin.RenamePage page);
    }

    @Inject
    ThemeAdmin themes;

    @GET
    public TemplateInstance list(@QueryParam("done") String done) {
        return Templates.list(themes.list(), done);
    }

    @RetriesConflicts
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response add(@FormParam("name") String name) {
        ThemeAdmin.Outcome outcome = themes.add(name);
        if (!outcome.ok()) {
            return Response.status(400).entity(Templates.list(outcome.listPage(), null)).build();
        }
        return Redirects.seeOther("/admin/themes?done=added#theme-" + outcome.saved().id);
    }

    @GET
    @Path("{id}/rename")
    public TemplateInstance renameForm(@PathParam("id") long id) {
        return Templates.rename(themes.renameForm(id));
    }

    @RetriesConflicts
    @POST
    @Path("{id}/rename")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response rename(@PathParam("id") long id, @FormParam("name") String name) {
        ThemeAdmin.Outcome outcome = themes.rename(id, name);
        if (!outcome.ok()) {
            return Response.status(400).entity(Templates.rename(outcome.renamePage())).build();
        }
        return Redirects.seeOther("/admin/themes?done=renamed#theme-" + id);
    }

    /** Retire, restore, or move one place up or down; each answers with the list and what was done. */
    @RetriesConflicts
    @POST
    @Path("{id}/{change: retire|restore|up|down}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response change(@PathParam("id") long id, @PathParam("change") String change) {
        switch (change) {
            case "retire" -> themes.setActive(id, false);
            case "restore" -> themes.setActive(id, true);
            case "up" -> themes.move(id, -1);
            default -> themes.move(id, 1);
        }
        String done = switch (change) {
            case "retire" -> "retired";
            case "restore" -> "restored";
            default -> "moved";
        };
        return Redirects.seeOther("/admin/themes?done=" + done + "#theme-" + id);
    }
}
