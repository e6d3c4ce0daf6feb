package org.s11portal.assessment;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.s11portal.account.Roles;
import org.s11portal.common.persistence.RetriesConflicts;
import org.s11portal.common.web.FormErrors;
import org.s11portal.common.web.Redirects;
import org.s11portal.tool.Question;

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
import jakarta.ws.rs.core.Response;

/** Evidence files for one question: list, upload, download, delete. */
@Path("/assessments/{id}")
@RolesAllowed({ Roles.AGENCY_LEAD, Roles.MODERATOR, Roles.PARTNERSHIP_ADMIN })
public class EvidenceFileResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance files(AssessmentWork work, Question question, List<EvidenceFile> files,
                FormErrors errors, String uploaded, List<String> renamed);
    }

    @Inject
    EvidenceFileService evidence;

    @GET
    @Path("questions/{questionId}/files")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance files(@PathParam("id") long id, @PathParam("questionId") long questionId,
            @QueryParam("uploaded") String uploaded, @QueryParam("renamed") List<String> renamed) {
        return page(id, questionId, FormErrors.none(), uploaded, renamed(renamed));
    }

    @RetriesConflicts
    @POST
    @Path("questions/{questionId}/files")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed(Roles.AGENCY_LEAD)
    public Response upload(@PathParam("id") long id, @PathParam("questionId") long questionId, @RestForm("file") FileUpload file) {
        FormErrors errors = FormErrors.none();
        if (file == null || file.fileName() == null || file.fileName().isBlank()) {
            errors.add("file", "Select a file to upload");
        } else {
            EvidenceFileService.UploadResult result = evidence.upload(id, questionId, file.fileName(), file.uploadedFile());
            if (result instanceof EvidenceFileService.Stored stored) {
                return Redirects.seeOther("/assessments/" + id + "/questions/" + questionId + "/files?uploaded="
                        + URLEncoder.encode(stored.file().filename, StandardCharsets.UTF_8)
                        + stored.nameChanges().stream().map(c -> "&renamed=" + c.name()).collect(Collectors.joining()));
            }
            errors.add("file", ((EvidenceFileService.Rejected) result).message());
        }
        return Response.status(400).entity(page(id, questionId, errors, null, List.of())).build();
    }

    @GET
    @Path("files/{fileId}")
    public Response download(@PathParam("id") long id, @PathParam("fileId") long fileId) {
        return evidence.download(id, fileId).download();
    }

    @RetriesConflicts
    @POST
    @Path("files/{fileId}/delete")
    @RolesAllowed(Roles.AGENCY_LEAD)
    public Response delete(@PathParam("id") long id, @PathParam("fileId") long fileId) {
        long questionId = evidence.delete(id, fileId);
        return Redirects.seeOther("/assessments/" + id + "/questions/" + questionId + "/files");
    }

    private TemplateInstance page(long id, long questionId, FormErrors errors, String uploaded, List<String> renamed) {
        EvidenceFileService.FilesPage page = evidence.filesPage(id, questionId);
        return Templates.files(page.work(), page.question(), page.files(), errors, uploaded, renamed);
    }

    /** What was changed in an uploaded file's name, in words; unknown values are ignored. */
    private static List<String> renamed(List<String> codes) {
        return codes == null ? List.of() : Arrays.stream(EvidenceFileName.Change.values())
                .filter(c -> codes.contains(c.name())).map(c -> c.description).toList();
    }
}
