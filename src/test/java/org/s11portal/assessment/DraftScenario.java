package org.s11portal.assessment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.s11portal.agency.Agency;
import org.s11portal.agency.Area;
import org.s11portal.cycle.Cycle;
import org.s11portal.support.Fixtures;
import org.s11portal.support.WebSession;
import org.s11portal.tool.Question;

import io.restassured.response.Response;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * The draft-privacy scenario, made through the real pages: an agency submits (version 1), is returned,
 * resubmits with new evidence (version 2), is returned again and edits its draft (new evidence, a new file,
 * a new action); a second agency in the same area answers but never submits.
 */
@ApplicationScoped
public class DraftScenario {

    static final Map<String, String> SIGN_OFF = Map.of("declaredByName", "Dr Jane Senior", "declaredRole", "Director", "confirm", "yes");
    static final String V1 = "Evidence for T1.Q1";
    static final String SUBMITTED = "SUBMITTED-V2-EVIDENCE";
    static final String DRAFT = "DRAFT-AFTER-RETURN-EVIDENCE";
    static final String DRAFT_ACTION = "DRAFT-ONLY-ACTION";
    static final String NEVER_SUBMITTED = "NEVER-SUBMITTED-EVIDENCE";

    @Inject
    Fixtures fixtures;

    public record Made(Agency agency, Question question, String base, long submittedFileId, long draftFileId,
            WebSession lead, WebSession moderator, String moderatorEmail, String adminEmail,
            Agency quietAgency, String quietBase, long quietFileId) {
    }

    public Made make() {
        Cycle cycle = fixtures.aCycle().withTool().create();
        Agency agency = fixtures.anAgency().inAreas(Area.PORTSMOUTH).create();
        Assessment assessment = fixtures.anAssessment().forAgency(agency).inCycle(cycle).inProgress().create();
        fixtures.answerAllFully(assessment, cycle);
        Question q = fixtures.questions(cycle).get(0);
        String base = "/assessments/" + assessment.id;
        WebSession lead = WebSession.signedIn(fixtures.lead(agency).email);
        String moderatorEmail = fixtures.moderator(Area.PORTSMOUTH).email;
        WebSession moderator = WebSession.signedIn(moderatorEmail);

        long submittedFileId = upload(lead, base, q, "submitted-minutes.txt", "minutes as submitted");
        submit(lead, base);
        returnToAgency(moderator, base, "Strengthen T1");
        saveT1Q1(lead, base, assessment, q, SUBMITTED);
        submit(lead, base);
        returnToAgency(moderator, base, "Nearly there");
        saveT1Q1(lead, base, assessment, q, DRAFT);
        long draftFileId = upload(lead, base, q, "draft-only-notes.txt", "notes not yet submitted");
        lead.api().body(Map.of("standard", "T1", "action", DRAFT_ACTION)).post("/api/v1" + base + "/actions")
                .then().statusCode(201);

        Agency quietAgency = fixtures.anAgency().inAreas(Area.PORTSMOUTH).create();
        Assessment quiet = fixtures.anAssessment().forAgency(quietAgency).inCycle(cycle).inProgress().create();
        fixtures.anAnswer(quiet, q).evidence(NEVER_SUBMITTED).impact("Impact").create();
        String quietBase = "/assessments/" + quiet.id;
        WebSession quietLead = WebSession.signedIn(fixtures.lead(quietAgency).email);
        long quietFileId = upload(quietLead, quietBase, q, "never-submitted.txt", "never submitted");
        return new Made(agency, q, base, submittedFileId, draftFileId, lead, moderator, moderatorEmail,
                fixtures.admin(Area.PORTSMOUTH).email, quietAgency, quietBase, quietFileId);
    }

    private static void submit(WebSession lead, String base) {
        lead.get(base + "/check");
        lead.post(base + "/submit", SIGN_OFF).then().statusCode(303);
    }

    private static void returnToAgency(WebSession moderator, String base, String comment) {
        moderator.get(base + "/return");
        moderator.post(base + "/return", Map.of("comment-overall", comment)).then().statusCode(303);
    }

    private void saveT1Q1(WebSession lead, String base, Assessment assessment, Question q, String evidence) {
        int version = answerVersion(assessment, q);
        lead.get(base + "/standards/T1");
        lead.post(base + "/standards/T1", Map.of("q" + q.id + "-version", String.valueOf(version), "q" + q.id + "-rating", "FULL",
                "q" + q.id + "-evidence", evidence, "q" + q.id + "-impact", "Impact for T1.Q1")).then().statusCode(303);
    }

    @Transactional
    int answerVersion(Assessment assessment, Question q) {
        return Answer.<Answer>find("assessment.id = ?1 and question.id = ?2", assessment.id, q.id).singleResult().version;
    }

    private long upload(WebSession session, String assessmentBase, Question question, String name, String text) {
        String path = assessmentBase + "/questions/" + question.id + "/files";
        session.get(path);
        Response response = session.request().multiPart("csrf-token", session.cookie("csrf-token"))
                .multiPart("file", name, text.getBytes(StandardCharsets.UTF_8), "text/plain").post(path);
        assertEquals(303, response.statusCode());
        return fileId(assessmentBase, name);
    }

    @Transactional
    long fileId(String assessmentBase, String name) {
        long assessmentId = Long.parseLong(assessmentBase.substring(assessmentBase.lastIndexOf('/') + 1));
        return EvidenceFile.<EvidenceFile>find("answer.assessment.id = ?1 and filename = ?2", assessmentId, name)
                .singleResult().id;
    }
}
