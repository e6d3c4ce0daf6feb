package org.s11portal.survey;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Pattern;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;
import org.s11portal.agency.Area;
import org.s11portal.support.Fixtures;
import org.s11portal.support.LogCapture;
import org.s11portal.support.WebSession;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * The survey's anonymity in the logs (docs/observability.md, "The staff survey in the logs"): a log line carries its
 * own timestamp, to the millisecond, so no request to the survey writes one at INFO or above (what production logs),
 * whatever happens to it; and no line at any level, from any library, holds the respondent's address, nor any line of
 * the portal's own the survey link.
 */
@QuarkusTest
class SurveyLogAnonymityTest {

    /** Every address a test request can come from is a loopback address. */
    private static final Pattern ADDRESS = Pattern.compile("127\\.0\\.0\\.1|0:0:0:0:0:0:0:1|::1");

    @Inject
    Fixtures fixtures;

    String surveyLink() {
        return SurveyMetricsTest.newSurveyLink(fixtures, Area.SOUTHAMPTON);
    }

    @Test
    void noSurveyRequestLogsAtInfoOrAboveOrLogsTheAddressOrTheLink() {
        String token = surveyLink();
        String survey = "/survey/" + token;
        List<LogRecord> records;
        // everything at DEBUG while the survey is used, the framework's categories too (the console stays at INFO)
        Logger root = Logger.getLogger("");
        Level rootLevel = root.getLevel();
        Map<Handler, Level> handlerLevels = new HashMap<>();
        for (Handler handler : root.getHandlers()) {
            handlerLevels.put(handler, handler.getLevel());
            handler.setLevel(Level.INFO);
        }
        root.setLevel(Level.FINE);
        try (LogCapture log = LogCapture.start()) {
            // the form, an answer, the thank-you page
            SurveyResourceTest.answer(token, SurveyResourceTest.allAnswers()).then().statusCode(303);
            WebSession.anonymous().get(survey + "/thanks").then().statusCode(200);
            // the same form sent twice
            WebSession staff = WebSession.anonymous();
            Map<String, String> form = new HashMap<>(SurveyResourceTest.allAnswers());
            form.put("nonce", SurveyResourceTest.nonce(staff.get(survey).asString()));
            staff.post(survey, form).then().statusCode(303);
            staff.post(survey, form).then().statusCode(303);
            // a missing answer
            Map<String, String> partial = new HashMap<>(SurveyResourceTest.allAnswers());
            partial.remove("q2");
            SurveyResourceTest.answer(token, partial).then().statusCode(400);
            // a form whose CSRF cookie has gone (the expired-form page), one from another site, one too large
            WebSession.anonymous().post(survey, SurveyResourceTest.allAnswers()).then().statusCode(400);
            staff.request().header("Origin", "https://elsewhere.example").formParams(form)
                    .formParam("csrf-token", staff.csrfToken()).post(survey).then().statusCode(403);
            given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                    .formParam("freeText", "a".repeat(200_000)).post(survey).then().statusCode(413);
            // a link that does not exist
            WebSession.anonymous().get(survey + "x").then().statusCode(404);
            records = log.all().stream().filter(r -> !r.getLoggerName().startsWith("org.apache.http")).toList(); // the test's client
        } finally {
            root.setLevel(rootLevel);
            handlerLevels.forEach(Handler::setLevel);
        }

        List<String> written = records.stream().filter(r -> r.getLevel().intValue() >= Level.INFO.intValue())
                .map(r -> r.getLevel() + " " + r.getLoggerName() + ": " + LogCapture.message(r)).toList();
        assertEquals(List.of(), written, "survey requests logged at INFO or above");
        for (LogRecord record : records) {
            String text = record.getLoggerName() + ": " + LogCapture.message(record) + " " + mdc(record);
            assertTrue(!ADDRESS.matcher(text).find(), () -> "the address logged: " + text);
            // the portal's own lines never name the link (some libraries' DEBUG lines quote paths: docs/observability.md)
            assertTrue(!record.getLoggerName().startsWith("org.s11portal") || !text.contains(token),
                    () -> "the survey link logged: " + text);
        }
        assertTrue(records.stream().anyMatch(r -> LogCapture.message(r).contains("path=/survey/{token}")),
                "the refusals are still logged at DEBUG, with the link replaced: " + records.size() + " records");
    }

    private static String mdc(LogRecord record) {
        return record instanceof ExtLogRecord ext ? String.valueOf(ext.getMdcCopy()) : "";
    }
}
