package org.s11portal.assessment;

import java.util.List;

import org.jboss.resteasy.reactive.RestForm;
import org.s11portal.account.Roles;
import org.s11portal.common.persistence.RetriesConflicts;
import org.s11portal.common.web.FormErrors;
import org.s11portal.common.web.Redirects;
import org.s11portal.common.web.Violations;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Check answers, the senior sign-off and submission, the confirmation, and the read-only, printable view. */
@Path("/assessments/{id}")
@RolesAllowed({ Roles.AGENCY_LEAD, Roles.MODERATOR, Roles.PARTNERSHIP_ADMIN })
@Produces(MediaType.TEXT_HTML)
public class SubmissionResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance check(AssessmentWork work, SubmissionSnapshot snapshot,
                List<SubmissionRules.Problem> problems, List<SubmissionRules.Problem> toReview, long answersToReview,
                SubmitForm form, FormErrors errors);

        static native TemplateInstance submitted(AssessmentWork work, SubmissionVersion version);

        static native TemplateInstance view(AssessmentService.Reading reading, boolean returned);
    }

    public static class SubmitForm {
        @RestForm
        public String declaredByName;

        @RestForm
        public String declaredRole;

        @RestForm
        @NotNull(message = CONFIRM)
        @Pattern(regexp = "yes", message = CONFIRM)
        public String confirm;

        static final String CONFIRM = "Confirm that a senior officer has signed off this self-assessment";
    }

    @Inject
    AssessmentService assessments;

    @Inject
    Validator validator;

    @GET
    @Path("check")
    public Response check(@PathParam("id") long id) {
        AssessmentService.CheckPage page = assessments.checkPage(id, true);
        if (!page.work().draft) {
            return Redirects.seeOther(page.work().viewPath());
        }
        return Response.ok(check(page, new SubmitForm(), FormErrors.none())).build();
    }

    @RetriesConflicts
    @POST
    @Path("submit")
    @RolesAllowed(Roles.AGENCY_LEAD)
    public Response submit(@PathParam("id") long id, @BeanParam SubmitForm form) {
        SignOff signOff = new SignOff(form.declaredByName, form.declaredRole);
        FormErrors errors = Violations.page(SubmitForm.class, Violations.problems(validator.validate(signOff)),
                Violations.problems(validator.validate(form)));
        if (!errors.isEmpty()) {
            return Response.status(400).entity(check(assessments.checkPage(id, false), form, errors)).build();
        }
        AssessmentService.SubmitResult result = assessments.submit(id, signOff.declaredByName(), signOff.declaredRole());
        if (result instanceof AssessmentService.Refused refused) {
            return Response.status(400).entity(check(refused.page(), form, errors)).build();
        }
        return Redirects.seeOther("/assessments/" + id + "/submitted");
    }

    /** Check answers: every answer with a Change link, and what carried forward from last cycle is still to review. */
    private static TemplateInstance check(AssessmentService.CheckPage page, SubmitForm form, FormErrors errors) {
        return Templates.check(page.work(), page.snapshot(), page.problems(), page.toReview(), page.answersToReview(),
                form, errors);
    }

    @GET
    @Path("submitted")
    public TemplateInstance submitted(@PathParam("id") long id) {
        AssessmentService.SubmittedPage page = assessments.submittedPage(id);
        return Templates.submitted(page.work(), page.version());
    }

    /**
     * The whole submission on one page: what {@link AssessmentService#reading} gives this reader (the agency's
     * lead: the draft while editable; moderators and admins: only the latest submitted version, or ?version=n).
     */
    @GET
    @Path("view")
    public TemplateInstance view(@PathParam("id") long id, @QueryParam("version") Integer number,
            @QueryParam("returned") String returned) {
        return Templates.view(assessments.reading(id, number), returned != null);
    }

}
