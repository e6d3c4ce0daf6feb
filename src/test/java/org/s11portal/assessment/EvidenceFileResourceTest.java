package org.s11portal.assessment;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.s11portal.agency.Agency;
import org.s11portal.agency.Area;
import org.s11portal.cycle.Cycle;
import org.s11portal.support.Fixtures;
import org.s11portal.support.WebSession;
import org.s11portal.tool.Question;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

@QuarkusTest
class EvidenceFileResourceTest {

    static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);

    @Inject
    Fixtures fixtures;

    record Setup(Assessment assessment, Question question, WebSession lead, String filesPath) {
    }

    Setup setup(Area area) {
        Cycle cycle = fixtures.aCycle().withTool().create();
        Agency agency = fixtures.anAgency().inAreas(area).create();
        Assessment assessment = fixtures.anAssessment().forAgency(agency).inCycle(cycle).inProgress().create();
        Question question = fixtures.questions(cycle).get(0);
        WebSession lead = WebSession.signedIn(fixtures.lead(agency).email);
        String path = "/assessments/" + assessment.id + "/questions/" + question.id + "/files";
        lead.get(path);
        return new Setup(assessment, question, lead, path);
    }

    static Response upload(Setup s, String filename, byte[] content, String claimedType) {
        return s.lead.request().multiPart("csrf-token", s.lead.cookie("csrf-token"))
                .multiPart("file", filename, content, claimedType).post(s.filesPath);
    }

    @Test
    void aPdfIsStoredWithItsChecksumAndDownloadsAsAnAttachment() throws Exception {
        Setup s = setup(Area.HAMPSHIRE);
        upload(s, "Board minutes.pdf", PDF, "application/pdf").then().statusCode(303);

        EvidenceFile file = onlyFile(s.assessment);
        assertEquals("application/pdf", file.contentType);
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(PDF)), file.sha256);
        s.lead.get(s.filesPath).then().body(containsString("Board minutes.pdf")).body(containsString("uploaded by"));

        Response download = s.lead.get("/assessments/" + s.assessment.id + "/files/" + file.id);
        download.then().statusCode(200)
                .header("Content-Disposition", containsString("attachment"))
                .header("X-Content-Type-Options", "nosniff")
                .contentType(containsString("application/pdf"));
        assertEquals(PDF.length, download.asByteArray().length);
    }

    @Test
    void aFileIsJudgedByItsBytesNotItsNameOrClaimedType() {
        Setup s = setup(Area.HAMPSHIRE);
        byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        upload(s, "looks-like.pdf", html, "application/pdf").then().statusCode(400)
                .body(containsString("The selected file must be a PDF, Word, Excel, PowerPoint, image"));
        byte[] exe = new byte[] { 'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0 };
        upload(s, "report.docx", exe, "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
                .then().statusCode(400);
        assertEquals(0L, fileCount(s.assessment));
    }

    @Test
    void filesOverTenMegabytesAreRefusedWithAClearMessage() {
        Setup s = setup(Area.HAMPSHIRE);
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(PDF, 0, big, 0, PDF.length);
        upload(s, "huge.pdf", big, "application/pdf").then().statusCode(400)
                .body(containsString("The selected file must be smaller than 10 MB"));
    }

    @Test
    void noFileChosenIsExplained() {
        Setup s = setup(Area.HAMPSHIRE);
        s.lead.request().multiPart("csrf-token", s.lead.cookie("csrf-token")).multiPart("other", "x").post(s.filesPath)
                .then().statusCode(400).body(containsString("Select a file to upload"));
    }

    @Test
    void onlyPeopleInScopeCanDownloadAndOnlyTheLeadCanDelete() {
        Setup s = setup(Area.PORTSMOUTH);
        upload(s, "minutes.pdf", PDF, "application/pdf").then().statusCode(303);
        EvidenceFile file = onlyFile(s.assessment);
        String download = "/assessments/" + s.assessment.id + "/files/" + file.id;

        WebSession otherLead = WebSession.signedIn(fixtures.lead(fixtures.anAgency().inAreas(Area.PORTSMOUTH).create())
                .email);
        otherLead.get(download).then().statusCode(404);
        WebSession otherAreaModerator = WebSession.signedIn(fixtures.moderator(Area.HAMPSHIRE).email);
        otherAreaModerator.get(download).then().statusCode(404);
        WebSession moderator = WebSession.signedIn(fixtures.moderator(Area.PORTSMOUTH).email);
        // not submitted yet: the file is the agency's draft (DraftPrivacyTest covers a submitted file)
        moderator.get(download).then().statusCode(404);
        // a moderator is offered no upload or delete form, and a post sent anyway is refused
        moderator.get(s.filesPath).then().statusCode(200)
                .body(not(containsString("Upload a file")))
                .body(not(containsString("/delete")));
        moderator.post(download + "/delete", java.util.Map.of()).then().statusCode(403);

        s.lead.get(s.filesPath).then().statusCode(200).body(containsString("action=\"" + download + "/delete\""))
                .body(containsString("Delete<span class=\"govuk-visually-hidden\"> minutes.pdf</span>"));
        s.lead.post(download + "/delete", java.util.Map.of()).then().statusCode(303);
        assertEquals(0L, fileCount(s.assessment));
    }

    @Test
    void aSubmittedAssessmentsFilesPageSaysWhyItOffersNoForm() {
        Setup s = setup(Area.PORTSMOUTH);
        upload(s, "minutes.pdf", PDF, "application/pdf").then().statusCode(303);
        lock(s.assessment);
        s.lead.get(s.filesPath).then().statusCode(200)
                .body(containsString("minutes.pdf"))
                .body(containsString("its files cannot be changed unless a moderator returns it"))
                .body(not(containsString("Upload a file")))
                .body(not(containsString("/delete")));
    }

    @Transactional
    void lock(Assessment assessment) {
        Assessment.<Assessment>findById(assessment.id).state = AssessmentState.SUBMITTED;
    }

    @Transactional
    EvidenceFile onlyFile(Assessment assessment) {
        EvidenceFile file = EvidenceFile.find("answer.assessment.id", assessment.id).singleResult();
        file.content.clone();
        return file;
    }

    @Test
    void aPdfNamedHtmlIsStoredAndDownloadedAsPdfAndThePageSaysSo() {
        Setup s = setup(Area.HAMPSHIRE);
        Response uploaded = upload(s, "evil.html", PDF, "text/html");
        uploaded.then().statusCode(303);
        assertEquals("evil.pdf", onlyFile(s.assessment).filename);
        s.lead.get(uploaded.header("Location")).then().statusCode(200)
                .body(containsString("evil.pdf has been uploaded"))
                .body(containsString("its ending was changed to match what the file is"));
        s.lead.get("/assessments/" + s.assessment.id + "/files/" + onlyFile(s.assessment).id).then().statusCode(200)
                .header("Content-Disposition", containsString("filename*=UTF-8''evil.pdf"));
    }

    @Test
    void bidiAndControlCharactersAreStrippedAndThePageSaysSo() {
        Setup s = setup(Area.HAMPSHIRE);
        Response uploaded = upload(s, "invoice\u202Efdp.txt", "plain words".getBytes(StandardCharsets.UTF_8), "text/plain");
        uploaded.then().statusCode(303);
        assertEquals("invoicefdp.txt", onlyFile(s.assessment).filename);
        s.lead.get(uploaded.header("Location")).then()
                .body(containsString("invisible or direction-changing characters were removed"));
    }

    @Test
    void aLongNameIsShortenedKeepingItsExtensionAndThePageSaysSo() {
        Setup s = setup(Area.HAMPSHIRE);
        Response uploaded = upload(s, "a".repeat(300) + ".pdf", PDF, "application/pdf");
        uploaded.then().statusCode(303);
        String name = onlyFile(s.assessment).filename;
        assertEquals(EvidenceFileName.MAX_LENGTH, name.length());
        org.junit.jupiter.api.Assertions.assertTrue(name.endsWith(".pdf"), name);
        s.lead.get(uploaded.header("Location")).then().body(containsString("it was shortened to 200 characters"));
    }

    @Test
    void dotsAloneAreNotAName() {
        Setup s = setup(Area.HAMPSHIRE);
        upload(s, "..", "plain words".getBytes(StandardCharsets.UTF_8), "text/plain").then().statusCode(303);
        assertEquals("evidence.txt", onlyFile(s.assessment).filename);
    }

    @Transactional
    long fileCount(Assessment assessment) {
        return EvidenceFile.count("answer.assessment.id", assessment.id);
    }
}
