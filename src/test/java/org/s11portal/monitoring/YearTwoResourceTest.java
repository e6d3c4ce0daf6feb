package org.s11portal.monitoring;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.s11portal.agency.Area;
import org.s11portal.assessment.ActionStatus;
import org.s11portal.assessment.AssessmentEvent;
import org.s11portal.assessment.AssessmentState;
import org.s11portal.common.config.PortalClock;
import org.s11portal.cycle.Cycle;
import org.s11portal.support.Fixtures;
import org.s11portal.support.TestClock;
import org.s11portal.support.WebSession;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * The lead's year 2: confirming the agreed plan, posting progress (complete needs evidence of impact, no longer needed
 * a reason; append-only), checkpoint returns on time, late or missing, and a moderator's request until it is answered.
 */
@QuarkusTest
class YearTwoResourceTest {

    @Inject
    Fixtures fixtures;

    @Inject
    YearTwoData data;

    @Inject
    PortalClock clock;

    @Inject
    org.s11portal.letter.LetterService letters;

    static Map<String, String> update(String status, String done, String children, String evidence, String reason) {
        Map<String, String> form = new java.util.HashMap<>();
        form.put("status", status);
        form.put("done", done);
        if (children != null) {
            form.put("childrenChange", children);
        }
        if (evidence != null) {
            form.put("evidence", evidence);
        }
        if (reason != null) {
            form.put("reason", reason);
        }
        return form;
    }

    @Test
    void theLeadIsToldByWhenToConfirmThePlanSixWeeksAfterTheFirstLetter() {
        Cycle cycle = fixtures.aCycle().withTool().create();
        YearTwoData.Plan plan = data.plan(cycle, Area.PORTSMOUTH, AssessmentState.MODERATED, 1);
        var draft = letters.createDraft(plan.assessment(), org.s11portal.letter.LetterFixtures.content(plan.agency().name));
        java.time.LocalDate issuedOn = clock.today().minusDays(3);
        letters.issueAsSystem(draft.id, issuedOn.atTime(10, 0).atZone(clock.clock().getZone()).toInstant());

        WebSession.signedIn(plan.lead().email).get(plan.path()).then().statusCode(200)
                .body(containsString("<strong id=\"agree-by\">"
                        + org.s11portal.common.template.TemplateExtensions.format(issuedOn.plusWeeks(6)) + "</strong>"));
    }

    @Test
    void theLeadConfirmsTheAgreedPlanAndYearTwoStarts() {
        Cycle cycle = fixtures.aCycle().withTool().create();
        YearTwoData.Plan plan = data.plan(cycle, Area.PORTSMOUTH, AssessmentState.FEEDBACK_ISSUED, 2);
        WebSession lead = WebSession.signedIn(plan.lead().email);
        lead.get("/home").then().statusCode(200).body(containsString(plan.path()));
        lead.get(plan.path()).then().statusCode(200).body(containsString("Confirm the agreed action plan"))
                .body(not(containsString("Post an update")));

        lead.post(plan.path() + "/agree", Map.of()).then().statusCode(303);

        assertEquals(AssessmentState.MONITORING, data.state(plan.assessment()));
        assertNotNull(data.record(plan.assessment()).planAgreedAt);
        AssessmentEvent event = QuarkusTransaction.requiringNew().call(() -> AssessmentEvent
                .<AssessmentEvent>find("assessment.id = ?1 order by id desc", plan.assessment().id).firstResult());
        assertEquals(plan.lead().displayName, event.actorName, "the lead made the move");
        lead.get(plan.path()).then().statusCode(200).body(containsString("Post an update")).body(containsString("Plan agreed on"));
        lead.post(plan.path() + "/agree", Map.of()).then().statusCode(409).body(containsString("already been agreed"));
    }

    @Test
    void completeNeedsEvidenceOfImpactAndNoLongerNeededNeedsAReasonAndNothingTypedIsLost() {
        Cycle cycle = fixtures.aCycle().withTool().create();
        YearTwoData.Plan plan = data.plan(cycle, Area.PORTSMOUTH, AssessmentState.MONITORING, 2);
        WebSession lead = WebSession.signedIn(plan.lead().email);
        String form = plan.path() + "/actions/" + plan.action(0);
        lead.get(form).then().statusCode(200);

        lead.post(form, update("COMPLETE", "Typed: all workshops held", null, null, null)).then().statusCode(400)
                .body(containsString("Say what changed for children"))
                .body(containsString("Give the evidence that shows the impact"))
                .body(containsString("Typed: all workshops held"));
        lead.post(form, update("NO_LONGER_NEEDED", "Typed: replaced by the new policy", null, null, null)).then().statusCode(400)
                .body(containsString("Say why the action is no longer needed"));
        lead.post(form, update("", "", null, null, null)).then().statusCode(400)
                .body(containsString("Select the action&#39;s status now"))
                .body(containsString("Say what was done since the last update"));
        assertEquals(List.of(), data.updates(plan.action(0)), "nothing posted");

        lead.post(form, update("COMPLETE", "All workshops held", "Referrals now give clear reasons",
                "Referral audit, March", null)).then().statusCode(303);
        assertEquals(ActionStatus.COMPLETE, data.action(plan.action(0)).status, "the update sets the action's status");
        lead.post(plan.path() + "/actions/" + plan.action(1),
                update("NO_LONGER_NEEDED", "Stopped", null, null, "The service was decommissioned")).then().statusCode(303);
        ProgressUpdate stopped = data.updates(plan.action(1)).get(0);
        assertEquals("The service was decommissioned", stopped.reason);
        assertEquals(ActionStatus.NO_LONGER_NEEDED, data.action(plan.action(1)).status);
    }

    @Test
    void updatesAreAppendOnlyNewestFirstWithNoRouteToChangeOrDeleteOne() {
        Cycle cycle = fixtures.aCycle().withTool().create();
        YearTwoData.Plan plan = data.plan(cycle, Area.PORTSMOUTH, AssessmentState.MONITORING, 1);
        WebSession lead = WebSession.signedIn(plan.lead().email);
        String form = plan.path() + "/actions/" + plan.action(0);
        lead.get(form);
        lead.post(form, update("ON_TRACK", "First update text", null, null, null)).then().statusCode(303);
        lead.get(form);
        lead.post(form, update("AT_RISK", "Second update text", null, null, null)).then().statusCode(303);

        String page = lead.get(plan.path()).then().statusCode(200).extract().asString();
        assertTrue(page.indexOf("Second update text") < page.indexOf("First update text"), "newest first");
        List<ProgressUpdate> updates = data.updates(plan.action(0));
        assertEquals(2, updates.size(), "the second update followed the first; it did not replace it");
        assertEquals("First update text", updates.get(0).done);

        long id = updates.get(0).id;
        for (String path : List.of(form + "/updates/" + id, form + "/updates/" + id + "/delete", plan.path() + "/updates/" + id)) {
            int status = lead.post(path, Map.of("done", "changed")).statusCode();
            assertTrue(status == 404 || status == 405, path + ": " + status);
        }
        for (int status : List.of(lead.request().delete(form).statusCode(), lead.request().put(form).statusCode())) {
            assertTrue(status == 404 || status == 405, "no PUT or DELETE: " + status);
        }

        // the entity refuses a change and a delete, whoever tries
        assertThrows(Exception.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            ProgressUpdate.<ProgressUpdate>findById(id).done = "rewritten";
        }));
        assertThrows(Exception.class, () -> QuarkusTransaction.requiringNew().run(() -> ProgressUpdate.<ProgressUpdate>findById(id).delete()));
        assertEquals("First update text", data.updates(plan.action(0)).get(0).done, "unchanged");
        assertEquals(2, data.updates(plan.action(0)).size(), "none deleted");
    }

    @Test
    void checkpointsAreAnsweredOnTimeLateOrMissing() {
        Cycle cycle = fixtures.aCycle().withTool().create();
        Checkpoint checkpoint = data.checkpoint(cycle, "Progress update", clock.today());
        YearTwoData.Plan onTime = data.plan(cycle, Area.SOUTHAMPTON, AssessmentState.MONITORING, 1);
        YearTwoData.Plan late = data.plan(cycle, Area.SOUTHAMPTON, AssessmentState.MONITORING, 1);
        YearTwoData.Plan missing = data.plan(cycle, Area.SOUTHAMPTON, AssessmentState.MONITORING, 1);
        WebSession moderator = WebSession.signedIn(fixtures.moderator(Area.SOUTHAMPTON).email);

        sendReturn(onTime, checkpoint, "On the due date");
        String before = moderator.get("/monitoring?cycle=" + cycle.id).then().statusCode(200).extract().asString();
        assertTrue(before.contains("Answered on time") && before.contains("Not due yet") && !before.contains("Missing"), before);

        TestClock.get().setToday(clock.today().plusDays(1));
        sendReturn(late, checkpoint, "A day after");
        // a day on, sessions have expired: sign in again
        moderator = WebSession.signedIn(fixtures.moderator(Area.SOUTHAMPTON).email);
        io.restassured.path.json.JsonPath rows = moderator.api().get("/api/v1/monitoring?cycle=" + cycle.id).then().statusCode(200)
                .extract().jsonPath();
        Map<Long, String> byAssessment = new java.util.HashMap<>();
        List<Long> ids = rows.getList("assessmentId", Long.class);
        List<List<String>> all = rows.getList("checkpoints");
        for (int i = 0; i < ids.size(); i++) {
            byAssessment.put(ids.get(i), all.get(i).get(0));
        }
        assertEquals(Map.of(onTime.assessment().id, "ON_TIME", late.assessment().id, "LATE", missing.assessment().id, "MISSING"),
                byAssessment);
        moderator.get("/monitoring?cycle=" + cycle.id + "&filter=checkpoint-missed").then().statusCode(200)
                .body(containsString(missing.agency().name)).body(not(containsString(late.agency().name)));
        // a return is sent once
        WebSession lead = WebSession.signedIn(onTime.lead().email);
        lead.get(onTime.path());
        lead.post(onTime.path() + "/checkpoints/" + checkpoint.id, Map.of("summary", "Again")).then().statusCode(409);
    }

    private static void sendReturn(YearTwoData.Plan plan, Checkpoint checkpoint, String summary) {
        WebSession lead = WebSession.signedIn(plan.lead().email);
        String path = plan.path() + "/checkpoints/" + checkpoint.id;
        lead.get(path).then().statusCode(200);
        lead.post(path, Map.of("summary", "")).then().statusCode(400).body(containsString("Write a short summary"));
        lead.post(path, Map.of("summary", summary)).then().statusCode(303);
    }

    @Test
    void aModeratorsRequestStaysOnTheLeadsHomePageUntilTheLeadPostsAnUpdate() {
        Cycle cycle = fixtures.aCycle().withTool().create();
        YearTwoData.Plan plan = data.plan(cycle, Area.HAMPSHIRE, AssessmentState.MONITORING, 1);
        WebSession moderator = WebSession.signedIn(fixtures.moderator(Area.HAMPSHIRE).email);
        moderator.get(plan.moderatorPath()).then().statusCode(200);
        moderator.post(plan.moderatorPath() + "/requests", Map.of("request", "")).then().statusCode(400)
                .body(containsString("Say what more information you need"));
        moderator.post(plan.moderatorPath() + "/requests", Map.of("request", "Send the training dates")).then().statusCode(303);

        WebSession lead = WebSession.signedIn(plan.lead().email);
        lead.get("/home").then().statusCode(200).body(containsString("Send the training dates"));
        String form = plan.path() + "/actions/" + plan.action(0);
        lead.get(form);
        lead.post(form, update("ON_TRACK", "Dates: 3 and 10 May", null, null, null)).then().statusCode(303);
        lead.get("/home").then().statusCode(200).body(not(containsString("Send the training dates")));
        assertNotNull(data.requests(plan.assessment()).get(0).answeredAt);
        moderator.get(plan.moderatorPath()).then().statusCode(200).body(containsString("Answered"))
                .body(containsString("Dates: 3 and 10 May"));
    }

    @Test
    void theModeratorRecordsTheConclusionThenClosesAndTheCycleIsReadOnly() {
        Cycle cycle = fixtures.aCycle().withTool().create();
        YearTwoData.Plan plan = data.plan(cycle, Area.ISLE_OF_WIGHT, AssessmentState.MONITORING, 1);
        WebSession moderator = WebSession.signedIn(fixtures.moderator(Area.ISLE_OF_WIGHT).email);
        moderator.get(plan.moderatorPath()).then().statusCode(200).body(not(containsString("Close this agency")));
        moderator.post(plan.moderatorPath() + "/close", Map.of()).then().statusCode(400)
                .body(containsString("Record the year-2 conclusion before closing"));
        assertEquals(AssessmentState.MONITORING, data.state(plan.assessment()));

        moderator.post(plan.moderatorPath() + "/conclusion", Map.of("conclusion", "Good progress on every action"))
                .then().statusCode(303);
        moderator.get(plan.moderatorPath()).then().statusCode(200).body(containsString("Close this agency"));
        moderator.post(plan.moderatorPath() + "/close", Map.of()).then().statusCode(303);
        assertEquals(AssessmentState.CLOSED, data.state(plan.assessment()));

        WebSession lead = WebSession.signedIn(plan.lead().email);
        lead.get(plan.path()).then().statusCode(200).body(containsString("This cycle is closed"))
                .body(containsString("Good progress on every action")).body(not(containsString("Post an update")));
        String form = plan.path() + "/actions/" + plan.action(0);
        lead.get(form);
        lead.post(form, update("ON_TRACK", "Typed after closing", null, null, null)).then().statusCode(409)
                .body(containsString("This cycle is closed")).body(containsString("Typed after closing"));
        assertEquals(List.of(), data.updates(plan.action(0)));
        moderator.get(plan.moderatorPath());
        moderator.post(plan.moderatorPath() + "/requests", Map.of("request", "More")).then().statusCode(409);
        moderator.post(plan.moderatorPath() + "/conclusion", Map.of("conclusion", "Changed")).then().statusCode(409);
    }

    @Test
    void theMonitoringPageFiltersOverdueAndAtRiskAndItsCsvHoldsTheSameRows() {
        Cycle cycle = fixtures.aCycle().withTool().create();
        YearTwoData.Plan overdue = data.plan(cycle, Area.PORTSMOUTH, AssessmentState.MONITORING, 1);
        YearTwoData.Plan atRisk = data.plan(cycle, Area.PORTSMOUTH, AssessmentState.MONITORING, 1);
        YearTwoData.Plan fine = data.plan(cycle, Area.PORTSMOUTH, AssessmentState.MONITORING, 1);
        data.setAction(overdue.action(0), ActionStatus.ON_TRACK, clock.today().minusMonths(2), clock.today().minusDays(1));
        data.setAction(atRisk.action(0), ActionStatus.AT_RISK, clock.today().minusMonths(2), clock.today().plusMonths(3));
        WebSession moderator = WebSession.signedIn(fixtures.moderator(Area.PORTSMOUTH).email);

        moderator.get("/home").then().body(containsString("href=\"/monitoring\""));
        String all = moderator.get("/monitoring?cycle=" + cycle.id).then().statusCode(200).extract().asString();
        assertTrue(all.contains(overdue.agency().name) && all.contains(atRisk.agency().name) && all.contains(fine.agency().name));
        moderator.get("/monitoring?cycle=" + cycle.id + "&filter=overdue").then().statusCode(200)
                .body(containsString(overdue.agency().name)).body(not(containsString(atRisk.agency().name)))
                .body(not(containsString(fine.agency().name)));
        moderator.get("/monitoring?cycle=" + cycle.id + "&filter=at-risk").then().statusCode(200)
                .body(containsString(atRisk.agency().name)).body(not(containsString(overdue.agency().name)));
        String csv = moderator.get("/monitoring/rows.csv?cycle=" + cycle.id + "&filter=overdue").then().statusCode(200)
                .extract().asString();
        assertEquals(2, csv.split("\r\n").length, "the header and the one overdue agency: " + csv);
        assertTrue(csv.contains("\"" + overdue.agency().name + "\"") && csv.contains("\"1\""), csv);
        moderator.get("/monitoring?cycle=" + cycle.id + "&area=HAMPSHIRE").then().statusCode(200)
                .body(not(containsString(overdue.agency().name)));
    }
}
