package org.s11portal.survey;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.regex.Pattern;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;
import org.s11portal.support.WebSession;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;

/** Issue 8: repeated values refused, one address limited, and nothing in the log that ties an answer to anyone. */
@QuarkusTest
class SurveyIntegrityTest {

    @Inject
    org.s11portal.support.Fixtures fixtures;

    @Inject
    SurveyNonces nonces;

    @Inject
    SurveySubmitLimit limit;

    @Inject
    org.s11portal.common.config.PortalConfig config;

    record Setup(org.s11portal.agency.Agency agency, String token) {
    }

    Setup setup() {
        org.s11portal.cycle.Cycle cycle = fixtures.aCycle().create();
        org.s11portal.agency.Agency agency = fixtures.anAgency()
                .inAreas(org.s11portal.agency.Area.PORTSMOUTH, org.s11portal.agency.Area.SOUTHAMPTON).create();
        WebSession lead = WebSession.signedIn(fixtures.lead(agency).email);
        lead.get("/staff-survey");
        lead.post("/staff-survey/link", Map.of()).then().statusCode(303);
        java.util.regex.Matcher matcher = Pattern.compile("/survey/([A-Za-z0-9_-]{20,})").matcher(lead.get("/staff-survey").asString());
        assertTrue(matcher.find(), "the page shows the link");
        return new Setup(agency, matcher.group(1));
    }

    @jakarta.transaction.Transactional
    long responses(org.s11portal.agency.Agency agency) {
        return SurveyResponse.count("agency.id", agency.id);
    }

    /** Posts the form with every value of a multiple-choice field sent as given, repeats included. */
    static Response post(WebSession staff, String token, Map<String, String> single, Map<String, List<String>> multi) {
        RequestSpecification request = staff.request().contentType("application/x-www-form-urlencoded; charset=UTF-8");
        single.forEach(request::formParam);
        multi.forEach((field, values) -> request.formParam(field, values.toArray()));
        if (staff.csrfToken() != null) {
            request.formParam("csrf-token", staff.csrfToken());
        }
        return request.post("/survey/" + token);
    }

    @Test
    void repeatedChoicesAreRefusedWithTheErrorSummaryAndWhatWasTypedKept() {
        Setup s = setup();
        WebSession staff = WebSession.anonymous();
        Map<String, String> form = new HashMap<>(SurveyResourceTest.allAnswers());
        form.remove("q13");
        form.put("nonce", SurveyResourceTest.nonce(staff.get("/survey/" + s.token).asString()));
        form.put("freeText", "More time for supervision");
        List<String> four = List.of("PROCEDURES", "CONTINUUM", "FAMILY_APPROACH", "ESCALATION");
        List<String> tenTimes = new ArrayList<>();
        Collections.nCopies(10, four).forEach(tenTimes::addAll);

        post(staff, s.token, form, Map.of("q13", tenTimes, "areas", Collections.nCopies(60, "PORTSMOUTH"))).then().statusCode(400)
                .body(containsString("govuk-error-summary"))
                .body(containsString("Question 13: select each answer once"))
                .body(containsString("Select each area you work in once"))
                .body(containsString("More time for supervision"))
                .body(containsString("value=\"ESCALATION\" checked"));
        post(staff, s.token, form, Map.of("q13", List.of("PROCEDURES", "PROCEDURES"))).then().statusCode(400)
                .body(containsString("Question 13: select each answer once"));
        assertEquals(0L, responses(s.agency));

        post(staff, s.token, form, Map.of("q13", four, "areas", List.of("PORTSMOUTH", "SOUTHAMPTON"))).then().statusCode(303);
        assertEquals(1L, responses(s.agency));
    }

    @Test
    void oneAddressOverTheLimitIsAskedToWaitAndKeepsWhatItTyped() {
        Setup s = setup();
        String address = "127.0." + ThreadLocalRandom.current().nextInt(1, 250) + "." + ThreadLocalRandom.current().nextInt(2, 250);
        limit.configure(2, 1);
        try {
            for (int i = 0; i < 2; i++) {
                WebSession staff = WebSession.anonymousFrom(address);
                Map<String, String> form = new HashMap<>(SurveyResourceTest.allAnswers());
                form.put("nonce", SurveyResourceTest.nonce(staff.get("/survey/" + s.token).asString()));
                staff.post("/survey/" + s.token, form).then().statusCode(303);
            }
            WebSession third = WebSession.anonymousFrom(address);
            Map<String, String> form = new HashMap<>(SurveyResourceTest.allAnswers());
            String nonce = SurveyResourceTest.nonce(third.get("/survey/" + s.token).asString());
            form.put("nonce", nonce);
            form.put("freeText", "Clearer escalation routes");
            Response refused = third.post("/survey/" + s.token, form);
            refused.then().statusCode(429)
                    .header("Retry-After", "60")
                    .body(containsString("Too many answers have been sent from your network"))
                    .body(containsString("Clearer escalation routes"))
                    .body(containsString("value=\"" + nonce + "\""));
            assertEquals(2L, responses(s.agency));

            // another address is not held back by the first
            WebSession elsewhere = WebSession.anonymousFrom(address.replaceAll("\\.\\d+$", ".1"));
            Map<String, String> other = new HashMap<>(SurveyResourceTest.allAnswers());
            other.put("nonce", SurveyResourceTest.nonce(elsewhere.get("/survey/" + s.token).asString()));
            elsewhere.post("/survey/" + s.token, other).then().statusCode(303);

            // once the address may send again, the very same form is stored, once
            limit.configure(2, 6_000_000);
            third.post("/survey/" + s.token, form).then().statusCode(303);
            assertEquals(4L, responses(s.agency));
        } finally {
            limit.configure(config.survey().submitBurst(), config.survey().submitsPerMinute());
        }
    }

    /** Every line logged while it is attached, formatted as the console would show it (the message, not the time stamp). */
    static final class Capture extends Handler {
        final List<String> lines = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void publish(LogRecord record) {
            String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
            StringBuilder line = new StringBuilder(record.getLevel() + " [" + record.getLoggerName() + "] " + message);
            for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
                line.append(" | ").append(t);
            }
            lines.add(line.toString());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    private static final Pattern FINER_THAN_A_DAY = Pattern.compile(
            "\\b\\d{1,2}:\\d{2}\\b|T\\d{2}:\\d{2}|\\b1[6-9]\\d{8}\\b|\\b1[6-9]\\d{11}\\b");

    @Test
    void noSurveyRequestLeavesANonceHashTokenOrTimeInTheLog() {
        Setup s = setup();
        Capture capture = new Capture();
        capture.setLevel(Level.ALL);
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        // the driver's server-error logger at its most talkative: the writer must not give it anything to say
        java.util.logging.Logger driver = java.util.logging.Logger.getLogger("org.mariadb.jdbc.message.server.ErrorPacket");
        Level driverLevel = driver.getLevel();
        driver.setLevel(Level.ALL);
        root.addHandler(capture);
        List<String> secrets = new ArrayList<>();
        try {
            org.jboss.logging.Logger.getLogger(SurveyIntegrityTest.class).warn("capture-check");
            WebSession staff = WebSession.anonymous();
            Map<String, String> form = new HashMap<>(SurveyResourceTest.allAnswers());
            String nonce = SurveyResourceTest.nonce(staff.get("/survey/" + s.token).asString());
            form.put("nonce", nonce);
            SurveyNonces.Checked checked = nonces.check(nonce, s.token);
            assertNotNull(checked);
            secrets.add(nonce);
            secrets.add(checked.hash());
            secrets.addAll(List.of(nonce.split("\\.")));
            secrets.add(s.token);

            staff.post("/survey/" + s.token, form).then().statusCode(303); // a good form
            staff.post("/survey/" + s.token, form).then().statusCode(303); // the same form again
            staff.post("/survey/" + s.token, form).then().statusCode(303);

            WebSession other = WebSession.anonymous();
            Map<String, String> bad = new HashMap<>(SurveyResourceTest.allAnswers());
            String badNonce = SurveyResourceTest.nonce(other.get("/survey/" + s.token).asString());
            secrets.add(badNonce);
            secrets.add(nonces.check(badNonce, s.token).hash());
            bad.put("nonce", badNonce);
            bad.remove("q13");
            post(other, s.token, bad, Map.of("q13", List.of("NONE", "NONE"))).then().statusCode(400);
            bad.put("nonce", "forged.1.signature");
            other.post("/survey/" + s.token, bad).then().statusCode(400);
        } finally {
            root.removeHandler(capture);
            driver.setLevel(driverLevel);
        }
        assertEquals(1L, responses(s.agency));
        assertTrue(capture.lines.stream().anyMatch(line -> line.contains("capture-check")), "the capture sees the log");
        for (String line : List.copyOf(capture.lines)) {
            for (String secret : secrets) {
                assertTrue(!line.contains(secret), "the log holds a nonce, hash or token: " + line);
            }
            assertTrue(!line.toLowerCase().contains("duplicate"), "the log holds a duplicate-key error: " + line);
            assertTrue(!FINER_THAN_A_DAY.matcher(line).find(), "the log holds a time finer than a day: " + line);
        }
    }
}
