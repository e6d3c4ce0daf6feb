package org.s11portal.tooladmin;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.s11portal.account.Roles;
import org.s11portal.common.persistence.RetriesConflicts;
import org.s11portal.common.web.FormErrors;
import org.s11portal.common.web.Redirects;
import org.s11portal.tool.Question;
import org.s11portal.tool.Standard;
import org.s11portal.tool.Tool;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
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

/**
 * Tool versions under /admin/tools: every admin reads them and exports them; the HIPS admin copies, edits, previews,
 * publishes, retires, deletes and imports (ToolAdminService decides, 404 for anyone else).
 */
@Path("/admin/tools")
@RolesAllowed(Roles.PARTNERSHIP_ADMIN)
@Produces(MediaType.TEXT_HTML)
public class ToolAdminResource {

    /** The file name under which the shipped HIPS 2020 tool is offered for download. */
    static final String SHIPPED_TOOL_FILE = "hips-section-11-tool-2020.json";


    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(ToolAdminService.ListPage page, String done);

        static native TemplateInstance tool(ToolAdminService.ToolPage page, String done);

        static native TemplateInstance copy(Tool latest, ToolForms.CopyForm form, FormErrors errors);

        static native TemplateInstance standard(ToolAdminService.ToolPage page, Standard standard, ToolForms.StandardForm form,
                FormErrors errors, String action);

        static native TemplateInstance question(ToolAdminService.ToolPage page, Standard standard, Question question,
                ToolForms.QuestionForm form, FormErrors errors, String action);

        static native TemplateInstance confirm(Tool tool, String heading, String body, String action, String button);

        static native TemplateInstance preview(ToolAdminService.Preview preview, List<String> ratings);

        static native TemplateInstance publish(ToolAdminService.PublishCheck check);

        static native TemplateInstance importFile(List<String> problems);

        static native TemplateInstance importCheck(ToolAdminService.ImportCheck check);

        static native TemplateInstance refused(Tool tool, String reason);
    }

    /** The self-assessment's ratings, as the lead's standard page shows them. */
    static final List<String> RATINGS = List.of("Fully in place", "Partly in place", "Not in place", "Not applicable");
    static final String CONFLICT = "Someone else changed this draft after you opened this page. Check the draft as it is now;"
            + " what you typed is below, send it again to keep it";

    @Inject
    ToolAdminService tools;

    @GET
    public TemplateInstance list(@QueryParam("page") @DefaultValue("1") int page, @QueryParam("done") String done) {
        return Templates.list(tools.list(page), done);
    }

    @GET
    @Path("{id}")
    public TemplateInstance tool(@PathParam("id") long id, @QueryParam("done") String done) {
        return Templates.tool(tools.page(id), done);
    }

    @GET
    @Path("{id}/export.json")
    @Produces(MediaType.APPLICATION_JSON)
    public Response export(@PathParam("id") long id) {
        return download(tools.export(id, ToolFile.Format.JSON), ToolFile.Format.JSON);
    }

    @GET
    @Path("{id}/export.yaml")
    @Produces(ToolFile.YAML_MEDIA_TYPE)
    public Response exportYaml(@PathParam("id") long id) {
        return download(tools.export(id, ToolFile.Format.YAML), ToolFile.Format.YAML);
    }

    private static Response download(ToolAdminService.Export file, ToolFile.Format format) {
        return Response.ok(file.content(), MediaType.valueOf(format.mediaType).withCharset("UTF-8"))
                .header("Content-Disposition", "attachment; filename=\"" + file.fileName() + "\"").build();
    }

    /**
     * The HIPS 2020 tool that comes with the portal (the demo data loads the same file), as a tool file to import: on an
     * empty production database this is where the first version comes from.
     */
    @GET
    @Path("import/" + SHIPPED_TOOL_FILE)
    @Produces(MediaType.APPLICATION_JSON)
    public Response shippedTool() throws IOException {
        try (var in = ToolAdminResource.class.getResourceAsStream("/demo/tool-2020.json")) {
            return Response.ok(in.readAllBytes(), MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                    .header("Content-Disposition", "attachment; filename=\"" + SHIPPED_TOOL_FILE + "\"").build();
        }
    }

    @GET
    @Path("{id}/preview/{code}")
    public TemplateInstance preview(@PathParam("id") long id, @PathParam("code") String code) {
        return Templates.preview(tools.preview(id, code), RATINGS);
    }

    // ---- copy ----

    @GET
    @Path("new")
    public TemplateInstance copyForm() {
        hipsOnly();
        Tool latest = latest();
        ToolForms.CopyForm form = new ToolForms.CopyForm();
        form.title = latest.title;
        return Templates.copy(latest, form, FormErrors.none());
    }

    @RetriesConflicts
    @POST
    @Path("new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response copy(@BeanParam ToolForms.CopyForm form) {
        FormErrors errors = FormErrors.none();
        Tool copy = tools.copyLatest(form, errors);
        if (copy == null) {
            return Response.status(400).entity(Templates.copy(latest(), form, errors)).build();
        }
        return Redirects.seeOther("/admin/tools/" + copy.id + "?done=copied");
    }

    // ---- delete, retire ----

    @GET
    @Path("{id}/delete")
    public TemplateInstance deleteForm(@PathParam("id") long id) {
        ToolAdminService.ToolPage page = changeable(id);
        return Templates.confirm(page.tool(), "Delete draft " + page.tool().version + "?",
                "The draft, its standards and its questions are deleted. This cannot be undone.",
                "/admin/tools/" + id + "/delete", "Delete draft");
    }

    @RetriesConflicts
    @POST
    @Path("{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delete(@PathParam("id") long id) {
        tools.delete(id);
        return Redirects.seeOther("/admin/tools?done=deleted");
    }

    @GET
    @Path("{id}/retire")
    public TemplateInstance retireForm(@PathParam("id") long id) {
        ToolAdminService.ToolPage page = tools.page(id);
        if (!page.canRetire()) {
            throw new jakarta.ws.rs.NotFoundException();
        }
        return Templates.confirm(page.tool(), "Retire version " + page.tool().version + "?",
                "A retired version stays readable, with the cycles that used it, but is no longer offered for a new cycle.",
                "/admin/tools/" + id + "/retire", "Retire version");
    }

    @RetriesConflicts
    @POST
    @Path("{id}/retire")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response retire(@PathParam("id") long id) {
        tools.retire(id);
        return Redirects.seeOther("/admin/tools/" + id + "?done=retired");
    }

    // ---- standards ----

    @GET
    @Path("{id}/standards/new")
    public TemplateInstance newStandardForm(@PathParam("id") long id) {
        ToolAdminService.ToolPage page = changeable(id);
        ToolForms.StandardForm form = new ToolForms.StandardForm();
        form.lock = page.tool().lockVersion;
        return Templates.standard(page, null, form, FormErrors.none(), standardAction(id, null));
    }

    @RetriesConflicts
    @POST
    @Path("{id}/standards/new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addStandard(@PathParam("id") long id, @BeanParam ToolForms.StandardForm form) {
        return saveStandard(id, null, form);
    }

    @GET
    @Path("{id}/standards/{standardId}")
    public TemplateInstance standardForm(@PathParam("id") long id, @PathParam("standardId") long standardId) {
        ToolAdminService.ToolPage page = changeable(id);
        Standard standard = page.standardById(standardId).standard();
        ToolForms.StandardForm form = new ToolForms.StandardForm();
        form.title = standard.title;
        form.reference = standard.reference;
        form.goodLooksLike = standard.goodLooksLike;
        form.reflectionPrompts = standard.reflectionPrompts;
        form.evidenceExamples = standard.evidenceExamples;
        form.lock = page.tool().lockVersion;
        return Templates.standard(page, standard, form, FormErrors.none(), standardAction(id, standardId));
    }

    @RetriesConflicts
    @POST
    @Path("{id}/standards/{standardId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response editStandard(@PathParam("id") long id, @PathParam("standardId") long standardId,
            @BeanParam ToolForms.StandardForm form) {
        return saveStandard(id, standardId, form);
    }

    private Response saveStandard(long id, Long standardId, ToolForms.StandardForm form) {
        FormErrors errors = FormErrors.none();
        int status = 400;
        try {
            tools.saveStandard(id, standardId, form, errors);
        } catch (ToolAdminService.Conflict e) {
            errors.add("title", CONFLICT);
            status = 409;
        }
        if (errors.any()) {
            ToolAdminService.ToolPage page = tools.page(id);
            form.lock = page.tool().lockVersion;
            return Response.status(status).entity(Templates.standard(page,
                    standardId == null ? null : page.standardById(standardId).standard(), form, errors,
                    standardAction(id, standardId))).build();
        }
        return Redirects.seeOther("/admin/tools/" + id + "?done=standard" + (standardId == null ? "" : "#standard-" + standardId));
    }

    @GET
    @Path("{id}/standards/{standardId}/remove")
    public TemplateInstance removeStandardForm(@PathParam("id") long id, @PathParam("standardId") long standardId) {
        ToolAdminService.ToolPage page = changeable(id);
        ToolAdminService.StandardView view = page.standardById(standardId);
        return Templates.confirm(page.tool(), "Remove " + view.standard().code + " " + view.standard().title + "?",
                "Its " + view.questions().size() + " question(s) are removed with it. Their codes are retired in this version and"
                        + " never given to a new standard or question.",
                "/admin/tools/" + id + "/standards/" + standardId + "/remove?lock=" + page.tool().lockVersion, "Remove standard");
    }

    @RetriesConflicts
    @POST
    @Path("{id}/standards/{standardId}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response removeStandard(@PathParam("id") long id, @PathParam("standardId") long standardId, @QueryParam("lock") Integer lock) {
        tools.removeStandard(id, standardId, lock);
        return Redirects.seeOther("/admin/tools/" + id + "?done=removed");
    }

    @RetriesConflicts
    @POST
    @Path("{id}/standards/{standardId}/move")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response moveStandard(@PathParam("id") long id, @PathParam("standardId") long standardId, @RestForm String direction) {
        tools.moveStandard(id, standardId, "up".equals(direction));
        return Redirects.seeOther("/admin/tools/" + id + "?done=moved#standard-" + standardId);
    }

    // ---- questions ----

    @GET
    @Path("{id}/standards/{standardId}/questions/new")
    public TemplateInstance newQuestionForm(@PathParam("id") long id, @PathParam("standardId") long standardId) {
        ToolAdminService.ToolPage page = changeable(id);
        ToolForms.QuestionForm form = new ToolForms.QuestionForm();
        form.lock = page.tool().lockVersion;
        return Templates.question(page, page.standardById(standardId).standard(), null, form, FormErrors.none(),
                questionAction(id, standardId, null));
    }

    @RetriesConflicts
    @POST
    @Path("{id}/standards/{standardId}/questions/new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addQuestion(@PathParam("id") long id, @PathParam("standardId") long standardId,
            @BeanParam ToolForms.QuestionForm form) {
        return saveQuestion(id, standardId, null, form);
    }

    @GET
    @Path("{id}/questions/{questionId}")
    public TemplateInstance questionForm(@PathParam("id") long id, @PathParam("questionId") long questionId) {
        ToolAdminService.ToolPage page = changeable(id);
        Question question = page.question(questionId);
        ToolForms.QuestionForm form = new ToolForms.QuestionForm();
        form.text = question.text;
        form.guidance = question.guidance;
        form.lock = page.tool().lockVersion;
        return Templates.question(page, question.standard, question, form, FormErrors.none(),
                questionAction(id, question.standard.id, questionId));
    }

    @RetriesConflicts
    @POST
    @Path("{id}/questions/{questionId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response editQuestion(@PathParam("id") long id, @PathParam("questionId") long questionId,
            @BeanParam ToolForms.QuestionForm form) {
        long standardId = changeable(id).question(questionId).standard.id;
        return saveQuestion(id, standardId, questionId, form);
    }

    private Response saveQuestion(long id, long standardId, Long questionId, ToolForms.QuestionForm form) {
        FormErrors errors = FormErrors.none();
        int status = 400;
        try {
            tools.saveQuestion(id, standardId, questionId, form, errors);
        } catch (ToolAdminService.Conflict e) {
            errors.add("text", CONFLICT);
            status = 409;
        }
        if (errors.any()) {
            ToolAdminService.ToolPage page = tools.page(id);
            form.lock = page.tool().lockVersion;
            return Response.status(status).entity(Templates.question(page, page.standardById(standardId).standard(),
                    questionId == null ? null : page.question(questionId), form, errors,
                    questionAction(id, standardId, questionId))).build();
        }
        return Redirects.seeOther("/admin/tools/" + id + "?done=question#standard-" + standardId);
    }

    @GET
    @Path("{id}/questions/{questionId}/remove")
    public TemplateInstance removeQuestionForm(@PathParam("id") long id, @PathParam("questionId") long questionId) {
        ToolAdminService.ToolPage page = changeable(id);
        Question question = page.question(questionId);
        return Templates.confirm(page.tool(), "Remove question " + question.code + "?",
                "“" + question.text + "” is removed from this draft. Its code " + question.code
                        + " is retired in this version and never given to a new question.",
                "/admin/tools/" + id + "/questions/" + questionId + "/remove?lock=" + page.tool().lockVersion, "Remove question");
    }

    @RetriesConflicts
    @POST
    @Path("{id}/questions/{questionId}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response removeQuestion(@PathParam("id") long id, @PathParam("questionId") long questionId, @QueryParam("lock") Integer lock) {
        tools.removeQuestion(id, questionId, lock);
        return Redirects.seeOther("/admin/tools/" + id + "?done=removed");
    }

    @RetriesConflicts
    @POST
    @Path("{id}/questions/{questionId}/move")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response moveQuestion(@PathParam("id") long id, @PathParam("questionId") long questionId, @RestForm String direction) {
        tools.moveQuestion(id, questionId, "up".equals(direction));
        return Redirects.seeOther("/admin/tools/" + id + "?done=moved#question-" + questionId);
    }

    // ---- publish ----

    @GET
    @Path("{id}/publish")
    public TemplateInstance publishCheck(@PathParam("id") long id) {
        return Templates.publish(tools.publishCheck(id));
    }

    @RetriesConflicts
    @POST
    @Path("{id}/publish")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response publish(@PathParam("id") long id) {
        tools.publish(id);
        return Redirects.seeOther("/admin/tools/" + id + "?done=published");
    }

    // ---- import ----

    @GET
    @Path("import")
    public TemplateInstance importForm() {
        hipsOnly();
        return Templates.importFile(List.of());
    }

    @RetriesConflicts
    @POST
    @Path("import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@RestForm("file") FileUpload file) throws IOException {
        List<String> problems;
        if (file == null || file.fileName() == null || file.fileName().isBlank()) {
            hipsOnly();
            problems = List.of("file: choose a tool file (JSON or YAML) to import");
        } else if (file.size() > ToolFile.MAX_BYTES) {
            hipsOnly();
            problems = List.of("file: must be smaller than 1 MB");
        } else {
            ToolAdminService.Upload upload = tools.upload(Files.readAllBytes(file.uploadedFile()), file.fileName());
            if (upload.importId() != null) {
                return Redirects.seeOther("/admin/tools/import/" + upload.importId());
            }
            problems = upload.problems();
        }
        return Response.status(400).entity(Templates.importFile(problems)).build();
    }

    @GET
    @Path("import/{importId}")
    public TemplateInstance importCheck(@PathParam("importId") long importId) {
        return Templates.importCheck(tools.importCheck(importId));
    }

    @RetriesConflicts
    @POST
    @Path("import/{importId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response confirmImport(@PathParam("importId") long importId) {
        Tool tool = tools.confirmImport(importId);
        return Redirects.seeOther("/admin/tools/" + tool.id + "?done=imported");
    }

    // ---- refusals ----

    @ServerExceptionMapper
    public Response notADraft(ToolAdminService.NotADraft e) {
        return Response.status(409).type(MediaType.TEXT_HTML_TYPE).entity(Templates.refused(e.tool,
                e.tool.status == Tool.Status.DRAFT ? "It is used by a cycle."
                        : "It is " + e.tool.status.name().toLowerCase() + ": a published version is frozen. Copy it to a new draft to change it."))
                .build();
    }

    @ServerExceptionMapper
    public Response conflict(ToolAdminService.Conflict e) {
        return Response.status(409).type(MediaType.TEXT_HTML_TYPE).entity(Templates.refused(null,
                "Someone else changed this draft after you opened the page, so nothing was changed. Open the draft again and check it."))
                .build();
    }

    /** The page of a version the HIPS admin may change: 404 for anyone else, refused when it is not a draft. */
    private ToolAdminService.ToolPage changeable(long id) {
        ToolAdminService.ToolPage page = tools.page(id);
        if (!tools.isHipsAdmin()) {
            throw new jakarta.ws.rs.NotFoundException();
        }
        if (!page.draft()) {
            throw new ToolAdminService.NotADraft(page.tool());
        }
        return page;
    }

    private static String standardAction(long id, Long standardId) {
        return "/admin/tools/" + id + "/standards/" + (standardId == null ? "new" : standardId);
    }

    private static String questionAction(long id, long standardId, Long questionId) {
        return questionId == null ? "/admin/tools/" + id + "/standards/" + standardId + "/questions/new"
                : "/admin/tools/" + id + "/questions/" + questionId;
    }

    private void hipsOnly() {
        if (!tools.isHipsAdmin()) {
            throw new jakarta.ws.rs.NotFoundException();
        }
    }

    private Tool latest() {
        Tool latest = tools.latestPublished();
        if (latest == null) {
            throw new jakarta.ws.rs.NotFoundException();
        }
        return latest;
    }
}
