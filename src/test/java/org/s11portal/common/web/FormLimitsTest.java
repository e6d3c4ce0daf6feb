package org.s11portal.common.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.s11portal.agency.Agency;
import org.s11portal.agency.Area;
import org.s11portal.assessment.Assessment;
import org.s11portal.cycle.Cycle;
import org.s11portal.support.Fixtures;
import org.s11portal.support.LogCapture;
import org.s11portal.support.WebSession;
import org.s11portal.tool.Question;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/**
 * Requests that Vert.x refuses while reading the body, before any resource runs: each answers the service's own
 * page with a 4xx status and writes one log line without a stack trace.
 */
@QuarkusTest
class FormLimitsTest {

    @Inject
    Fixtures fixtures;

    @Test
    void anOversizedFieldIsA413PageAndOneLogLine() {
        String huge = "a".repeat(200_000);
        try (LogCapture log = LogCapture.start()) {
            Response response = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                    .formParam("email", huge).post("/sign-in");
            response.then().statusCode(413)
                    .contentType(containsString("text/html"))
                    .body(containsString("What you sent is too large"))
                    .body(containsString("/assets/govuk/govuk-frontend.min.css"))
                    .body(not(containsString("Exception")))
                    .header("Content-Security-Policy", containsString("frame-ancestors 'none'"));
            assertOneLineNoStackTrace(log, "request-refused status=413");
        }
    }

    @Test
    void anOversizedSurveyFieldIsA413PageLoggedAtDebugOnlyWithoutTheLink() {
        String huge = "a".repeat(200_000);
        try (LogCapture log = LogCapture.start()) {
            given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                    .formParam("freeText", huge).post("/survey/no-such-link")
                    .then().statusCode(413).body(containsString("What you sent is too large"));
            assertEquals(List.of(), log.messages(), "a survey request logged at INFO or above");
            assertTrue(log.all().stream().map(LogCapture::message)
                    .anyMatch(m -> m.contains("request-refused status=413") && m.contains("path=/survey/{token}")), "no DEBUG line");
            assertTrue(log.all().stream().map(LogCapture::message).noneMatch(m -> m.contains("no-such-link")), "the link logged");
        }
    }

    @Test
    void moreThanAThousandFieldsIsA400Page() {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 1_100; i++) {
            body.append("f").append(i).append("=x&");
        }
        try (LogCapture log = LogCapture.start()) {
            given().redirects().follow(false).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                    .body(body.toString()).post("/sign-in")
                    .then().statusCode(400)
                    .contentType(containsString("text/html"))
                    .body(containsString("There is a problem"))
                    .body(not(containsString("Exception")));
            assertOneLineNoStackTrace(log, "request-refused status=400");
        }
    }

    @Test
    void anEmptyContentTypeOnAPostIsA400Page() throws Exception {
        try (LogCapture log = LogCapture.start()) {
            HttpResponse<String> response = raw(HttpRequest.newBuilder(uri("/sign-in")).header("Content-Type", "")
                    .POST(HttpRequest.BodyPublishers.ofString("email=a%40b.example&password=x")));
            assertEquals(400, response.statusCode(), response.body());
            assertTrue(response.headers().firstValue("Content-Type").orElse("").contains("text/html"));
            assertTrue(response.body().contains("There is a problem"), response.body());
            assertTrue(log.withStackTrace().isEmpty(), () -> log.messages().toString());
        }
    }

    @Test
    void aTruncatedMultipartUploadIsA400Page() throws Exception {
        Setup s = draft();
        String path = "/assessments/" + s.assessment.id + "/questions/" + s.question.id + "/files";
        s.lead.get(path);
        String body = "--XyZ\r\nContent-Disposition: form-data; name=\"csrf-token\"\r\n\r\n" + s.lead.cookie("csrf-token")
                + "\r\n--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\nhello, this upload stops in the middle";
        String cookies = s.lead.cookies().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .reduce((a, b) -> a + "; " + b).orElse("");
        try (LogCapture log = LogCapture.start()) {
            HttpResponse<String> response = raw(HttpRequest.newBuilder(uri(path))
                    .header("Content-Type", "multipart/form-data; boundary=XyZ").header("Cookie", cookies)
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
            assertEquals(400, response.statusCode(), response.body());
            assertTrue(response.body().contains("There is a problem"), response.body());
            assertTrue(log.withStackTrace().isEmpty(), () -> log.messages().toString());
        }
    }

    @Test
    void tenThousandCharactersInAnyScriptFitTheFormLimit() {
        Setup s = draft();
        String path = "/assessments/" + s.assessment.id + "/standards/T1";
        s.lead.get(path);
        String euros = "€".repeat(10_000);
        s.lead.post(path, Map.of("q" + s.question.id + "-version", "", "q" + s.question.id + "-rating", "PART",
                "q" + s.question.id + "-evidence", euros, "action", "continue")).then().statusCode(303);
        s.lead.get(path);
        // one more character is refused by the service's own rule, with its own message, not by the form limit
        s.lead.post(path, Map.of("q" + s.question.id + "-version", "", "q" + s.question.id + "-rating", "PART",
                "q" + s.question.id + "-evidence", "€" + euros, "action", "continue")).then().statusCode(anyOf400or409())
                .body(containsString("10000 characters or fewer"));
    }

    private static org.hamcrest.Matcher<Integer> anyOf400or409() {
        return org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.is(400), org.hamcrest.Matchers.is(409));
    }

    record Setup(Assessment assessment, Question question, WebSession lead) {
    }

    private Setup draft() {
        Cycle cycle = fixtures.aCycle().withTool().create();
        Agency agency = fixtures.anAgency().inAreas(Area.HAMPSHIRE).create();
        Assessment assessment = fixtures.anAssessment().forAgency(agency).inCycle(cycle).inProgress().create();
        return new Setup(assessment, fixtures.questions(cycle).get(0), WebSession.signedIn(fixtures.lead(agency)
                .email));
    }

    static void assertOneLineNoStackTrace(LogCapture log, String expected) {
        assertTrue(log.withStackTrace().isEmpty(), () -> "stack traces logged: " + log.messages());
        long matching = log.messages().stream().filter(m -> m.contains(expected)).count();
        assertEquals(1, matching, () -> "expected one line with " + expected + " in " + log.messages());
        assertTrue(log.written().stream().noneMatch(r -> r.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue()),
                () -> "errors logged: " + log.messages());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + io.restassured.RestAssured.port + path);
    }

    private static HttpResponse<String> raw(HttpRequest.Builder request) throws Exception {
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
