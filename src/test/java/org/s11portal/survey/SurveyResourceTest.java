package org.s11portal.survey;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.s11portal.agency.Agency;
import org.s11portal.agency.Area;
import org.s11portal.common.config.PortalClock;
import org.s11portal.cycle.Cycle;
import org.s11portal.support.Fixtures;
import org.s11portal.support.WebSession;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

@QuarkusTest
class SurveyResourceTest {

    @Inject
    PortalClock clock;

    @Inject
    Fixtures fixtures;

    record Setup(Cycle cycle, Agency agency, WebSession lead, String token) {
    }

    Setup setup() {
        Cycle cycle = fixtures.aCycle().create();
        Agency agency = fixtures.anAgency().inAreas(Area.PORTSMOUTH, Area.SOUTHAMPTON).create();
        WebSession lead = WebSession.signedIn(fixtures.lead(agency).email);
        lead.get("/staff-survey").then().statusCode(200).body(containsString("Create your survey link"));
        lead.post("/staff-survey/link", Map.of()).then().statusCode(303);
        String page = lead.get("/staff-survey").asString();
        Matcher matcher = Pattern.compile("/survey/([A-Za-z0-9_-]{20,})").matcher(page);
        assertTrue(matcher.find(), "the page shows the link");
        return new Setup(cycle, agency, lead, matcher.group(1));
    }

    static Map<String, String> allAnswers() {
        Map<String, String> form = new HashMap<>();
        for (SurveyDefinition.Question q : SurveyDefinition.QUESTIONS) {
            form.put(q.field(), q.options().get(0).value());
        }
        form.put("roleBand", "FRONTLINE");
        form.put("worksWith", "BOTH");
        return form;
    }

    static Response answer(String token, Map<String, String> answers) {
        WebSession staff = WebSession.anonymous();
        String form = staff.get("/survey/" + token).asString();
        Map<String, String> withNonce = new HashMap<>(answers);
        withNonce.put("nonce", nonce(form));
        return staff.post("/survey/" + token, withNonce);
    }

    static String nonce(String html) {
        Matcher matcher = Pattern.compile("name=\"nonce\" value=\"([^\"]+)\"").matcher(html);
        assertTrue(matcher.find());
        return matcher.group(1);
    }

    @Test
    void staffAnswerThroughTheLinkWithoutAnAccount() {
        Setup s = setup();
        WebSession.anonymous().get("/survey/" + s.token).then().statusCode(200)
                .body(containsString(s.agency.name))
                .body(containsString("not the way to report a concern about a child"))
                .body(containsString("I know who the safeguarding lead"));
        answer(s.token, allAnswers()).then().statusCode(303).header("Location", containsString("/thanks"));
        assertEquals(1L, responses(s.agency));
        s.lead.get("/staff-survey").then().body(containsString("1 answers; headcount not given yet"));
    }

    @Test
    void aMissingAnswerIsNamedAndEverythingTypedIsKept() {
        Setup s = setup();
        Map<String, String> partial = allAnswers();
        partial.remove("q3");
        partial.put("freeText", "More time for supervision");
        answer(s.token, partial).then().statusCode(400)
                .body(containsString("Question 3: select an answer"))
                .body(containsString("href=\"#q3\""))
                .body(containsString("id=\"q4\" name=\"q4\" type=\"radio\" value=\"SA\" checked"))
                .body(containsString("More time for supervision"));
        assertEquals(0L, responses(s.agency));
    }

    @Test
    void aResubmittedFormStoresOneResponse() {
        Setup s = setup();
        WebSession staff = WebSession.anonymous();
        Map<String, String> form = new HashMap<>(allAnswers());
        form.put("nonce", nonce(staff.get("/survey/" + s.token).asString()));
        staff.post("/survey/" + s.token, form).then().statusCode(303);
        staff.post("/survey/" + s.token, form).then().statusCode(303);
        assertEquals(1L, responses(s.agency));
        assertEquals(1L, uptake(s.agency));
    }

    @Test
    void twentyConcurrentPostsOfOneFormStoreOneResponse() throws Exception {
        Setup s = setup();
        WebSession staff = WebSession.anonymous();
        Map<String, String> form = new HashMap<>(allAnswers());
        form.put("nonce", nonce(staff.get("/survey/" + s.token).asString()));
        var pool = java.util.concurrent.Executors.newFixedThreadPool(20);
        var start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Integer>> results = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return staff.post("/survey/" + s.token, form).statusCode();
            }));
        }
        start.countDown();
        for (var result : results) {
            assertEquals(303, result.get());
        }
        pool.shutdown();
        assertEquals(1L, responses(s.agency));
        assertEquals(1L, uptake(s.agency));
    }

    @Test
    void aForgedOrForeignNonceStoresNothing() {
        Setup s = setup();
        Map<String, String> form = new HashMap<>(allAnswers());
        form.put("nonce", "forged.99999.signature");
        WebSession staff = WebSession.anonymous();
        staff.get("/survey/" + s.token);
        staff.post("/survey/" + s.token, form).then().statusCode(400).body(containsString("Your answers are still here"));
        assertEquals(0L, responses(s.agency));
    }

    @Test
    void replacingTheLinkMovesTheSurveyAndUnknownLinksAreNotFound() {
        Setup s = setup();
        WebSession staff = WebSession.anonymous();
        Map<String, String> openedBefore = new HashMap<>(allAnswers());
        openedBefore.put("nonce", nonce(staff.get("/survey/" + s.token).asString()));
        s.lead.post("/staff-survey/link", Map.of()).then().statusCode(303);
        WebSession.anonymous().get("/survey/" + s.token).then().statusCode(410)
                .body(containsString("This survey has moved"))
                .body(containsString("Ask your safeguarding lead"));
        staff.post("/survey/" + s.token, openedBefore).then().statusCode(410);
        assertEquals(0L, responses(s.agency));
        WebSession.anonymous().get("/survey/no-such-link-at-all").then().statusCode(404).body(containsString("Survey not found"));
    }

    @Test
    void aClosedSurveySaysSoAndStoresNothing() {
        Setup s = setup();
        WebSession staff = WebSession.anonymous();
        String form = staff.get("/survey/" + s.token).asString();
        fixtures.surveyWindow(s.cycle, clock.today().minusDays(30), clock.today().minusDays(1));
        Map<String, String> answers = new HashMap<>(allAnswers());
        answers.put("nonce", nonce(form));
        staff.post("/survey/" + s.token, answers).then().statusCode(200).body(containsString("This survey is closed"));
        WebSession.anonymous().get("/survey/" + s.token).then().body(containsString("This survey is closed"));
        assertEquals(0L, responses(s.agency));
    }

    @Test
    void takeUpIsAnswersOverHeadcountAgainstTheTarget() {
        Setup s = setup();
        s.lead.post("/staff-survey/headcount", Map.of("headcount", "ten")).then().statusCode(400)
                .body(containsString("Headcount must be a whole number"));
        s.lead.post("/staff-survey/headcount", Map.of("headcount", "10")).then().statusCode(303);
        for (int i = 0; i < 3; i++) {
            answer(s.token, allAnswers()).then().statusCode(303);
        }
        s.lead.get("/staff-survey").then().body(containsString("3 of 10 staff (30%), target 40%"))
                .body(containsString("Below target"));

        WebSession moderator = WebSession.signedIn(fixtures.moderator(Area.PORTSMOUTH).email);
        moderator.get("/survey-take-up").then().statusCode(200)
                .body(containsString(s.agency.name))
                .body(containsString("3 of 10 staff (30%)"))
                .body(containsString("Take-up by area"))
                .body(containsString("Portsmouth</th>"));

        s.lead.post("/staff-survey/headcount", Map.of("headcount", "2")).then().statusCode(303);
        s.lead.get("/staff-survey").then().body(containsString("More answers than staff: link may have leaked"));
    }

    @Test
    void onlyLeadsHaveASurveyPageAndModeratorsSeeOnlyTheirScope() {
        Setup s = setup();
        Agency portsmouthOnly = fixtures.anAgency().inAreas(Area.PORTSMOUTH).create();
        WebSession otherModerator = WebSession.signedIn(fixtures.moderator(Area.HAMPSHIRE).email);
        otherModerator.get("/survey-take-up").then().statusCode(200)
                .body(containsString(s.agency.name))
                .body(not(containsString(portsmouthOnly.name)));
        otherModerator.get("/staff-survey").then().statusCode(403);
    }

    @Transactional
    long responses(Agency agency) {
        return SurveyResponse.count("agency.id", agency.id);
    }

    @Transactional
    long uptake(Agency agency) {
        Number n = (Number) io.quarkus.hibernate.orm.panache.Panache.getEntityManager()
                .createNativeQuery("SELECT COALESCE(SUM(responses), 0) FROM survey_uptake WHERE agency_id = ?1")
                .setParameter(1, agency.id).getSingleResult();
        return n.longValue();
    }
}
