package org.s11portal.home;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;
import org.s11portal.account.User;
import org.s11portal.agency.Agency;
import org.s11portal.agency.Area;
import org.s11portal.support.Fixtures;
import org.s11portal.support.WebSession;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** Record-level scope: anything outside a user's scope is "not found", never shown. */
@QuarkusTest
class AgencyScopeTest {

    @Inject
    Fixtures fixtures;

    @Test
    void leadSeesOwnAgencyAndGets404ForAnotherAgency() {
        Agency mine = fixtures.anAgency().inAreas(Area.PORTSMOUTH).create();
        Agency theirs = fixtures.anAgency().inAreas(Area.PORTSMOUTH).create();
        WebSession lead = WebSession.signedIn(fixtures.lead(mine).email);

        lead.get("/agencies/" + mine.id).then().statusCode(200).body(containsString(mine.name));
        lead.get("/agencies/" + theirs.id).then().statusCode(404)
                .body(containsString("Page not found"))
                .body(not(containsString(theirs.name)));
    }

    @Test
    void aMissingAgencyAndAnOutOfScopeAgencyLookTheSame() {
        Agency mine = fixtures.anAgency().inAreas(Area.HAMPSHIRE).create();
        Agency theirs = fixtures.anAgency().inAreas(Area.SOUTHAMPTON).create();
        WebSession lead = WebSession.signedIn(fixtures.lead(mine).email);

        String outOfScope = lead.get("/agencies/" + theirs.id).then().statusCode(404).extract().asString();
        String missing = lead.get("/agencies/999999999").then().statusCode(404).extract().asString();
        org.junit.jupiter.api.Assertions.assertEquals(strip(missing), strip(outOfScope));
    }

    @Test
    void moderatorSeesJointAndOwnLocalAgenciesOnly() {
        Agency joint = fixtures.anAgency().inAreas(Area.HAMPSHIRE, Area.SOUTHAMPTON).create();
        Agency ownLocal = fixtures.anAgency().inAreas(Area.ISLE_OF_WIGHT).create();
        Agency otherLocal = fixtures.anAgency().inAreas(Area.HAMPSHIRE).create();
        WebSession moderator = WebSession.signedIn(fixtures.moderator(Area.ISLE_OF_WIGHT).email);

        moderator.get("/agencies/" + joint.id).then().statusCode(200);
        moderator.get("/agencies/" + ownLocal.id).then().statusCode(200);
        moderator.get("/agencies/" + otherLocal.id).then().statusCode(404);
    }

    @Test
    void partnershipAdminSeesAgenciesWorkingInTheirPartnership() {
        Agency jointWithPortsmouth = fixtures.anAgency().inAreas(Area.PORTSMOUTH, Area.SOUTHAMPTON).create();
        Agency jointWithoutPortsmouth = fixtures.anAgency().inAreas(Area.HAMPSHIRE, Area.SOUTHAMPTON).create();
        WebSession admin = WebSession.signedIn(fixtures.admin(Area.PORTSMOUTH).email);

        admin.get("/agencies/" + jointWithPortsmouth.id).then().statusCode(200);
        admin.get("/agencies/" + jointWithoutPortsmouth.id).then().statusCode(404);
    }

    @Test
    void hipsAdminSeesEveryAgency() {
        Agency local = fixtures.anAgency().inAreas(Area.SOUTHAMPTON).create();
        WebSession.signedIn(fixtures.admin(null).email).get("/agencies/" + local.id).then().statusCode(200);
    }

    @Test
    void anonymousVisitorsAreSentToSignIn() {
        Agency agency = fixtures.anAgency().inAreas(Area.SOUTHAMPTON).create();
        WebSession.anonymous().get("/agencies/" + agency.id).then().statusCode(302)
                .header("Location", containsString("/sign-in"));
    }

    private static String strip(String html) {
        return html.replaceAll("name=\"csrf-token\" value=\"[^\"]*\"", "")
                .replaceAll("data-session-seconds-left=\"\\d+\"", "");
    }
}
