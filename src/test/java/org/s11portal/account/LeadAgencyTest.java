package org.s11portal.account;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.s11portal.agency.Agency;
import org.s11portal.agency.Area;
import org.s11portal.assessment.Assessment;
import org.s11portal.cycle.Cycle;
import org.s11portal.support.Fixtures;
import org.s11portal.support.WebSession;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * A lead of two agencies works for one at a time: the first by name until they change it, with the header and home page
 * saying which; every "your agency" page follows the choice, both agencies' records stay theirs, another agency stays 404.
 */
@QuarkusTest
class LeadAgencyTest {

    @Inject
    Fixtures fixtures;

    @Test
    void aLeadOfTwoAgenciesWorksForTheFirstByNameThenTheOneTheyChoose() {
        Cycle cycle = fixtures.aCycle().withTool().create();
        List<Agency> agencies = byName(fixtures.anAgency().inAreas(Area.PORTSMOUTH).create(),
                fixtures.anAgency().inAreas(Area.SOUTHAMPTON).create());
        Agency first = agencies.get(0);
        Agency second = agencies.get(1);
        Assessment firstAssessment = fixtures.anAssessment().forAgency(first).inCycle(cycle).inProgress().create();
        Assessment secondAssessment = fixtures.anAssessment().forAgency(second).inCycle(cycle).inProgress().create();
        User user = fixtures.leadOf(second, first);
        WebSession lead = WebSession.signedIn(user.email);

        lead.get("/home").then().statusCode(200)
                .body(containsString("Working for <strong>" + first.name + "</strong>"))
                .body(containsString("href=\"/account/agency\""))
                .body(containsString("This page is about " + first.name))
                .body(containsString("/assessments/" + firstAssessment.id))
                .body(not(containsString(second.name)));
        lead.get("/staff-survey").then().statusCode(200).body(containsString(first.name + " · "));
        lead.post("/self-assessment", Map.of()).then().statusCode(303)
                .header("Location", containsString("/assessments/" + firstAssessment.id));
        lead.get("/account/agency").then().statusCode(200)
                .body(containsString("Which agency are you working for?"))
                .body(containsString("value=\"" + first.id + "\" checked"))
                .body(containsString(second.name));

        lead.post("/account/agency", Map.of("agencyId", String.valueOf(second.id))).then().statusCode(303)
                .header("Location", containsString("/home"));

        lead.get("/home").then().statusCode(200)
                .body(containsString("Working for <strong>" + second.name + "</strong>"))
                .body(containsString("/assessments/" + secondAssessment.id))
                .body(not(containsString("/assessments/" + firstAssessment.id)));
        lead.get("/staff-survey").then().statusCode(200).body(containsString(second.name + " · "))
                .body(not(containsString(first.name)));
        lead.post("/self-assessment", Map.of()).then().statusCode(303)
                .header("Location", containsString("/assessments/" + secondAssessment.id));
        // both agencies' records are theirs whichever they work for
        for (Agency agency : agencies) {
            lead.get("/agencies/" + agency.id).then().statusCode(200).body(containsString(agency.name));
        }
        lead.get("/assessments/" + firstAssessment.id).then().statusCode(200);
        // another session of the same lead still works for the first
        WebSession.signedIn(user.email).get("/home").then().statusCode(200)
                .body(containsString("Working for <strong>" + first.name + "</strong>"));
    }

    @Test
    void anotherLeadsAgencyStaysNotFoundAndCannotBeChosen() {
        Cycle cycle = fixtures.aCycle().withTool().create();
        Agency mine = fixtures.anAgency().inAreas(Area.PORTSMOUTH).create();
        Agency alsoMine = fixtures.anAgency().inAreas(Area.PORTSMOUTH).create();
        Agency theirs = fixtures.anAgency().inAreas(Area.PORTSMOUTH).create();
        Assessment theirAssessment = fixtures.anAssessment().forAgency(theirs).inCycle(cycle).inProgress().create();
        fixtures.leadOf(theirs, fixtures.anAgency().inAreas(Area.SOUTHAMPTON).create());
        WebSession lead = WebSession.signedIn(fixtures.leadOf(mine, alsoMine).email);

        lead.get("/agencies/" + theirs.id).then().statusCode(404);
        lead.get("/assessments/" + theirAssessment.id).then().statusCode(404);
        lead.post("/account/agency", Map.of("agencyId", String.valueOf(theirs.id))).then().statusCode(404);
        lead.get("/home").then().statusCode(200).body(not(containsString(theirs.name)));
    }

    @Test
    void choosingNothingSaysWhatToDo() {
        WebSession lead = WebSession.signedIn(fixtures.leadOf(fixtures.anAgency().inAreas(Area.HAMPSHIRE).create(),
                fixtures.anAgency().inAreas(Area.HAMPSHIRE).create()).email);

        lead.post("/account/agency", Map.of()).then().statusCode(400)
                .body(containsString("There is a problem"))
                .body(containsString("href=\"#agencyId\""))
                .body(containsString("Select the agency you are working for"));
        lead.post("/account/agency", Map.of("agencyId", "not-a-number")).then().statusCode(400);
    }

    @Test
    void aLeadOfOneAgencySeesNothingNew() {
        Agency agency = fixtures.anAgency().inAreas(Area.HAMPSHIRE).create();
        WebSession lead = WebSession.signedIn(fixtures.lead(agency).email);

        lead.get("/home").then().statusCode(200).body(containsString(agency.name))
                .body(not(containsString("Working for")))
                .body(not(containsString("/account/agency")))
                .body(not(containsString("This page is about")));
        lead.get("/accessibility").then().statusCode(200).body(not(containsString("Change agency")));
    }

    @Test
    void otherRolesHaveNoChangeAgencyPage() {
        WebSession moderator = WebSession.signedIn(fixtures.moderator(Area.HAMPSHIRE).email);

        moderator.get("/account/agency").then().statusCode(403);
        moderator.get("/home").then().statusCode(200).body(not(containsString("Change agency")));
    }

    @Test
    void anAgencyTakenFromTheLeadIsNoLongerTheOneTheyWorkFor() {
        List<Agency> agencies = byName(fixtures.anAgency().inAreas(Area.HAMPSHIRE).create(),
                fixtures.anAgency().inAreas(Area.HAMPSHIRE).create(), fixtures.anAgency().inAreas(Area.HAMPSHIRE).create());
        User user = fixtures.leadOf(agencies.get(0), agencies.get(1), agencies.get(2));
        WebSession lead = WebSession.signedIn(user.email);
        lead.post("/account/agency", Map.of("agencyId", String.valueOf(agencies.get(2).id))).then().statusCode(303);
        lead.get("/home").then().statusCode(200).body(containsString("Working for <strong>" + agencies.get(2).name));

        // as if removed elsewhere, without the session being told: the first of theirs by name again
        QuarkusTransaction.requiringNew().run(() -> User.<User>findById(user.id).agencies
                .removeIf(a -> a.id.equals(agencies.get(2).id)));

        lead.get("/home").then().statusCode(200)
                .body(containsString("Working for <strong>" + agencies.get(0).name))
                .body(not(containsString(agencies.get(2).name)));
        lead.get("/agencies/" + agencies.get(2).id).then().statusCode(404);
        assertEquals(2, QuarkusTransaction.requiringNew().call(() -> User.<User>findById(user.id).agencies.size()));
    }

    static List<Agency> byName(Agency... agencies) {
        return Stream.of(agencies).sorted(Comparator.comparing((Agency a) -> a.name)).toList();
    }
}
