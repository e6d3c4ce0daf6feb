package org.s11portal.account;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.s11portal.agency.Agency;
import org.s11portal.agency.Area;
import org.s11portal.assessment.Assessment;
import org.s11portal.cycle.Cycle;
import org.s11portal.support.Fixtures;
import org.s11portal.support.WebSession;
import org.s11portal.tool.Question;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;

/**
 * A form refused for its CSRF token shows the service's "this form had expired" page with what was typed, in a
 * fresh form whose new token works: "Send again" succeeds.
 */
@QuarkusTest
class ExpiredFormTest {

    private static final Pattern TOKEN = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");
    private static final String STALE = "c3RhbGUtdG9rZW4tMTIzNA"; // 16 bytes, like a real token, but not this browser's

    @Inject
    Fixtures fixtures;

    @Test
    void signInKeepsTheEmailNeverThePassword() {
        WebSession browser = WebSession.anonymous();
        browser.get("/sign-in");
        String email = fixtures.moderator(Area.HAMPSHIRE).email;
        Response refused = post(browser, "/sign-in", form("email", email, "password", Fixtures.PASSWORD, "next", "/home"), STALE);
        refused.then().statusCode(400)
                .contentType(containsString("text/html"))
                .body(containsString("This form had expired"))
                .body(containsString("value=\"" + email + "\""))
                .body(not(containsString(Fixtures.PASSWORD)))
                .body(containsString("password was not kept"))
                .body(containsString("Send again"));
        String token = freshToken(refused);
        // a moderator's right password leads on to the two-step code, still going to /home
        post(browser, "/sign-in", form("email", email, "password", Fixtures.PASSWORD, "next", "/home"), token, refused)
                .then().statusCode(303).header("Location", "/sign-in/two-step?next=%2Fhome");
    }

    @Test
    void theSurveyKeepsTheAnswersAndTheNonce() {
        Cycle cycle = fixtures.aCycle().create();
        Agency agency = fixtures.anAgency().inAreas(Area.PORTSMOUTH).create();
        WebSession lead = WebSession.signedIn(fixtures.lead(agency).email);
        lead.get("/staff-survey");
        lead.post("/staff-survey/link", Map.of()).then().statusCode(303);
        Matcher link = Pattern.compile("/survey/([A-Za-z0-9_-]{20,})").matcher(lead.get("/staff-survey").asString());
        assertTrue(link.find());
        String path = "/survey/" + link.group(1);

        WebSession staff = WebSession.anonymous();
        String page = staff.get(path).asString();
        Matcher nonce = Pattern.compile("name=\"nonce\" value=\"([^\"]+)\"").matcher(page);
        assertTrue(nonce.find());
        Map<String, String> answers = form("nonce", nonce.group(1), "freeText", "More time for supervision, please");
        for (var q : org.s11portal.survey.SurveyDefinition.QUESTIONS) {
            answers.put(q.field(), q.options().get(0).value());
        }
        Response refused = post(staff, path, answers, STALE);
        refused.then().statusCode(400)
                .body(containsString("This form had expired"))
                .body(containsString("More time for supervision, please"))
                .body(containsString("name=\"nonce\" value=\"" + nonce.group(1) + "\""));
        post(staff, path, answers, freshToken(refused), refused).then().statusCode(303)
                .header("Location", containsString("/thanks"));
    }

    @Test
    void anAnswerFormKeepsTheTextAndTheNewTokenIsBoundToTheSession() {
        Cycle cycle = fixtures.aCycle().withTool().create();
        Agency agency = fixtures.anAgency().inAreas(Area.HAMPSHIRE).create();
        Assessment assessment = fixtures.anAssessment().forAgency(agency).inCycle(cycle).inProgress().create();
        Question question = fixtures.questions(cycle).get(0);
        WebSession lead = WebSession.signedIn(fixtures.lead(agency).email);
        String path = "/assessments/" + assessment.id + "/standards/T1";
        lead.get(path);
        Map<String, String> answer = form("q" + question.id + "-version", "", "q" + question.id + "-rating", "PART",
                "q" + question.id + "-evidence", "Our audit of <b>2025</b> & the action plan", "action", "continue");
        // the CSRF cookie has expired while the page was open: the browser no longer sends it
        Map<String, String> withoutCsrfCookie = new LinkedHashMap<>(lead.cookies());
        withoutCsrfCookie.remove("csrf-token");
        RequestSpecification request = io.restassured.RestAssured.given().redirects().follow(false).cookies(withoutCsrfCookie)
                .contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("csrf-token", lead.csrfToken());
        answer.forEach(request::formParam);
        Response refused = request.post(path);
        refused.then().statusCode(400)
                .body(containsString("This form had expired"))
                .body(containsString("Our audit of &lt;b&gt;2025&lt;/b&gt; &amp; the action plan"))
                .body(containsString("type=\"hidden\" name=\"q" + question.id + "-version\""));
        post(lead, path, answer, freshToken(refused), refused).then().statusCode(303);
    }

    @Test
    void anUploadSaysTheFileCannotBeKept() {
        Cycle cycle = fixtures.aCycle().withTool().create();
        Agency agency = fixtures.anAgency().inAreas(Area.HAMPSHIRE).create();
        Assessment assessment = fixtures.anAssessment().forAgency(agency).inCycle(cycle).inProgress().create();
        Question question = fixtures.questions(cycle).get(0);
        WebSession lead = WebSession.signedIn(fixtures.lead(agency).email);
        String path = "/assessments/" + assessment.id + "/questions/" + question.id + "/files";
        lead.get(path);
        lead.request().multiPart("csrf-token", STALE).multiPart("file", "a.txt", "hello".getBytes(), "text/plain").post(path)
                .then().statusCode(400)
                .body(containsString("This form had expired"))
                .body(containsString("Files cannot be kept"))
                .body(containsString("enctype=\"multipart/form-data\""));
    }

    private static Map<String, String> form(String... pairs) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            form.put(pairs[i], pairs[i + 1]);
        }
        return form;
    }

    private static String freshToken(Response refused) {
        Matcher matcher = TOKEN.matcher(refused.asString());
        assertTrue(matcher.find(), "the page has a form with a token");
        String cookie = refused.getCookie("csrf-token");
        assertNotNull(cookie, "the page gives the browser a new token cookie");
        assertEquals(cookie, matcher.group(1), "the form's token is the new cookie's");
        return matcher.group(1);
    }

    private static Response post(WebSession browser, String path, Map<String, String> form, String token) {
        return post(browser, path, form, token, null);
    }

    /** Posts as the browser would, with the CSRF cookie the last answer set (if any). */
    private static Response post(WebSession browser, String path, Map<String, String> form, String token, Response previous) {
        Map<String, String> cookies = new LinkedHashMap<>(browser.cookies());
        if (previous != null && previous.getCookie("csrf-token") != null) {
            cookies.put("csrf-token", previous.getCookie("csrf-token"));
        }
        RequestSpecification request = io.restassured.RestAssured.given().redirects().follow(false).cookies(cookies)
                .contentType("application/x-www-form-urlencoded; charset=UTF-8");
        form.forEach(request::formParam);
        request.formParam("csrf-token", token);
        return request.post(path);
    }
}
