package org.s11portal.monitoring;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.s11portal.agency.Area;
import org.s11portal.assessment.AssessmentState;
import org.s11portal.cycle.Cycle;
import org.s11portal.support.Fixtures;
import org.s11portal.support.PageCost;
import org.s11portal.support.WebSession;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** What year 2's pages cost the database: the same for one agency with one action as for many with many (no N+1). */
@QuarkusTest
class MonitoringPageCostTest {

    @Inject
    Fixtures fixtures;

    @Inject
    YearTwoData data;

    @Inject
    PageCost cost;

    @Test
    void theMonitoringPageCostsTheSameForOneAgencyOrSixWithThirtyActionsEach() {
        long small = overview(fixtures.aCycle().withTool().create(), 1, 1);
        long big = overview(fixtures.aCycle().withTool(6, 5).create(), 6, 30);
        assertEquals(small, big, "the monitoring page must not cost a statement per agency, action or update");
        assertTrue(big <= 14, "the monitoring page: " + big + " statements");
    }

    @Test
    void theLeadsPlanAndTheModeratorsAgencyPageCostTheSameForOneOrThirtyActions() {
        Cycle small = fixtures.aCycle().withTool().create();
        Cycle big = fixtures.aCycle().withTool(6, 5).create();
        YearTwoData.Plan one = withUpdates(small, 1, Area.SOUTHAMPTON);
        YearTwoData.Plan many = withUpdates(big, 30, Area.SOUTHAMPTON);
        assertEquals(leadPage(one), leadPage(many), "the lead's year-2 plan must not cost a statement per action, update or file");
        WebSession moderator = WebSession.signedIn(fixtures.moderator(Area.SOUTHAMPTON).email);
        assertEquals(page(moderator, one.moderatorPath()), page(moderator, many.moderatorPath()),
                "the moderator's agency page must not cost a statement per action, update or file");
        moderator.get(many.moderatorPath());
        assertTrue(cost.transactions(() -> moderator.get(many.moderatorPath()).then().statusCode(200)) <= 1, "one transaction");
    }

    private long overview(Cycle cycle, int agencies, int actions) {
        Checkpoint checkpoint = data.checkpoint(cycle, "Progress update", cycle.year2Due);
        for (int i = 0; i < agencies; i++) {
            YearTwoData.Plan plan = withUpdates(cycle, actions, Area.ISLE_OF_WIGHT);
            WebSession lead = WebSession.signedIn(plan.lead().email);
            lead.get(plan.path() + "/checkpoints/" + checkpoint.id);
            lead.post(plan.path() + "/checkpoints/" + checkpoint.id, Map.of("summary", "Sent")).then().statusCode(303);
        }
        WebSession moderator = WebSession.signedIn(fixtures.moderator(Area.ISLE_OF_WIGHT).email);
        String path = "/monitoring?cycle=" + cycle.id;
        moderator.get(path).then().statusCode(200);
        return cost.statements(() -> moderator.get(path).then().statusCode(200).body(containsString("Answered on time")));
    }

    /** An agency in year 2 with this many actions, each with one update carrying two files. */
    private YearTwoData.Plan withUpdates(Cycle cycle, int actions, Area area) {
        YearTwoData.Plan plan = data.plan(cycle, area, AssessmentState.MONITORING, actions);
        WebSession lead = WebSession.signedIn(plan.lead().email);
        lead.get(plan.path());
        for (int i = 0; i < actions; i++) {
            YearTwoData.postWithFiles(lead, plan.path() + "/actions/" + plan.action(i), Map.of("status", "ON_TRACK", "done",
                    "Update " + i), ProgressUpdateFilesTest.files("register.pdf", ProgressUpdateFilesTest.PDF,
                            "notes.txt", ProgressUpdateFilesTest.TEXT)).then().statusCode(303);
        }
        return plan;
    }

    private long leadPage(YearTwoData.Plan plan) {
        return page(WebSession.signedIn(plan.lead().email), plan.path());
    }

    private long page(WebSession session, String path) {
        session.get(path).then().statusCode(200);
        return cost.statements(() -> session.get(path).then().statusCode(200));
    }

}
