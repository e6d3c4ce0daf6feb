package org.s11portal.letteradmin;

import java.util.List;

import org.s11portal.account.Roles;
import org.s11portal.common.persistence.RetriesConflicts;
import org.s11portal.common.web.Redirects;

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

/**
 * The letter templates' admin pages: the list, one template with its versions, one version read-only, and the editor
 * (preview on a real agency's record, save as a new version). Scope is decided by {@link LetterTemplateAdmin}.
 */
@Path("/admin/letter-templates")
@RolesAllowed(Roles.PARTNERSHIP_ADMIN)
@Produces(MediaType.TEXT_HTML)
public class LetterTemplateAdminResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<LetterTemplateAdmin.TemplateRow> templates);

        static native TemplateInstance template(LetterTemplateAdmin.TemplatePage page, Integer saved);

        static native TemplateInstance version(LetterTemplateAdmin.VersionPage page);

        static native TemplateInstance edit(LetterTemplateAdmin.EditPage page);
    }

    @Inject
    LetterTemplateAdmin admin;

    @GET
    public TemplateInstance list() {
        return Templates.list(admin.list());
    }

    @GET
    @Path("{scopeKey}")
    public TemplateInstance template(@PathParam("scopeKey") String scopeKey, @QueryParam("saved") Integer saved,
            @QueryParam("page") Integer page) {
        return Templates.template(admin.page(scopeKey, page == null ? 1 : page), saved);
    }

    @GET
    @Path("{scopeKey}/versions/{version}")
    public TemplateInstance version(@PathParam("scopeKey") String scopeKey, @PathParam("version") int version) {
        return Templates.version(admin.version(scopeKey, version));
    }

    @GET
    @Path("{scopeKey}/edit")
    public TemplateInstance edit(@PathParam("scopeKey") String scopeKey) {
        return Templates.edit(admin.editForm(scopeKey));
    }

    /** "Preview" renders the typed text (nothing stored); "Save" stores it as the next version. */
    @RetriesConflicts
    @POST
    @Path("{scopeKey}/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response post(@PathParam("scopeKey") String scopeKey, MultivaluedMap<String, String> form) {
        String source = form.getFirst("source");
        int basedOn = number(form.getFirst("basedOn"), -1);
        Long item = id(form.getFirst("item"));
        if ("save".equals(form.getFirst("action"))) {
            LetterTemplateAdmin.SaveOutcome outcome = admin.save(scopeKey, source, basedOn, item);
            if (outcome instanceof LetterTemplateAdmin.NotSaved refused) {
                return Response.status(refused.status()).entity(Templates.edit(refused.page())).build();
            }
            LetterTemplateAdmin.Saved saved = (LetterTemplateAdmin.Saved) outcome;
            return Redirects.seeOther("/admin/letter-templates/" + scopeKey + "?saved=" + saved.version().version);
        }
        LetterTemplateAdmin.EditPage page = admin.preview(scopeKey, source, basedOn, item);
        return Response.status(page.hasProblems() ? 400 : 200).entity(Templates.edit(page)).build();
    }

    private static Long id(String text) {
        try {
            return text == null || text.isBlank() ? null : Long.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static int number(String text, int otherwise) {
        try {
            return text == null ? otherwise : Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }
}
