package org.s11portal.cycleadmin;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.s11portal.agency.Agency;
import org.s11portal.agency.Area;
import org.s11portal.assessment.Answer;
import org.s11portal.assessment.Assessment;
import org.s11portal.assessment.AssessmentEvent;
import org.s11portal.assessment.AssessmentState;
import org.s11portal.common.config.PortalClock;
import org.s11portal.common.template.TemplateExtensions;
import org.s11portal.cycle.Cycle;
import org.s11portal.letter.FeedbackLetter;
import org.s11portal.letter.LetterFixtures;
import org.s11portal.letter.LetterService;
import org.s11portal.monitoring.InformationRequest;
import org.s11portal.monitoring.YearTwoData;
import org.s11portal.panel.AgendaItem;
import org.s11portal.panel.PanelTestData;
import org.s11portal.support.Fixtures;
import org.s11portal.support.WebSession;
import org.s11portal.tool.Question;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * Closing a cycle closes each of its assessments (whatever their state, through the lifecycle, recorded as "System"),
 * so that nothing of the cycle can be changed by its leads or moderators: an answer, a panel finding, a letter, a
 * year-2 request are each refused with "This cycle closed on <date>", and every page still reads, without its forms.
 */
@QuarkusTest
class CycleCloseTest {

    @Inject
    Fixtures fixtures;

    @Inject
    PanelTestData panels;

    @Inject
    YearTwoData yearTwo;

    @Inject
    LetterService letters;

    @Inject
    PortalClock clock;

    @Test
    void afterTheCycleClosesNothingOfItCanBeChangedAndEveryPageReadsWithTheDate() {
        Cycle cycle = fixtures.aCycle().withTool().create(); // the live cycle
        Agency drafting = fixtures.anAgency().inAreas(Area.PORTSMOUTH).create();
        Assessment draft = fixtures.anAssessment().forAgency(drafting).inCycle(cycle).inProgress().create();
        Agency moderated = fixtures.anAgency().inAreas(Area.PORTSMOUTH).create();
        Assessment withLetter = fixtures.anAssessment().forAgency(moderated).inCycle(cycle).inState(AssessmentState.MODERATED).create();
        FeedbackLetter letter = letters.createDraft(withLetter, LetterFixtures.content(moderated.name));
        Agency submitting = fixtures.anAgency().inAreas(Area.PORTSMOUTH).create();
        Assessment submitted = panels.submittedThroughThePages(submitting, cycle);
        YearTwoData.Plan monitored = yearTwo.plan(cycle, Area.PORTSMOUTH, AssessmentState.MONITORING, 1);
        var moderatorUser = fixtures.moderator(Area.PORTSMOUTH);
        WebSession moderator = WebSession.signedIn(moderatorUser.email);
        long panelId = PanelTestData.plan(moderator, clock.today().plusDays(3), "LOCAL", moderatorUser.id);
        AgendaItem item = panels.items(panelId).stream().filter(i -> i.assessment.id.equals(submitted.id)).findFirst().orElseThrow();
        WebSession lead = WebSession.signedIn(fixtures.lead(drafting).email);
        Question question = fixtures.questions(cycle).get(0);
        lead.get("/assessments/" + draft.id + "/standards/T1").then().statusCode(200).body(containsString("Save and continue"));

        WebSession admin = WebSession.signedIn(fixtures.admin(null).email);
        admin.get("/admin/cycles/" + cycle.id + "/close").then().statusCode(200);
        admin.post("/admin/cycles/" + cycle.id + "/close", Map.of()).then().statusCode(303);

        String closedOn = "This cycle closed on " + TemplateExtensions.format(clock.today());
        QuarkusTransaction.requiringNew().run(() -> {
            Cycle closed = Cycle.findById(cycle.id);
            assertEquals(Cycle.Status.CLOSED, closed.status);
            assertEquals(clock.today(), closed.closedOn);
            for (Assessment a : List.of(draft, withLetter, submitted, monitored.assessment())) {
                Assessment now = Assessment.findById(a.id);
                assertEquals(AssessmentState.CLOSED, now.state, "closed with the cycle");
                AssessmentEvent last = AssessmentEvent.find("assessment.id = ?1 order by id desc", a.id).firstResult();
                assertEquals("System", last.actorName);
                assertEquals("The cycle closed", last.note);
            }
        });

        // the lead: an answer is refused, with the reason, and the pages read without their forms
        lead.post("/assessments/" + draft.id + "/standards/T1", Map.of("q" + question.id + "-version", "",
                "q" + question.id + "-rating", "FULL", "q" + question.id + "-evidence", "Typed after the close", "action", "later"))
                .then().statusCode(409).body(containsString(closedOn));
        assertNull(QuarkusTransaction.requiringNew().call(
                () -> Answer.find("assessment.id = ?1 and question.id = ?2", draft.id, question.id).firstResult()), "nothing saved");
        lead.get("/assessments/" + draft.id).then().statusCode(200).body(containsString(closedOn));
        lead.get("/assessments/" + draft.id + "/standards/T1").then().statusCode(200).body(containsString(closedOn))
                .body(not(containsString("Save and continue")));
        lead.get("/assessments/" + draft.id + "/actions").then().statusCode(200).body(containsString(closedOn));

        // moderators: a panel finding, a letter and a year-2 request are each refused, and their pages read
        moderator.post("/panels/" + panelId + "/items/" + item.id + "/findings/T1",
                PanelTestData.finding("T1", "yes", null, null, "Strong after the close", "")).then().statusCode(409)
                .body(containsString(closedOn)).body(containsString("was not saved"));
        assertNull(panels.finding(item.id, "T1"), "no finding saved");
        moderator.get("/panels/" + panelId + "/items/" + item.id).then().statusCode(200).body(containsString(closedOn))
                .body(not(containsString("/findings/T1\"")));

        Map<String, String> paragraphs = new HashMap<>();
        paragraphs.put("version", String.valueOf(letter.version));
        paragraphs.put("strengths", "Edited after the close");
        paragraphs.put("development-T1", "");
        paragraphs.put("development-T2", "");
        moderator.post("/letters/" + letter.id, paragraphs).then().statusCode(409).body(containsString(closedOn))
                .body(containsString("Edited after the close"));
        moderator.get("/letters/" + letter.id).then().statusCode(200).body(containsString(closedOn))
                .body(not(containsString("Save and preview")));
        moderator.post("/letters/" + letter.id + "/issue", Map.of()).then().statusCode(409).body(containsString(closedOn));
        QuarkusTransaction.requiringNew().run(() -> assertTrue(FeedbackLetter.<FeedbackLetter>findById(letter.id).isDraft()));

        moderator.post(monitored.moderatorPath() + "/requests", Map.of("request", "Asked after the close")).then()
                .statusCode(409).body(containsString(closedOn));
        assertEquals(List.of(), yearTwo.requests(monitored.assessment()));
        moderator.get(monitored.moderatorPath()).then().statusCode(200).body(containsString(closedOn));
        WebSession.signedIn(monitored.lead().email).get(monitored.path()).then().statusCode(200).body(containsString(closedOn));
        moderator.get("/assessments/" + submitted.id + "/view").then().statusCode(200).body(containsString(closedOn));
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> InformationRequest.count("assessment.id", monitored.assessment().id)));
    }
}
