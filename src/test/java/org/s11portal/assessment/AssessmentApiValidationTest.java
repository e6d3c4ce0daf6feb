package org.s11portal.assessment;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.s11portal.support.Fixtures;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The API's answers and sign-off are checked by their annotations, with the documented problem bodies. */
@QuarkusTest
class AssessmentApiValidationTest {

    @Inject
    Fixtures fixtures;

    @Test
    void anOverlongAnswerTextIsOneProblemAndNothingIsSaved() {
        Fixtures.Draft d = fixtures.aDraftWithItsLeadSignedIn();
        String answer = "/api/v1/assessments/" + d.assessment().id + "/answers/" + d.question().code;
        d.lead().api().body(Map.of("rating", "PART", "impact", "i".repeat(AnswerInput.MAX_TEXT + 1))).put(answer)
                .then().statusCode(422)
                .contentType(containsString("application/problem+json"))
                .body("title", equalTo("Invalid answer"))
                .body("detail", equalTo("Texts must be 10000 characters or fewer"))
                .body("problems", nullValue());
        d.lead().api().get("/api/v1/assessments/" + d.assessment().id).then()
                .body("standards[0].questions[0].answer", nullValue());
        d.lead().api().body(Map.of("rating", "PART", "impact", "i".repeat(AnswerInput.MAX_TEXT))).put(answer)
                .then().statusCode(200);
    }

    @Test
    void aSignOffNeedsANameAndARoleOfAtMost120CharactersWithoutSurroundingSpaces() {
        Fixtures.Draft d = fixtures.aDraftWithItsLeadSignedIn();
        String submit = "/api/v1/assessments/" + d.assessment().id + "/submit";
        for (Map<String, String> body : java.util.List.of(Map.of("declaredByName", "  ", "declaredRole", "Director"),
                Map.of("declaredByName", "A Person"), Map.of("declaredByName", "A Person", "declaredRole", "r".repeat(121)))) {
            d.lead().api().body(body).post(submit).then().statusCode(422)
                    .body("title", equalTo("Sign-off missing"))
                    .body("detail", equalTo("Give declaredByName and declaredRole (up to 120 characters each)"));
        }
        // 120 characters once the spaces are gone: the sign-off is accepted, and the submission rules decide
        d.lead().api().body(Map.of("declaredByName", "  " + "n".repeat(120) + "  ", "declaredRole", "Director")).post(submit)
                .then().statusCode(422)
                .body("title", equalTo("Cannot submit yet"));
    }
}
