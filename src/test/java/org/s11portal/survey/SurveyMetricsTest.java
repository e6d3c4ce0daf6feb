package org.s11portal.survey;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.s11portal.agency.Agency;
import org.s11portal.agency.Area;
import org.s11portal.support.Fixtures;
import org.s11portal.support.Metrics;
import org.s11portal.support.WebSession;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * Survey answers are counted in s11_survey_answers_stored_total, and nothing in /q/metrics names a survey link, an
 * agency or a cycle: not the counter (it has no tags), not the HTTP server metrics' uri label.
 */
@QuarkusTest
class SurveyMetricsTest {

    static final String ANSWERS = "s11_survey_answers_stored_total";

    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    @Inject
    Fixtures fixtures;

    /** A live cycle, an agency in it and its survey link, made by its lead on the Staff survey page. */
    static String newSurveyLink(Fixtures fixtures, Area area) {
        fixtures.aCycle().create();
        Agency agency = fixtures.anAgency().inAreas(area).create();
        WebSession lead = WebSession.signedIn(fixtures.lead(agency).email);
        lead.get("/staff-survey");
        lead.post("/staff-survey/link", Map.of()).then().statusCode(303);
        Matcher matcher = Pattern.compile("/survey/([A-Za-z0-9_-]{20,})").matcher(lead.get("/staff-survey").asString());
        assertTrue(matcher.find(), "the page shows the link");
        return matcher.group(1);
    }

    String surveyLink() {
        return newSurveyLink(fixtures, Area.HAMPSHIRE);
    }

    @Test
    void eachStoredAnswerCountsOnceAndAResubmittedFormDoesNot() {
        String token = surveyLink();
        double before = Metrics.scrape(metrics).value(ANSWERS);

        SurveyResourceTest.answer(token, SurveyResourceTest.allAnswers()).then().statusCode(303);
        WebSession staff = WebSession.anonymous();
        Map<String, String> form = new HashMap<>(SurveyResourceTest.allAnswers());
        form.put("nonce", SurveyResourceTest.nonce(staff.get("/survey/" + token).asString()));
        staff.post("/survey/" + token, form).then().statusCode(303);
        staff.post("/survey/" + token, form).then().statusCode(303);
        // refused: a missing answer stores nothing
        Map<String, String> partial = new HashMap<>(SurveyResourceTest.allAnswers());
        partial.remove("q3");
        SurveyResourceTest.answer(token, partial).then().statusCode(400);

        assertEquals(before + 2, Metrics.scrape(metrics).value(ANSWERS));
    }

    @Test
    void noSurveyLinkAppearsInTheMetricsEvenFromARequestRefusedBeforeItsRoute() {
        String token = surveyLink();
        SurveyResourceTest.answer(token, SurveyResourceTest.allAnswers()).then().statusCode(303);
        WebSession.anonymous().get("/survey/" + token + "/thanks").then().statusCode(200);
        // refused by Vert.x while reading the body, before any resource: no route template to label it with
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("freeText", "a".repeat(200_000)).post("/survey/" + token).then().statusCode(413);
        // an unknown link, and a path under a link that no route serves
        WebSession.anonymous().get("/survey/" + token + "x").then().statusCode(404);
        WebSession.anonymous().get("/survey/" + token + "/no-such-page").then().statusCode(404);

        String text = Metrics.scrape(metrics).text();
        assertFalse(text.contains(token), "a survey link in /q/metrics");
        assertTrue(text.contains("uri=\"/survey/{token}\""), "survey requests are counted under the route's template");
        assertFalse(Pattern.compile("[{,](agency|cycle|token|link)[a-z_]*=").matcher(text).find(),
                "a label naming an agency, cycle or link in /q/metrics");
    }

    @Test
    void invitationAndPasswordResetLinksStayOutOfTheMetricsToo() {
        String secret = Fixtures.unique("secretlink").replace(" ", "");
        WebSession.anonymous().get("/invitations/" + secret).then().statusCode(lessThan(500));
        WebSession.anonymous().get("/password-reset/" + secret).then().statusCode(lessThan(500));
        String text = Metrics.scrape(metrics).text();
        assertFalse(text.contains(secret), "a one-time link in /q/metrics");
    }
}
