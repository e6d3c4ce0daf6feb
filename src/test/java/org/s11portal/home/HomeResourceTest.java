package org.s11portal.home;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;
import org.s11portal.account.User;
import org.s11portal.agency.Agency;
import org.s11portal.agency.Area;
import org.s11portal.assessment.AssessmentState;
import org.s11portal.cycle.Cycle;
import org.s11portal.support.Fixtures;
import org.s11portal.support.WebSession;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

@QuarkusTest
class HomeResourceTest {

    @Inject
    Fixtures fixtures;

    @Test
    void agencyLeadSeesTheirAgencyRouteAndDeadline() {
        Cycle cycle = fixtures.liveCycle();
        fixtures.makeLive(cycle);
        Agency agency = fixtures.agency(Area.PORTSMOUTH, Area.SOUTHAMPTON);
        fixtures.assessment(agency, cycle, AssessmentState.IN_PROGRESS);
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
        Agency joint = fixtures.agency(Area.HAMPSHIRE, Area.ISLE_OF_WIGHT);
        Agency ownLocal = fixtures.agency(Area.PORTSMOUTH);
        Agency otherLocal = fixtures.agency(Area.SOUTHAMPTON);
        User moderator = fixtures.moderator(Area.PORTSMOUTH);

        WebSession.signedIn(moderator.email).get("/home").then().statusCode(200)
                .body(containsString(joint.name))
                .body(containsString(ownLocal.name))
                .body(not(containsString(otherLocal.name)));
    }

    @Test
    void moderatorCanFilterByArea() {
        Agency portsmouthOnly = fixtures.agency(Area.PORTSMOUTH);
        Agency hampshireAndWight = fixtures.agency(Area.HAMPSHIRE, Area.ISLE_OF_WIGHT);
        User moderator = fixtures.moderator(Area.PORTSMOUTH);

        WebSession.signedIn(moderator.email).get("/home?area=ISLE_OF_WIGHT").then().statusCode(200)
                .body(containsString(hampshireAndWight.name))
                .body(not(containsString(portsmouthOnly.name)));
    }

    @Test
    void anUnknownAreaFilterIsExplainedAndEverythingStillShows() {
        Agency agency = fixtures.agency(Area.PORTSMOUTH);
        User moderator = fixtures.moderator(Area.PORTSMOUTH);

        WebSession.signedIn(moderator.email).get("/home?area=ATLANTIS").then().statusCode(200)
                .body(containsString("Select an area from the list"))
                .body(containsString(agency.name));
    }

    @Test
    void partnershipAdminSeesTheirPartnershipsAgenciesAndUsers() {
        Agency portsmouth = fixtures.agency(Area.PORTSMOUTH);
        Agency southampton = fixtures.agency(Area.SOUTHAMPTON);
        User portsmouthLead = fixtures.lead(portsmouth);
        User southamptonLead = fixtures.lead(southampton);
        User admin = fixtures.admin(Area.PORTSMOUTH);

        WebSession.signedIn(admin.email).get("/home").then().statusCode(200)
                .body(containsString("Partnership administration"))
                .body(containsString("Portsmouth Safeguarding Children Partnership"))
                .body(not(containsString("Hampshire Safeguarding Children Partnership")))
                .body(containsString(portsmouth.name))
                .body(containsString(portsmouthLead.email))
                .body(not(containsString(southampton.name)))
                .body(not(containsString(southamptonLead.email)));
    }

    @Test
    void hipsAdminSeesAllFourPartnerships() {
        Agency southampton = fixtures.agency(Area.SOUTHAMPTON);
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
