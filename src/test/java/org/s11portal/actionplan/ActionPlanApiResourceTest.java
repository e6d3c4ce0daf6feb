package org.s11portal.actionplan;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.s11portal.support.Fixtures;

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
        Fixtures.Draft d = fixtures.aDraftWithItsLeadSignedIn();
        Response response = d.lead().api()
                .body(Map.of("standard", "T1", "action", "Refused", "startDate", "2027-01-10", "targetDate", "1999-12-31"))
                .post(actionsApi(d));
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
        d.lead().api().get("/api/v1/assessments/" + d.assessment().id).then().statusCode(200).body("actions.size()", equalTo(0));
    }

    @Test
    void everyProblemNamesItsPropertyInTheOrderOfTheAction() {
        Fixtures.Draft d = fixtures.aDraftWithItsLeadSignedIn();
        d.lead().api()
                .body(Map.of("standard", "T9", "gap", "g".repeat(5_001), "status", "SOMEDAY", "startDate", "2101-01-01"))
                .post(actionsApi(d))
                .then().statusCode(422)
                .body("problems.href", equalTo(java.util.List.of("standard", "gap", "startDate", "status")))
                .body("problems.message", equalTo(java.util.List.of("Select the standard this action serves",
                        "Must be 5000 characters or fewer", "Start date must be a date from 2000 to 2100",
                        "Select a status from the list")));
    }

    @Test
    void aValidActionWithDatesIsSavedWithThem() {
        Fixtures.Draft d = fixtures.aDraftWithItsLeadSignedIn();
        d.lead().api()
                .body(Map.of("standard", "T1", "action", "Saved", "startDate", "2027-01-10", "targetDate", "2027-03-31"))
                .post(actionsApi(d))
                .then().statusCode(201)
                .body("startDate", equalTo("2027-01-10"))
                .body("targetDate", equalTo("2027-03-31"))
                .body("status", equalTo("NOT_STARTED"));
    }

    @Test
    void completeAndNoLongerNeededAreNotForThePlanButForAYearTwoUpdate() {
        Fixtures.Draft d = fixtures.aDraftWithItsLeadSignedIn();
        for (String status : java.util.List.of("COMPLETE", "NO_LONGER_NEEDED")) {
            d.lead().api().body(Map.of("standard", "T1", "action", "Done already", "status", status)).post(actionsApi(d))
                    .then().statusCode(422)
                    .body("problems.href", equalTo(java.util.List.of("status")))
                    .body("problems[0].message", equalTo(ActionPlanService.NOT_WHILE_PLANNING));
        }
        d.lead().api().body(Map.of("standard", "T1", "action", "At risk", "status", "AT_RISK")).post(actionsApi(d))
                .then().statusCode(201).body("status", equalTo("AT_RISK"));
    }

    private static String actionsApi(Fixtures.Draft d) {
        return "/api/v1/assessments/" + d.assessment().id + "/actions";
    }
}
