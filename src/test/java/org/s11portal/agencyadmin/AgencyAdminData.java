package org.s11portal.agencyadmin;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.s11portal.agency.Agency;
import org.s11portal.audit.AdminChange;
import org.s11portal.support.WebSession;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.builder.MultiPartSpecBuilder;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** What the agency admin tests share: posting the agency form (areas repeat), uploading a file, reading rows back. */
final class AgencyAdminData {

    private AgencyAdminData() {
    }

    /** The agency form's fields: a valid voluntary-sector agency unless changed. */
    static Map<String, String> form(String name) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", name);
        form.put("sector", "VOLUNTARY_SECTOR");
        form.put("headcount", "");
        form.put("seniorLeadName", "");
        form.put("seniorLeadEmail", "");
        return form;
    }

    /** Posts a form with the session's CSRF token; {@code areas} is posted once per area. */
    static Response post(WebSession session, String path, Map<String, String> fields, List<String> areas) {
        RequestSpecification request = session.request().contentType("application/x-www-form-urlencoded; charset=UTF-8");
        fields.forEach(request::formParam);
        areas.forEach(a -> request.formParam("areas", a));
        request.formParam("csrf-token", session.csrfToken());
        return request.post(path);
    }

    static Response upload(WebSession session, String fileName, byte[] bytes) {
        return session.request().multiPart("csrf-token", session.csrfToken())
                .multiPart(new MultiPartSpecBuilder(bytes).controlName("file").fileName(fileName)
                        .mimeType("application/octet-stream").build())
                .post("/admin/agencies/import");
    }

    static Response upload(WebSession session, String fileName, String csv) {
        return upload(session, fileName, csv.getBytes(StandardCharsets.UTF_8));
    }

    static Agency reload(Agency agency) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Agency found = Agency.findById(agency.id);
            if (found != null) {
                found.areas.size();
            }
            return found;
        });
    }

    static Agency byName(String name) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Agency found = Agency.findByName(name);
            if (found != null) {
                found.areas.size();
            }
            return found;
        });
    }

    /** The log's entries about the agency, oldest first. */
    static List<AdminChange> changes(long agencyId) {
        return QuarkusTransaction.requiringNew().call(() -> AdminChange.<AdminChange>list(
                "recordType = 'Agency' and recordId = ?1 order by id", agencyId));
    }

    static long countNamesStartingWith(String prefix) {
        return QuarkusTransaction.requiringNew().call(() -> Agency.count("name like ?1", prefix + "%"));
    }
}
