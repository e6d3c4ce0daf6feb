package org.s11portal.home;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.s11portal.agency.Agency;
import org.s11portal.agency.Area;
import org.s11portal.assessment.Assessment;
import org.s11portal.assessment.AssessmentState;
import org.s11portal.assessment.SubmissionVersion;
import org.s11portal.cycle.Cycle;
import org.s11portal.support.Fixtures;
import org.s11portal.support.PageCost;
import org.s11portal.support.WebSession;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** What /home costs the database: the same few statements however many submissions wait and agencies there are. */
@QuarkusTest
class HomePageCostTest {

    @Inject
    Fixtures fixtures;

    @Inject
    PageCost cost;

    @Test
    void aModeratorsHomeCostsTheSameWithOneOrFiveSubmissionsWaiting() {
        Cycle cycle = fixtures.aCycle().withTool().create();
        Agency first = submittedAgency(cycle);
        WebSession moderator = WebSession.signedIn(fixtures.moderator(Area.ISLE_OF_WIGHT).email);
        moderator.get("/home").then().statusCode(200).body(containsString(first.name));
        long withOne = cost.statements(() -> moderator.get("/home").then().statusCode(200));

        Agency last = null;
        for (int i = 0; i < 4; i++) {
            last = submittedAgency(cycle);
            fixtures.anAgency().inAreas(Area.ISLE_OF_WIGHT).create(); // and an agency that has not started
        }
        moderator.get("/home").then().statusCode(200).body(containsString(last.name));
        long withFive = cost.statements(() -> moderator.get("/home").then().statusCode(200)
                .body(containsString("/agencies/" + first.id)));

        assertEquals(withOne, withFive, "a moderator's home must not cost a statement per submission or agency");
        assertTrue(withFive <= 6, "a moderator's home: " + withFive + " statements");
        assertEquals(0, cost.entityLoads(SubmissionVersion.class, () -> moderator.get("/home").then().statusCode(200)),
                "the review queue reads the columns it shows, never a frozen submission");
    }

    @Test
    void aLeadsHomeCostsTheSameBeforeAndAfterSubmitting() {
        Cycle cycle = fixtures.aCycle().withTool().create();
        Agency agency = fixtures.anAgency().inAreas(Area.ISLE_OF_WIGHT).create();
        Assessment assessment = fixtures.anAssessment().forAgency(agency).inCycle(cycle).inProgress().create();
        WebSession lead = WebSession.signedIn(fixtures.lead(agency).email);
        lead.get("/home").then().statusCode(200);
        long drafting = cost.statements(() -> lead.get("/home").then().statusCode(200).body(containsString(agency.name)));

        fixtures.answerAllFully(assessment, cycle);
        PageCost.submit(lead, assessment);
        lead.get("/home").then().statusCode(200);
        long submitted = cost.statements(() -> lead.get("/home").then().statusCode(200).body(containsString("Submitted")));

        assertEquals(drafting, submitted, "a lead's home costs the same whatever the assessment holds");
        // 5: the year-2 plans of the lead's agency (one statement; a second for their open requests when there are any)
        assertTrue(submitted <= 5, "a lead's home: " + submitted + " statements");
    }

    private Agency submittedAgency(Cycle cycle) {
        Agency agency = fixtures.anAgency().inAreas(Area.ISLE_OF_WIGHT).create();
        Assessment assessment = fixtures.anAssessment().forAgency(agency).inCycle(cycle).inProgress().create();
        fixtures.answerAllFully(assessment, cycle);
        PageCost.submit(WebSession.signedIn(fixtures.lead(agency).email), assessment);
        return agency;
    }
}
