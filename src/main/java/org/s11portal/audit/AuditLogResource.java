package org.s11portal.audit;

import org.s11portal.account.Roles;
import org.s11portal.common.web.DateParts;
import org.s11portal.common.web.FormErrors;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** "Audit log": every administrative change in the admin's scope, with filters. There is no route that changes it. */
@Path("/admin/audit-log")
@RolesAllowed(Roles.PARTNERSHIP_ADMIN)
@Produces(MediaType.TEXT_HTML)
public class AuditLogResource {

    /** The filter form as typed, kept on the page whatever its errors. */
    public record FilterForm(String type, String who, String record, DateParts from, DateParts to) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(AuditLogService.LogPage page, FilterForm form, FormErrors errors);

        static native TemplateInstance entry(AuditLogService.Entry entry);
    }

    @Inject
    AuditLogService log;

    @GET
    public TemplateInstance list(@QueryParam("type") String type, @QueryParam("who") String who,
            @QueryParam("record") String record,
            @QueryParam("from-day") String fromDay, @QueryParam("from-month") String fromMonth,
            @QueryParam("from-year") String fromYear,
            @QueryParam("to-day") String toDay, @QueryParam("to-month") String toMonth,
            @QueryParam("to-year") String toYear,
            @QueryParam("page") @DefaultValue("1") int page) {
        FilterForm form = new FilterForm(type, who, record, new DateParts(fromDay, fromMonth, fromYear),
                new DateParts(toDay, toMonth, toYear));
        FormErrors errors = FormErrors.none();
        if (!form.from().isEmpty() && form.from().toDate() == null) {
            errors.add("from-day", "Changed from must be a real date, for example 1 9 2026");
        }
        if (!form.to().isEmpty() && form.to().toDate() == null) {
            errors.add("to-day", "Changed to must be a real date, for example 30 9 2026");
        }
        if (errors.isEmpty() && form.from().toDate() != null && form.to().toDate() != null
                && form.to().toDate().isBefore(form.from().toDate())) {
            errors.add("to-day", "Changed to must be the same as or after changed from");
        }
        // a filter with a problem is not applied: the page says why and shows every entry
        AuditLogService.Filter filter = errors.isEmpty()
                ? new AuditLogService.Filter(type, who, record, form.from().toDate(), form.to().toDate())
                : AuditLogService.Filter.none();
        return Templates.list(log.page(filter, page), form, errors);
    }

    @GET
    @Path("{id}")
    public TemplateInstance entry(@PathParam("id") long id) {
        return Templates.entry(log.entry(id));
    }
}
