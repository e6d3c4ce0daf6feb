package org.s11portal.assessment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.s11portal.agency.Agency;
import org.s11portal.agency.Area;
import org.s11portal.common.config.PortalClock;
import org.s11portal.cycle.Cycle;
import org.s11portal.support.Fixtures;
import org.s11portal.support.WebSession;
import org.s11portal.tool.Question;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** Two agencies: the lead of one gets 404 on every URL of the other's self-assessment, reads and writes alike. */
@QuarkusTest
class AssessmentScopeTest {

    @Inject
    PortalClock clock;

    @Inject
    Fixtures fixtures;

    @Test
    void anotherAgencysLeadGets404OnEveryUrl() {
        Cycle cycle = fixtures.aCycle().withTool().create();
        Agency agencyA = fixtures.anAgency().inAreas(Area.SOUTHAMPTON).create();
        Agency agencyB = fixtures.anAgency().inAreas(Area.SOUTHAMPTON).create();
        Assessment b = fixtures.anAssessment().forAgency(agencyB).inCycle(cycle).submitted().create();
        Question q = fixtures.questions(cycle).get(0);
        Answer answer = fixtures.anAnswer(b, q).rated(Rating.PART).evidence("B's private evidence").create();
        ActionItem action = fixtures.anAction(b, q).create();
        long fileId = storeFile(answer);
        WebSession leadA = WebSession.signedIn(fixtures.lead(agencyA).email);
        leadA.get("/home");
        String base = "/assessments/" + b.id;

        List<String> reads = List.of(base, base + "/standards/T1", base + "/check", base + "/view", base + "/view?version=1",
                base + "/submitted", base + "/actions", base + "/actions/new", base + "/actions/" + action.id,
                base + "/questions/" + q.id + "/files", base + "/questions/" + q.id + "/history", base + "/files/" + fileId,
                base + "/changes?version=2", base + "/return");
        for (String url : reads) {
            assertEquals(404, leadA.get(url).statusCode(), "GET " + url);
            assertEquals(false, leadA.get(url).asString().contains("B&#39;s private evidence"), "GET " + url);
        }
        List<String> writes = List.of(base + "/standards/T1", base + "/carry-forward", base + "/submit", base + "/actions",
                base + "/actions/" + action.id, base + "/actions/" + action.id + "/delete", base + "/files/" + fileId + "/delete",
                base + "/return");
        for (String url : writes) {
            assertEquals(404, leadA.post(url, Map.of("q" + q.id + "-version", "0", "standard", "T1")).statusCode(), "POST " + url);
        }
        assertEquals(404, leadA.api().get("/api/v1" + base).statusCode());
        assertEquals(404, leadA.api().body(Map.of("rating", "FULL")).put("/api/v1" + base + "/answers/T1.Q1").statusCode());
        assertEquals(404, leadA.api().body(Map.of("standard", "T1")).post("/api/v1" + base + "/actions").statusCode());
        assertEquals(404, leadA.api().body(Map.of("declaredByName", "x", "declaredRole", "y")).post("/api/v1" + base + "/submit").statusCode());
    }

    @Test
    void moderatorsAreSentToTheReadOnlyViewAndCannotEditAnAgencysAnswers() {
        Cycle cycle = fixtures.aCycle().withTool().create();
        Agency agency = fixtures.anAgency().inAreas(Area.PORTSMOUTH).create();
        Assessment assessment = fixtures.anAssessment().forAgency(agency).inCycle(cycle).inProgress().create();
        Question q = fixtures.questions(cycle).get(0);
        WebSession moderator = WebSession.signedIn(fixtures.moderator(Area.PORTSMOUTH).email);
        String base = "/assessments/" + assessment.id;
        var page = moderator.get(base + "/standards/T1");
        assertEquals(303, page.statusCode());
        assertEquals(true, page.header("Location").endsWith(base + "/view#standard-T1"));
        assertEquals(403, moderator.post(base + "/standards/T1", Map.of("q" + q.id + "-version", "", "q" + q.id + "-rating", "FULL")).statusCode());
        assertEquals(403, moderator.api().body(Map.of("rating", "FULL")).put("/api/v1" + base + "/answers/T1.Q1").statusCode());
    }

    @jakarta.transaction.Transactional
    long storeFile(Answer answer) {
        EvidenceFile file = new EvidenceFile();
        file.answer = Answer.findById(answer.id);
        file.filename = "private.pdf";
        file.contentType = "application/pdf";
        file.sizeBytes = 4;
        file.sha256 = "0".repeat(64);
        file.content = "%PDF".getBytes();
        file.uploadedBy = org.s11portal.account.User.findAll().firstResult();
        file.uploadedAt = clock.now();
        file.persist();
        return file.id;
    }
}
