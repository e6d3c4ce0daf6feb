package org.s11portal.common.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.s11portal.agency.Agency;
import org.s11portal.agency.Area;
import org.s11portal.account.User;
import org.s11portal.survey.SurveyDefinition;
import org.s11portal.survey.SurveyLinkCache;
import org.s11portal.support.Fixtures;
import org.s11portal.support.RelayedDatabase;
import org.s11portal.support.WebSession;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.smallrye.health.SmallRyeHealthReporter;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The database goes away for a few seconds under a running portal (its connections reset, new ones refused): every
 * page that needs it answers 503 with the service's own page, static pages still work, readiness is DOWN, nothing is
 * reported saved; when the database answers again everything works as before, the same session included, with no
 * restart. The cluster's fault suite plays the 30-second version against real processes.
 */
@QuarkusTest
@TestProfile(RelayedDatabase.class)
class DatabaseOutageTest {

    static final String UNAVAILABLE = "<h1 class=\"govuk-heading-l\">Sorry, the service is unavailable</h1>";
    static final String NOT_SAVED = "Sorry, your answers were not saved";

    @Inject
    Fixtures fixtures;

    @Inject
    SmallRyeHealthReporter health;

    @Inject
    SurveyLinkCache surveyLinks;

    @Inject
    EntityManager entityManager;

    @AfterEach
    void databaseBack() {
        RelayedDatabase.relay().restore();
    }

    @Test
    void pagesAnswer503WhileTheDatabaseIsDownAndEverythingRecoversWithoutARestart() {
        fixtures.aCycle().create();
        Agency agency = fixtures.anAgency().inAreas(Area.PORTSMOUTH).create();
        User leadUser = fixtures.lead(agency);
        WebSession lead = WebSession.signedIn(leadUser.email);
        lead.post("/staff-survey/link", Map.of()).then().statusCode(303);
        Matcher link = Pattern.compile("/survey/([A-Za-z0-9_-]{20,})").matcher(lead.get("/staff-survey").asString());
        assertTrue(link.find());
        String survey = "/survey/" + link.group(1);
        WebSession staff = WebSession.anonymous();
        Map<String, String> answers = answersWithNonce(staff.get(survey).asString());
        assertEquals("UP", readiness());

        RelayedDatabase.relay().cut();

        lead.get("/home").then().statusCode(503).body(containsString(UNAVAILABLE))
                .body(not(containsString(leadUser.displayName)));
        lead.get("/staff-survey").then().statusCode(503).body(containsString(UNAVAILABLE));
        lead.get("/sign-in").then().statusCode(503).body(containsString(UNAVAILABLE));
        lead.api().get("/api/v1/assessments/1").then().statusCode(503).contentType("application/problem+json")
                .body(containsString("\"status\":503"));
        WebSession.anonymous().get("/sign-in").then().statusCode(503).body(containsString(UNAVAILABLE));
        staff.post(survey, answers).then().statusCode(503).body(containsString(NOT_SAVED));
        surveyLinks.clear();
        WebSession.anonymous().get(survey).then().statusCode(503).body(containsString(UNAVAILABLE));
        WebSession.anonymous().get("/assets/portal.css").then().statusCode(200);
        WebSession.anonymous().get("/").then().statusCode(200);
        assertEquals("DOWN", readiness());
        assertEquals("UP", health.getLiveness().getStatus().name());

        RelayedDatabase.relay().restore();

        awaitStatus(lead, "/home", 200, Duration.ofSeconds(15));
        lead.get("/staff-survey").then().statusCode(200);
        WebSession.anonymous().get("/sign-in").then().statusCode(200).body(containsString("Sign in"));
        WebSession.anonymous().get(survey).then().statusCode(200);
        assertEquals("UP", readiness());
        staff.post(survey, answers).then().statusCode(303).header("Location", containsString("/thanks"));
        assertEquals(1L, responses(agency));
    }

    private String readiness() {
        return health.getReadiness().getStatus() == HealthCheckResponse.Status.UP ? "UP" : "DOWN";
    }

    private static void awaitStatus(WebSession session, String path, int status, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        Response response;
        do {
            response = session.get(path);
            if (response.statusCode() == status) {
                return;
            }
            sleep(200);
        } while (System.nanoTime() < deadline);
        assertEquals(status, response.statusCode(), path + " did not recover within " + within);
    }

    private static Map<String, String> answersWithNonce(String form) {
        Map<String, String> answers = new HashMap<>();
        for (SurveyDefinition.Question q : SurveyDefinition.QUESTIONS) {
            answers.put(q.field(), q.options().get(0).value());
        }
        Matcher nonce = Pattern.compile("name=\"nonce\" value=\"([^\"]+)\"").matcher(form);
        assertTrue(nonce.find(), "the survey form has its nonce");
        answers.put("nonce", nonce.group(1));
        return answers;
    }

    @Transactional
    long responses(Agency agency) {
        return ((Number) entityManager.createNativeQuery("SELECT COUNT(*) FROM survey_response WHERE agency_id = ?1")
                .setParameter(1, agency.id).getSingleResult()).longValue();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
