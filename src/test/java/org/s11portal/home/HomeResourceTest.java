package org.s11portal.home;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.s11portal.account.User;
import org.s11portal.agency.Agency;
import org.s11portal.agency.Area;
import org.s11portal.assessment.Answer;
import org.s11portal.assessment.Assessment;
import org.s11portal.assessment.Rating;
import org.s11portal.cycle.Cycle;
import org.s11portal.support.Fixtures;
import org.s11portal.support.WebSession;
import org.s11portal.tool.Question;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

@QuarkusTest
class HomeResourceTest {

    @Inject
    Fixtures fixtures;

    @Test
    void agencyLeadSeesTheirAgencyRouteAndDeadline() {
        Cycle cycle = fixtures.aCycle().create();
        Agency agency = fixtures.anAgency().inAreas(Area.PORTSMOUTH, Area.SOUTHAMPTON).create();
        fixtures.anAssessment().forAgency(agency).inCycle(cycle).inProgress().create();
        User lead = fixtures.lead(agency);

        WebSession.signedIn(lead.email).get("/home").then().statusCode(200)
                .body(containsString(agency.name))
                .body(containsString("Joint (HIPS)"))
                .body(containsString("Portsmouth, Southampton"))
                .body(containsString("In progress"))
                .body(containsString("days left"))
                .header("Cache-Control", "no-store");
    }

    @Test
    void moderatorSeesJointAgenciesAndTheirOwnAreasLocalOnes() {
        Agency joint = fixtures.anAgency().inAreas(Area.HAMPSHIRE, Area.ISLE_OF_WIGHT).create();
        Agency ownLocal = fixtures.anAgency().inAreas(Area.PORTSMOUTH).create();
        Agency otherLocal = fixtures.anAgency().inAreas(Area.SOUTHAMPTON).create();
        User moderator = fixtures.moderator(Area.PORTSMOUTH);

        WebSession.signedIn(moderator.email).get("/home").then().statusCode(200)
                .body(containsString(joint.name))
                .body(containsString(ownLocal.name))
                .body(not(containsString(otherLocal.name)));
    }

    @Test
    void aModeratorsHomeLeadsToEachSubmissionWaitingForReview() {
        Cycle cycle = fixtures.aCycle().withTool().create();
        Agency waiting = fixtures.anAgency().inAreas(Area.PORTSMOUTH).create();
        Assessment submitted = fixtures.anAssessment().forAgency(waiting).inCycle(cycle).inProgress().create();
        fixtures.answerAllFully(submitted, cycle);
        Agency flagged = fixtures.anAgency().inAreas(Area.PORTSMOUTH).create();
        Assessment withoutImpact = fixtures.anAssessment().forAgency(flagged).inCycle(cycle).inProgress().create();
        fixtures.answerAllFully(withoutImpact, cycle);
        Agency drafting = fixtures.anAgency().inAreas(Area.PORTSMOUTH).create();
        Assessment draft = fixtures.anAssessment().forAgency(drafting).inCycle(cycle).inProgress().create();
        submit(fixtures.lead(waiting).email, submitted);
        WebSession moderator = WebSession.signedIn(fixtures.moderator(Area.PORTSMOUTH).email);
        moderator.get("/assessments/" + submitted.id + "/return");
        moderator.post("/assessments/" + submitted.id + "/return", Map.of("comment-overall", "Say more")).then().statusCode(303);
        submit(fixtures.lead(waiting).email, submitted);
        Question first = fixtures.questions(cycle).get(0);
        withoutImpact(withoutImpact, first);
        fixtures.anAction(withoutImpact, first).create();
        submit(fixtures.lead(flagged).email, withoutImpact);

        String home = moderator.get("/home").then().statusCode(200).extract().asString();
        String queue = home.substring(home.indexOf("Waiting for review"), home.indexOf("All agencies"));
        assertTrue(queue.contains("href=\"/assessments/" + submitted.id + "/view\">" + waiting.name), queue);
        assertTrue(queue.contains("Resubmitted after return"), queue);
        assertTrue(queue.contains("href=\"/assessments/" + withoutImpact.id + "/view\">" + flagged.name), queue);
        assertTrue(queue.contains("Flagged") && queue.contains("1 answer without evidence of impact"), queue);
        assertFalse(queue.contains(drafting.name), queue);
        // the agencies table links each submission's status, not a draft's
        assertTrue(home.contains("href=\"/assessments/" + submitted.id + "/view\"><strong class=\"govuk-tag"), home);
        assertFalse(home.contains("/assessments/" + draft.id + "/view"), home);
        moderator.get("/assessments/" + submitted.id + "/view").then().statusCode(200).body(containsString(waiting.name));
        moderator.get("/agencies/" + waiting.id).then().statusCode(200)
                .body(containsString("href=\"/assessments/" + submitted.id + "/view\""));
    }

    private static void submit(String leadEmail, Assessment assessment) {
        WebSession lead = WebSession.signedIn(leadEmail);
        lead.get("/assessments/" + assessment.id + "/check");
        lead.post("/assessments/" + assessment.id + "/submit", Map.of("declaredByName", "Dr Jane Senior",
                "declaredRole", "Director", "confirm", "yes")).then().statusCode(303);
    }

    @Transactional
    void withoutImpact(Assessment assessment, Question question) {
        // partly in place (with an action) may be submitted without evidence of impact: moderators see the flag
        Answer answer = Answer.<Answer>find("assessment.id = ?1 and question.id = ?2", assessment.id, question.id).singleResult();
        answer.rating = Rating.PART;
        answer.impact = null;
    }

    @Test
    void anAgencyTheLiveCycleLeavesOutIsShownAsNotTakingPart() {
        fixtures.aCycle().withTool().create();
        Agency taking = fixtures.anAgency().inAreas(Area.ISLE_OF_WIGHT).create();
        Agency leftOut = fixtures.anAgency().inAreas(Area.ISLE_OF_WIGHT).inNoCycle().create();
        for (User user : List.of(fixtures.moderator(Area.ISLE_OF_WIGHT), fixtures.admin(Area.ISLE_OF_WIGHT))) {
            String page = WebSession.signedIn(user.email).get("/home").then().statusCode(200).extract().asString();
            assertTrue(rowOf(page, leftOut.name).contains("Not taking part"), user.role);
            assertTrue(rowOf(page, taking.name).contains("Not started"), user.role);
            assertFalse(rowOf(page, taking.name).contains("Not taking part"), user.role);
        }
    }

    /** The table row of the home page's agency list that names the agency. */
    private static String rowOf(String page, String agencyName) {
        return java.util.Arrays.stream(page.split("<tr")).filter(row -> row.contains(agencyName)).findFirst()
                .orElseThrow(() -> new AssertionError(agencyName + " is not listed"));
    }

    @Test
    void moderatorCanFilterByArea() {
        Agency portsmouthOnly = fixtures.anAgency().inAreas(Area.PORTSMOUTH).create();
        Agency hampshireAndWight = fixtures.anAgency().inAreas(Area.HAMPSHIRE, Area.ISLE_OF_WIGHT).create();
        User moderator = fixtures.moderator(Area.PORTSMOUTH);

        WebSession.signedIn(moderator.email).get("/home?area=ISLE_OF_WIGHT").then().statusCode(200)
                .body(containsString(hampshireAndWight.name))
                .body(not(containsString(portsmouthOnly.name)));
    }

    @Test
    void anUnknownAreaFilterIsExplainedAndEverythingStillShows() {
        Agency agency = fixtures.anAgency().inAreas(Area.PORTSMOUTH).create();
        User moderator = fixtures.moderator(Area.PORTSMOUTH);

        WebSession.signedIn(moderator.email).get("/home?area=ATLANTIS").then().statusCode(200)
                .body(containsString("Select an area from the list"))
                .body(containsString(agency.name));
    }

    @Test
    void partnershipAdminSeesTheirPartnershipsAgenciesAndTheUsersLink() {
        Agency portsmouth = fixtures.anAgency().inAreas(Area.PORTSMOUTH).create();
        Agency southampton = fixtures.anAgency().inAreas(Area.SOUTHAMPTON).create();
        User southamptonLead = fixtures.lead(southampton);
        User admin = fixtures.admin(Area.PORTSMOUTH);

        WebSession.signedIn(admin.email).get("/home").then().statusCode(200)
                .body(containsString("Partnership administration"))
                .body(containsString("Portsmouth Safeguarding Children Partnership"))
                .body(not(containsString("Hampshire Safeguarding Children Partnership")))
                .body(containsString(portsmouth.name))
                .body(containsString("href=\"/admin/users\""))
                .body(not(containsString(southampton.name)))
                .body(not(containsString(southamptonLead.email)));
    }

    @Test
    void hipsAdminSeesAllFourPartnerships() {
        Agency southampton = fixtures.anAgency().inAreas(Area.SOUTHAMPTON).create();
        User admin = fixtures.admin(null);

        WebSession.signedIn(admin.email).get("/home").then().statusCode(200)
                .body(containsString("Hampshire Safeguarding Children Partnership"))
                .body(containsString("Isle of Wight Safeguarding Children Partnership"))
                .body(containsString("Southampton Safeguarding Children Partnership"))
                .body(containsString(southampton.name));
    }

    @Test
    void theStartPageIsPublic() {
        WebSession.anonymous().get("/").then().statusCode(200)
                .body(containsString("Keeping Children Safe (Section 11) audit"))
                .body(containsString("href=\"/sign-in\""));
        WebSession.anonymous().get("/accessibility").then().statusCode(200)
                .body(containsString("Accessibility statement"));
    }
}
