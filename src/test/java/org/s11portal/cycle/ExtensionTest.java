package org.s11portal.cycle;

import static org.hamcrest.Matchers.containsString;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.s11portal.agency.Agency;
import org.s11portal.agency.Area;
import org.s11portal.assessment.Assessment;
import org.s11portal.support.Fixtures;
import org.s11portal.support.WebSession;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

@QuarkusTest
class ExtensionTest {

    @Inject
    Fixtures fixtures;

    static Map<String, String> extension(LocalDate date, String reason) {
        return Map.of("newDue-day", String.valueOf(date.getDayOfMonth()), "newDue-month", String.valueOf(date.getMonthValue()),
                "newDue-year", String.valueOf(date.getYear()), "reason", reason);
    }

    @Test
    void anAdminRecordsAnExtensionWithItsReasonAndTheLeadSeesIt() {
        Cycle cycle = fixtures.aCycle().withTool().create();
        Agency agency = fixtures.anAgency().inAreas(Area.PORTSMOUTH).create();
        Assessment assessment = fixtures.anAssessment().forAgency(agency).inCycle(cycle).inProgress().create();
        WebSession admin = WebSession.signedIn(fixtures.admin(Area.PORTSMOUTH).email);
        admin.get("/agencies/" + agency.id).then().body(containsString("Grant an extension"));

        admin.post("/agencies/" + agency.id + "/extensions", extension(cycle.year1Due.plusDays(14), "Staff shortage after a cyber incident"))
                .then().statusCode(303);

        admin.get("/agencies/" + agency.id).then().body(containsString("Staff shortage after a cyber incident"));
        WebSession.signedIn(fixtures.lead(agency).email).get("/assessments/" + assessment.id).then()
                .body(containsString("Extension granted: Staff shortage after a cyber incident"));
    }

    @Test
    void anExtensionMustBeLaterAndHaveAReasonAndTypedValuesAreKept() {
        Cycle cycle = fixtures.aCycle().withTool().create();
        Agency agency = fixtures.anAgency().inAreas(Area.PORTSMOUTH).create();
        WebSession admin = WebSession.signedIn(fixtures.admin(Area.PORTSMOUTH).email);
        admin.get("/agencies/" + agency.id);
        admin.post("/agencies/" + agency.id + "/extensions", extension(cycle.year1Due.minusDays(1), ""))
                .then().statusCode(400)
                .body(containsString("The new due date must be after the cycle&#39;s due date"))
                .body(containsString("Enter the reason for the extension"))
                .body(containsString("value=\"" + cycle.year1Due.minusDays(1).getDayOfMonth() + "\""));
        admin.post("/agencies/" + agency.id + "/extensions", Map.of("newDue-day", "31", "newDue-month", "2", "newDue-year", "2027", "reason", "x"))
                .then().statusCode(400).body(containsString("The new due date must be a real date: check the day"));
    }

    @Test
    void onlyAdminsInScopeCanGrantExtensions() {
        Cycle cycle = fixtures.aCycle().withTool().create();
        Agency agency = fixtures.anAgency().inAreas(Area.PORTSMOUTH).create();
        Map<String, String> form = extension(cycle.year1Due.plusDays(7), "Reason");
        WebSession otherAdmin = WebSession.signedIn(fixtures.admin(Area.HAMPSHIRE).email);
        otherAdmin.get("/home");
        otherAdmin.post("/agencies/" + agency.id + "/extensions", form).then().statusCode(404);
        WebSession moderator = WebSession.signedIn(fixtures.moderator(Area.PORTSMOUTH).email);
        moderator.get("/home");
        moderator.post("/agencies/" + agency.id + "/extensions", form).then().statusCode(403);
        WebSession lead = WebSession.signedIn(fixtures.lead(agency).email);
        lead.get("/home");
        lead.post("/agencies/" + agency.id + "/extensions", form).then().statusCode(403);
    }
}
