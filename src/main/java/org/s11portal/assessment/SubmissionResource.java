package org.s11portal.assessment;

import java.util.List;

import org.jboss.resteasy.reactive.RestForm;
import org.s11portal.account.CurrentUser;
import org.s11portal.account.Roles;
import org.s11portal.common.config.PortalClock;
import org.s11portal.common.web.FormErrors;
import org.s11portal.common.web.Redirects;
import org.s11portal.common.web.Violations;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
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
    PortalClock clock;

    @Inject
    CurrentUser currentUser;

    @Inject
    Validator validator;

    @GET
    @Path("check")
    public Response check(@PathParam("id") long id) {
        AssessmentWork work = assessments.work(id);
        if (!work.draft) {
            return Redirects.seeOther(work.viewPath());
        }
        return Response.ok(check(work, SubmissionRules.problems(work, clock.today()), new SubmitForm(), FormErrors.none())).build();
    }

    @POST
    @Path("submit")
    @RolesAllowed(Roles.AGENCY_LEAD)
    public Response submit(@PathParam("id") long id, @BeanParam SubmitForm form) {
        SignOff signOff = new SignOff(form.declaredByName, form.declaredRole);
        FormErrors errors = Violations.page(SubmitForm.class, Violations.problems(validator.validate(signOff)),
                Violations.problems(validator.validate(form)));
        List<SubmissionRules.Problem> problems = List.of();
        if (errors.isEmpty()) {
            AssessmentService.SubmitResult result = assessments.submit(id, signOff.declaredByName(), signOff.declaredRole());
            if (result instanceof AssessmentService.Submitted) {
                return Redirects.seeOther("/assessments/" + id + "/submitted");
            }
            problems = ((AssessmentService.Refused) result).problems();
        }
        AssessmentWork work = assessments.work(id);
        if (problems.isEmpty() && errors.isEmpty()) {
            problems = SubmissionRules.problems(work, clock.today());
        }
        return Response.status(400).entity(check(work, problems, form, errors)).build();
    }

    /** Check answers: every answer with a Change link, and what carried forward from last cycle is still to review. */
    private TemplateInstance check(AssessmentWork work, List<SubmissionRules.Problem> problems, SubmitForm form, FormErrors errors) {
        List<SubmissionRules.Problem> toReview = problems.stream().filter(p -> p.is(SubmissionRules.Kind.CARRIED_FORWARD)).toList();
        return Templates.check(work, assessments.snapshot(work), problems, toReview, SubmissionRules.answersToReview(work),
                form, errors);
    }

    @GET
    @Path("submitted")
    @Transactional
    public TemplateInstance submitted(@PathParam("id") long id) {
        AssessmentWork work = assessments.work(id);
        SubmissionVersion version = SubmissionVersion.latest(work.assessment);
        if (version == null) {
            throw new NotFoundException();
        }
        return Templates.submitted(work, version);
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
