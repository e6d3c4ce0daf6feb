package org.s11portal.monitoring;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hibernate.Hibernate;
import org.junit.jupiter.api.Test;
import org.s11portal.agency.Area;
import org.s11portal.assessment.Assessment;
import org.s11portal.assessment.AssessmentState;
import org.s11portal.cycle.Cycle;
import org.s11portal.support.Fixtures;
import org.s11portal.support.WebSession;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/**
 * Files posted with a year-2 progress update: checked as answers' evidence is (size, type by content, safe name),
 * downloaded by the agency's lead and moderators in scope only, kept with the update for good (no route replaces or
 * deletes one), and a refused file leaves everything typed on the form.
 */
@QuarkusTest
class ProgressUpdateFilesTest {

    static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);
    static final byte[] TEXT = "Attendance: 42 of 45 staff\n".getBytes(StandardCharsets.UTF_8);

    @Inject
    Fixtures fixtures;

    @Inject
    YearTwoData data;

    static Map<String, String> onTrack(String done) {
        return Map.of("status", "ON_TRACK", "done", done);
    }

    static Map<String, byte[]> files(Object... nameThenBytes) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (int i = 0; i < nameThenBytes.length; i += 2) {
            files.put((String) nameThenBytes[i], (byte[]) nameThenBytes[i + 1]);
        }
        return files;
    }

    /** An agency in year 2 with one action, its lead signed in on the action's update form. */
    record UpdateForm(YearTwoData.Plan plan, WebSession lead, String path) {
        Response post(Map<String, String> fields, Map<String, byte[]> files) {
            return YearTwoData.postWithFiles(lead, path, fields, files);
        }
    }

    UpdateForm updateForm(Cycle cycle, Area area) {
        YearTwoData.Plan plan = data.plan(cycle, area, AssessmentState.MONITORING, 1);
        WebSession lead = WebSession.signedIn(plan.lead().email);
        String path = plan.path() + "/actions/" + plan.action(0);
        lead.get(path).then().statusCode(200);
        return new UpdateForm(plan, lead, path);
    }

    UpdateForm updateForm(Area area) {
        return updateForm(fixtures.aCycle().withTool().create(), area);
    }

    @Test
    void filesPostedWithAnUpdateDownloadByteForByteForTheLeadAndTheModerator() {
        UpdateForm form = updateForm(Area.PORTSMOUTH);
        YearTwoData.Plan plan = form.plan();
        WebSession lead = form.lead();
        lead.get(form.path()).then().statusCode(200).body(containsString("enctype=\"multipart/form-data\""))
                .body(containsString("name=\"files\""));

        form.post(onTrack("Training delivered"), files("Training register.pdf", PDF, "attendance.txt", TEXT)).then().statusCode(303);

        List<ProgressUpdateFile> stored = data.files(plan.action(0));
        assertEquals(List.of("Training register.pdf", "attendance.txt"), stored.stream().map(f -> f.filename).toList());
        assertEquals(List.of("application/pdf", "text/plain"), stored.stream().map(f -> f.contentType).toList());
        assertEquals(data.updates(plan.action(0)).get(0).id, stored.get(0).update.id, "stored with the update posted");
        String download = plan.path() + "/files/" + stored.get(0).id;

        lead.get(plan.path()).then().statusCode(200).body(containsString("href=\"" + download + "\""))
                .body(containsString("Training register.pdf")).body(containsString("(" + PDF.length + " bytes)"));
        assertDownload(lead.get(download), PDF, "application/pdf", "Training register.pdf");
        assertDownload(lead.get(plan.path() + "/files/" + stored.get(1).id), TEXT, "text/plain", "attendance.txt");

        WebSession moderator = WebSession.signedIn(fixtures.moderator(Area.PORTSMOUTH).email);
        moderator.get(plan.moderatorPath()).then().statusCode(200).body(containsString("href=\"" + download + "\""))
                .body(containsString("attendance.txt"));
        assertDownload(moderator.get(download), PDF, "application/pdf", "Training register.pdf");
        moderator.api().get("/api/v1/monitoring/assessments/" + plan.assessment().id + "/actions").then().statusCode(200)
                .body("[0].updates[0].files.filename", org.hamcrest.Matchers.contains("Training register.pdf", "attendance.txt"))
                .body("[0].updates[0].files[0].download", org.hamcrest.Matchers.equalTo(download))
                .body("[0].updates[0].files[1].sizeBytes", org.hamcrest.Matchers.equalTo(TEXT.length));
    }

    private static void assertDownload(Response response, byte[] expected, String type, String name) {
        response.then().statusCode(200)
                .header("Content-Disposition", "attachment; filename*=UTF-8''" + name.replace(" ", "%20"))
                .header("X-Content-Type-Options", "nosniff")
                .contentType(containsString(type));
        assertArrayEquals(expected, response.asByteArray(), "the bytes stored are the bytes sent");
    }

    @Test
    void aLeadOfAnotherAgencyAModeratorOfAnotherPartnershipAndAnotherAssessmentsAddressGet404() {
        Cycle cycle = fixtures.aCycle().withTool().create();
        UpdateForm form = updateForm(cycle, Area.SOUTHAMPTON);
        YearTwoData.Plan plan = form.plan();
        WebSession lead = form.lead();
        YearTwoData.Plan other = data.plan(cycle, Area.SOUTHAMPTON, AssessmentState.MONITORING, 1);
        form.post(onTrack("Done"), files("a.pdf", PDF)).then().statusCode(303);
        long fileId = data.files(plan.action(0)).get(0).id;
        String download = plan.path() + "/files/" + fileId;

        List<String> wrong = new ArrayList<>();
        expect(wrong, "another agency's lead", WebSession.signedIn(other.lead().email).get(download), 404);
        expect(wrong, "another partnership's moderator", WebSession.signedIn(fixtures.moderator(Area.HAMPSHIRE).email)
                .get(download), 404);
        expect(wrong, "the file under another assessment's address",
                WebSession.signedIn(other.lead().email).get(other.path() + "/files/" + fileId), 404);
        expect(wrong, "a partnership admin", WebSession.signedIn(fixtures.admin(Area.SOUTHAMPTON).email).get(download), 403);
        expect(wrong, "no such file", lead.get(plan.path() + "/files/" + (fileId + 1000)), 404);
        expect(wrong, "the own lead", lead.get(download), 200);
        expect(wrong, "a moderator in scope", WebSession.signedIn(fixtures.moderator(Area.SOUTHAMPTON).email).get(download), 200);
        assertEquals(List.of(), wrong);
        // another agency's lead cannot attach files to this plan either
        WebSession otherLead = WebSession.signedIn(other.lead().email);
        otherLead.get(other.path());
        YearTwoData.postWithFiles(otherLead, form.path(), onTrack("x"), files("b.pdf", PDF)).then().statusCode(404);
        assertEquals(1, data.files(plan.action(0)).size());
    }

    private static void expect(List<String> wrong, String who, Response response, int status) {
        MonitoringScopeTest.expect(wrong, who, response.statusCode(), status);
    }

    @Test
    void aRefusedTypeOrAnOversizeFileIsNamedAndEverythingTypedIsKept() {
        UpdateForm form = updateForm(Area.HAMPSHIRE);
        Map<String, String> typed = Map.of("status", "COMPLETE", "done", "Typed: audit repeated",
                "childrenChange", "Typed: fewer repeat referrals", "evidence", "Typed: audit report");

        byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        String page = form.post(typed, files("fine.pdf", PDF, "looks-like.pdf", html))
                .then().statusCode(400).extract().asString();
        assertTrue(page.contains("The file looks-like.pdf must be a PDF, Word, Excel, PowerPoint, image"), page);
        assertTrue(page.contains("Typed: audit repeated") && page.contains("Typed: fewer repeat referrals")
                && page.contains("Typed: audit report"), "everything typed is kept");
        assertTrue(page.contains("value=\"COMPLETE\" checked"), "the status chosen is kept");
        assertTrue(page.contains("choose your files again: fine.pdf, looks-like.pdf"), "the files to choose again are named");
        assertTrue(page.contains("href=\"#files\""), "the error summary links to the file input");

        byte[] big = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(PDF, 0, big, 0, PDF.length);
        form.post(typed, files("huge.pdf", big)).then().statusCode(400)
                .body(containsString("The file huge.pdf must be smaller than 10 MB"))
                .body(containsString("Typed: fewer repeat referrals"));
        form.post(typed, files("empty.txt", new byte[0])).then().statusCode(400)
                .body(containsString("The file empty.txt is empty"));

        assertEquals(List.of(), data.updates(form.plan().action(0)), "nothing posted");
        assertEquals(List.of(), data.files(form.plan().action(0)), "no file stored");
    }

    @Test
    void aFilesNameIsMadeSafeAndMatchesItsType() {
        UpdateForm form = updateForm(Area.HAMPSHIRE);
        form.post(onTrack("Done"), files("C:\\reports\\invoice\u202Efdp.html", PDF)).then().statusCode(303);
        assertEquals("invoicefdp.pdf", data.files(form.plan().action(0)).get(0).filename);
    }

    @Test
    void filesStayWithTheirUpdateNoRouteReplacesOrDeletesOneAndTheEntityRefusesBoth() {
        UpdateForm form = updateForm(Area.ISLE_OF_WIGHT);
        YearTwoData.Plan plan = form.plan();
        WebSession lead = form.lead();
        form.post(onTrack("First"), files("first.pdf", PDF)).then().statusCode(303);
        form.post(onTrack("Second"), files("second.txt", TEXT)).then().statusCode(303);
        List<ProgressUpdateFile> stored = data.files(plan.action(0));
        assertEquals(2, stored.size(), "the second update's file joined the first's");
        List<ProgressUpdate> updates = data.updates(plan.action(0));
        assertEquals(updates.get(0).id, stored.get(0).update.id);
        assertEquals(updates.get(1).id, stored.get(1).update.id);

        String file = plan.path() + "/files/" + stored.get(0).id;
        lead.get(plan.path());
        for (String path : List.of(file, file + "/delete", file + "/replace")) {
            int status = YearTwoData.postWithFiles(lead, path, Map.of(), files("other.pdf", PDF)).statusCode();
            assertTrue(status == 404 || status == 405, path + ": " + status);
            status = lead.post(path, Map.of()).statusCode();
            assertTrue(status == 404 || status == 405, path + ": " + status);
        }
        for (int status : List.of(lead.request().delete(file).statusCode(), lead.request().put(file).statusCode())) {
            assertTrue(status == 404 || status == 405, "no PUT or DELETE: " + status);
        }
        long id = stored.get(0).id;
        assertThrows(Exception.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            ProgressUpdateFile.<ProgressUpdateFile>findById(id).filename = "renamed.pdf";
        }));
        assertThrows(Exception.class, () -> QuarkusTransaction.requiringNew()
                .run(() -> ProgressUpdateFile.<ProgressUpdateFile>findById(id).delete()));
        assertDownloadIs(lead, file, PDF);
        assertEquals(List.of("first.pdf", "second.txt"), data.files(plan.action(0)).stream().map(f -> f.filename).toList());
    }

    private static void assertDownloadIs(WebSession session, String path, byte[] expected) {
        assertArrayEquals(expected, session.get(path).then().statusCode(200).extract().asByteArray());
    }

    @Test
    void listingAnAssessmentsFilesLeavesTheirBytesUnread() {
        UpdateForm form = updateForm(Area.PORTSMOUTH);
        form.post(onTrack("Done"), files("a.pdf", PDF)).then().statusCode(303);
        QuarkusTransaction.requiringNew().run(() -> {
            List<ProgressUpdateFile> listed = ProgressUpdateFile.forAssessment(Assessment.findById(form.plan().assessment().id));
            assertEquals(1, listed.size());
            assertFalse(Hibernate.isPropertyInitialized(listed.get(0), "content"), "the page never reads the bytes");
        });
        form.lead().get(form.plan().path()).then().statusCode(200).body(not(containsString("%PDF")));
    }
}
