package org.s11portal.common.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.s11portal.support.Fixtures;
import org.s11portal.support.LogCapture;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** Bodies the JSON API cannot read answer the documented application/problem+json, never an empty 400. */
@QuarkusTest
class ApiErrorsTest {

    @Inject
    Fixtures fixtures;

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"rating\": \"FULL\", \"evidence\": ",             // malformed JSON
            "{\"rating\": \"FULL\", \"version\": \"seven\"}",   // wrong type
            "{\"rating\": \"BRILLIANT\"}",                      // bad enum
            "{\"rating\": [1, 2]}",                             // an array where a value belongs
            "not json at all" })
    void unreadableAnswersAreProblemJson(String body) {
        Fixtures.Draft d = fixtures.aDraftWithItsLeadSignedIn();
        d.lead().api().body(body).put("/api/v1/assessments/" + d.assessment().id + "/answers/" + d.question().code)
                .then().statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("status", equalTo(400))
                .body("title", notNullValue())
                .body("detail", notNullValue())
                .body(not(containsString("com.fasterxml")))
                .body(not(containsString("Exception")));
    }

    @ParameterizedTest
    @ValueSource(strings = { "2025-02-30", "31/12/2025", "2025-13-01" })
    void impossibleDatesAreProblemJsonNamingTheField(String date) {
        Fixtures.Draft d = fixtures.aDraftWithItsLeadSignedIn();
        d.lead().api().body("{\"standard\": \"T1\", \"gap\": \"g\", \"targetDate\": \"" + date + "\"}")
                .post("/api/v1/assessments/" + d.assessment().id + "/actions")
                .then().statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("status", equalTo(400))
                .body("detail", containsString("targetDate"))
                .body(not(containsString("Exception")));
    }

    @org.junit.jupiter.api.Test
    void deepNestingIsProblemJson() {
        Fixtures.Draft d = fixtures.aDraftWithItsLeadSignedIn();
        String body = "{\"extra\": " + "[".repeat(5_000) + "]".repeat(5_000) + ", \"rating\": \"FULL\"}";
        try (LogCapture log = LogCapture.start()) {
            d.lead().api().body(body).put("/api/v1/assessments/" + d.assessment().id + "/answers/" + d.question().code)
                    .then().statusCode(400)
                    .contentType(containsString("application/problem+json"))
                    .body("status", equalTo(400))
                    .body("detail", containsString("nested"));
            org.junit.jupiter.api.Assertions.assertTrue(log.withStackTrace().isEmpty(), () -> log.messages().toString());
        }
    }
}
