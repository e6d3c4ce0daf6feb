package org.s11portal.actionplan;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.s11portal.agency.Agency;
import org.s11portal.agency.Area;
import org.s11portal.assessment.Assessment;
import org.s11portal.cycle.Cycle;
import org.s11portal.support.Fixtures;
import org.s11portal.support.WebSession;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/** The action API validates its JSON as it is: dates are dates, and a problem names the JSON property. */
@QuarkusTest
class ActionPlanApiResourceTest {

    @Inject
    Fixtures fixtures;

    @Test
    void aDateOutOfRangeIsAProblemNamingTheJsonPropertyNotADateInputPart() {
        Draft d = draft();
        Response response = d.lead.api()
                .body(Map.of("standard", "T1", "action", "Refused", "startDate", "2027-01-10", "targetDate", "1999-12-31"))
                .post(d.api());
        response.then().statusCode(422)
                .contentType(containsString("application/problem+json"))
                .body("title", equalTo("Invalid action"))
                .body("problems.size()", equalTo(1))
                .body("problems[0].href", equalTo("targetDate"))
                .body("problems[0].message", equalTo("Target date must be a date from 2000 to 2100"))
                .body("problems[0].standard", nullValue())
                .body(not(containsString("-day")))
                .body(not(containsString("-month")))
                .body(not(containsString("-year")));
        d.lead.api().get("/api/v1/assessments/" + d.assessment.id).then().statusCode(200).body("actions.size()", equalTo(0));
    }

    @Test
    void everyProblemNamesItsPropertyInTheOrderOfTheAction() {
        Draft d = draft();
        d.lead.api()
                .body(Map.of("standard", "T9", "gap", "g".repeat(5_001), "status", "SOMEDAY", "startDate", "2101-01-01"))
                .post(d.api())
                .then().statusCode(422)
                .body("problems.href", equalTo(java.util.List.of("standard", "gap", "startDate", "status")))
                .body("problems.message", equalTo(java.util.List.of("Select the standard this action serves",
                        "Must be 5000 characters or fewer", "Start date must be a date from 2000 to 2100",
                        "Select a status from the list")));
    }

    @Test
    void aValidActionWithDatesIsSavedWithThem() {
        Draft d = draft();
        d.lead.api()
                .body(Map.of("standard", "T1", "action", "Saved", "startDate", "2027-01-10", "targetDate", "2027-03-31"))
                .post(d.api())
                .then().statusCode(201)
                .body("startDate", equalTo("2027-01-10"))
                .body("targetDate", equalTo("2027-03-31"))
                .body("status", equalTo("PLANNED"));
    }

    record Draft(Assessment assessment, WebSession lead) {
        String api() {
            return "/api/v1/assessments/" + assessment.id + "/actions";
        }
    }

    private Draft draft() {
        Cycle cycle = fixtures.aCycle().withTool().create();
        Agency agency = fixtures.anAgency().inAreas(Area.HAMPSHIRE).create();
        Assessment assessment = fixtures.anAssessment().forAgency(agency).inCycle(cycle).inProgress().create();
        WebSession lead = WebSession.signedIn(fixtures.lead(agency).email);
        lead.get("/assessments/" + assessment.id);
        return new Draft(assessment, lead);
    }
}
