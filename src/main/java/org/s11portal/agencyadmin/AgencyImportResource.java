package org.s11portal.agencyadmin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.s11portal.account.Roles;
import org.s11portal.common.persistence.RetriesConflicts;
import org.s11portal.common.web.FormErrors;
import org.s11portal.common.web.Redirects;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Bulk import of agencies: upload, preview ("check your answers"), confirm, and the template file. */
@Path("/admin/agencies/import")
@RolesAllowed(Roles.PARTNERSHIP_ADMIN)
@Produces(MediaType.TEXT_HTML)
public class AgencyImportResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance upload(FormErrors errors, java.util.List<AgencyAdminService.Option> sectors);

        static native TemplateInstance preview(AgencyImportService.Preview preview);

        static native TemplateInstance done(int count);
    }

    @Inject
    AgencyImportService imports;

    @GET
    public TemplateInstance uploadForm() {
        return Templates.upload(FormErrors.none(), AgencyAdminService.sectorOptions());
    }

    @RetriesConflicts
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@RestForm("file") FileUpload file) {
        String refusal;
        if (file == null || file.fileName() == null || file.fileName().isBlank()) {
            refusal = "Select a CSV file or an Excel workbook";
        } else if (file.size() > ImportFile.MAX_BYTES) {
            refusal = "The selected file must be smaller than 2 MB";
        } else {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(file.uploadedFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            AgencyImportService.Upload upload = imports.upload(file.fileName(), bytes);
            if (upload.importId() != null) {
                return Redirects.seeOther("/admin/agencies/import/" + upload.importId());
            }
            refusal = upload.refusal();
        }
        return Response.status(400)
                .entity(Templates.upload(FormErrors.none().add("file", refusal), AgencyAdminService.sectorOptions())).build();
    }

    @GET
    @Path("template.csv")
    @Produces("text/csv")
    public Response template() {
        return Response.ok(ImportFile.template())
                .type("text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"agencies-template.csv\"").build();
    }

    @GET
    @Path("done")
    public TemplateInstance done(@QueryParam("count") @DefaultValue("0") int count) {
        return Templates.done(count);
    }

    @GET
    @Path("{id: [0-9]+}")
    public TemplateInstance preview(@PathParam("id") long id) {
        return Templates.preview(imports.preview(id));
    }

    @POST
    @Path("{id: [0-9]+}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response confirm(@PathParam("id") long id) {
        AgencyImportService.Confirmation confirmation;
        try {
            confirmation = imports.confirm(id);
        } catch (PersistenceException e) {
            // a name was taken between the check and the insert: nothing was imported; show the rows again
            return Response.status(409).entity(Templates.preview(imports.previewAfterRace(id))).build();
        }
        if (confirmation.preview() != null) {
            return Response.status(409).entity(Templates.preview(confirmation.preview())).build();
        }
        return Redirects.seeOther("/admin/agencies/import/done?count=" + confirmation.imported());
    }
}
