package org.s11portal.monitoring;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.s11portal.agency.Area;
import org.s11portal.assessment.AssessmentState;
import org.s11portal.cycle.Cycle;
import org.s11portal.support.Fixtures;
import org.s11portal.support.WebSession;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * Who may see what of year 2: the agency's own lead (its pages, its API), moderators whose scope holds the agency (the
 * monitoring pages, the API). A lead of another agency and a moderator of another partnership get 404 everywhere, as
 * does anyone for an assessment not in year 2.
 */
@QuarkusTest
class MonitoringScopeTest {

    @Inject
    Fixtures fixtures;

    @Inject
    YearTwoData data;

    @Test
    void outOfScopeIsNotFoundOnEveryPageFormAndApiOfYearTwo() {
        Cycle cycle = fixtures.aCycle().withTool().create();
        Checkpoint checkpoint = data.checkpoint(cycle, "Progress update", cycle.year2Due);
        YearTwoData.Plan plan = data.plan(cycle, Area.PORTSMOUTH, AssessmentState.MONITORING, 1);
        YearTwoData.Plan other = data.plan(cycle, Area.PORTSMOUTH, AssessmentState.MONITORING, 1);
        WebSession ownLead = WebSession.signedIn(plan.lead().email);
        WebSession otherLead = WebSession.signedIn(other.lead().email);
        WebSession moderator = WebSession.signedIn(fixtures.moderator(Area.PORTSMOUTH).email);
        WebSession otherModerator = WebSession.signedIn(fixtures.moderator(Area.HAMPSHIRE).email);
        otherLead.get(other.path());
        otherModerator.get("/monitoring");

        List<String> leadPages = List.of(plan.path(), plan.path() + "/actions/" + plan.action(0),
                plan.path() + "/checkpoints/" + checkpoint.id);
        List<String> moderatorPages = List.of(plan.moderatorPath());
        String api = "/api/v1/monitoring/assessments/" + plan.assessment().id + "/actions";
        List<String> wrong = new ArrayList<>();
        for (String path : leadPages) {
            expect(wrong, "own lead " + path, ownLead.get(path).statusCode(), 200);
            expect(wrong, "other lead " + path, otherLead.get(path).statusCode(), 404);
        }
        expect(wrong, "own lead API", ownLead.api().get(api).statusCode(), 200);
        expect(wrong, "other lead API", otherLead.api().get(api).statusCode(), 404);
        expect(wrong, "moderator API", moderator.api().get(api).statusCode(), 200);
        expect(wrong, "other moderator API", otherModerator.api().get(api).statusCode(), 404);
        for (String path : moderatorPages) {
            expect(wrong, "moderator " + path, moderator.get(path).statusCode(), 200);
            expect(wrong, "other moderator " + path, otherModerator.get(path).statusCode(), 404);
        }
        // forms: another agency's lead and another partnership's moderator change nothing
        expect(wrong, "other lead posts an update", otherLead.post(plan.path() + "/actions/" + plan.action(0),
                Map.of("status", "ON_TRACK", "done", "x")).statusCode(), 404);
        expect(wrong, "other lead sends a return", otherLead.post(plan.path() + "/checkpoints/" + checkpoint.id,
                Map.of("summary", "x")).statusCode(), 404);
        expect(wrong, "other lead agrees", otherLead.post(plan.path() + "/agree", Map.of()).statusCode(), 404);
        for (String form : List.of("/requests", "/conclusion", "/close")) {
            expect(wrong, "other moderator " + form, otherModerator.post(plan.moderatorPath() + form,
                    Map.of("request", "x", "conclusion", "x")).statusCode(), 404);
        }
        // an action of another agency under this assessment's address
        expect(wrong, "another agency's action", ownLead.get(plan.path() + "/actions/" + other.action(0)).statusCode(), 404);
        assertEquals(List.of(), wrong);
        assertEquals(List.of(), data.updates(plan.action(0)), "nothing posted");
        assertEquals(List.of(), data.requests(plan.assessment()), "nothing asked");

        // the overview and its API hold only agencies in scope
        otherModerator.get("/monitoring?cycle=" + cycle.id).then().statusCode(200).body(not(containsString(plan.agency().name)));
        moderator.get("/monitoring?cycle=" + cycle.id).then().statusCode(200).body(containsString(plan.agency().name));
        otherModerator.api().get("/api/v1/monitoring?cycle=" + cycle.id).then().statusCode(200)
                .body(not(containsString(plan.agency().name)));
        expect(wrong, "a lead on the moderators' API", ownLead.api().get("/api/v1/monitoring?cycle=" + cycle.id).statusCode(), 404);
        assertEquals(List.of(), wrong);
    }

    @Test
    void anAssessmentNotInYearTwoIsNotFoundAndOtherRolesAreRefused() {
        Cycle cycle = fixtures.aCycle().withTool().create();
        YearTwoData.Plan draft = data.plan(cycle, Area.SOUTHAMPTON, AssessmentState.IN_PROGRESS, 1);
        YearTwoData.Plan monitored = data.plan(cycle, Area.SOUTHAMPTON, AssessmentState.MONITORING, 1);
        WebSession lead = WebSession.signedIn(draft.lead().email);
        WebSession moderator = WebSession.signedIn(fixtures.moderator(Area.SOUTHAMPTON).email);
        WebSession admin = WebSession.signedIn(fixtures.admin(Area.SOUTHAMPTON).email);
        lead.get(draft.path()).then().statusCode(404);
        moderator.get(draft.moderatorPath()).then().statusCode(404);
        // the lead's pages are the lead's, the monitoring pages the moderators'
        moderator.get(monitored.path()).then().statusCode(403);
        WebSession.signedIn(monitored.lead().email).get(monitored.moderatorPath()).then().statusCode(403);
        admin.get(monitored.moderatorPath()).then().statusCode(403);
        admin.get("/monitoring").then().statusCode(403);
    }

    static void expect(List<String> wrong, String what, int status, int expected) {
        if (status != expected) {
            wrong.add(what + ": " + status + " (expected " + expected + ")");
        }
    }
}
