package org.s11portal.letter;

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
 * A feedback letter's pages: a moderator edits a draft's individual paragraphs, previews it as the PDF will look,
 * issues it and reissues it with a reason; moderators and the agency's leads download issued letters. Scope and roles
 * are decided by {@link LetterService} (404 for everything out of scope, and for drafts to anyone but moderators).
 */
@Path("/letters/{id}")
@RolesAllowed({ Roles.MODERATOR, Roles.AGENCY_LEAD, Roles.PARTNERSHIP_ADMIN })
@Produces(MediaType.TEXT_HTML)
public class LetterResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance edit(LetterService.LetterPage page, boolean saved);

        static native TemplateInstance show(LetterService.LetterPage page, boolean issued, boolean reissued);

        static native TemplateInstance notEditable(LetterService.LetterPage page);

        static native TemplateInstance conflict(LetterService.ConflictPage page);

        static native TemplateInstance preview(LetterService.Preview preview);

        static native TemplateInstance notIssued(LetterService.NotIssued refused);

        static native TemplateInstance reissue(LetterService.LetterPage page);
    }

    @Inject
    LetterService letters;

    @GET
    public TemplateInstance letter(@PathParam("id") long id, @QueryParam("saved") String saved,
            @QueryParam("issued") String issued, @QueryParam("reissued") String reissued) {
        LetterService.LetterPage page = letters.page(id);
        return page.letter().isDraft() ? Templates.edit(page, saved != null)
                : Templates.show(page, issued != null, reissued != null);
    }

    @RetriesConflicts
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        int version = parseVersion(form.getFirst("version"));
        LetterService.EditOutcome outcome = letters.editParagraphs(id, version, form::getFirst);
        if (outcome instanceof LetterService.NotSaved refused) {
            return Response.status(refused.status())
                    .entity(refused.status() == 409 ? Templates.notEditable(refused.page()) : Templates.edit(refused.page(), false))
                    .build();
        }
        if (outcome instanceof LetterService.Conflicted conflicted) {
            return Response.status(409).entity(Templates.conflict(conflicted.page())).build();
        }
        return Redirects.seeOther("preview".equals(form.getFirst("then")) ? "/letters/" + id + "/preview"
                : "/letters/" + id + "?saved=1");
    }

    @GET
    @Path("preview")
    public TemplateInstance preview(@PathParam("id") long id) {
        return Templates.preview(letters.preview(id));
    }

    @GET
    @Path("preview.pdf")
    @Produces("application/pdf")
    public Response previewPdf(@PathParam("id") long id) {
        return pdf(letters.previewPdf(id), "inline");
    }

    @RetriesConflicts
    @POST
    @Path("issue")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response issue(@PathParam("id") long id) {
        LetterService.IssueOutcome outcome = letters.issue(id);
        if (outcome instanceof LetterService.NotIssued refused) {
            return Response.status(409).entity(Templates.notIssued(refused)).build();
        }
        return Redirects.seeOther("/letters/" + id + "?issued=1");
    }

    @GET
    @Path("reissue")
    public TemplateInstance reissueForm(@PathParam("id") long id) {
        return Templates.reissue(letters.reissueForm(id));
    }

    @RetriesConflicts
    @POST
    @Path("reissue")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reissue(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        LetterService.ReissueOutcome outcome = letters.reissue(id, form.getFirst("reason"), form::getFirst);
        if (outcome instanceof LetterService.NotReissued refused) {
            return Response.status(refused.status())
                    .entity(refused.status() == 409 ? Templates.notEditable(refused.page()) : Templates.reissue(refused.page()))
                    .build();
        }
        return Redirects.seeOther("/letters/" + ((LetterService.Reissued) outcome).letter().id + "?reissued=1");
    }

    /** The issued letter's PDF: exactly the stored bytes, whose SHA-256 is stored with them. */
    @GET
    @Path("pdf")
    @Produces("application/pdf")
    public Response download(@PathParam("id") long id) {
        return pdf(letters.download(id), "attachment");
    }

    static Response pdf(LetterService.Download download, String disposition) {
        return Response.ok(download.bytes(), "application/pdf")
                .header("Content-Disposition", disposition + "; filename=\"" + download.filename() + "\"")
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-store")
                .build();
    }

    /** The version the editor read; a missing or broken one can only be a conflict, never a silent overwrite. */
    private static int parseVersion(String version) {
        try {
            return version == null ? -1 : Integer.parseInt(version.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
