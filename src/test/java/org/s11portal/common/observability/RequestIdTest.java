package org.s11portal.common.observability;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.logging.LogRecord;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;
import org.s11portal.support.LogCapture;
import org.s11portal.support.WebSession;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Every request has an id: in its log lines' MDC, in the X-Request-Id response header and on the 500 page. */
@QuarkusTest
class RequestIdTest {

    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Test
    void eachRequestGetsAFreshRandomIdSentBack() {
        String first = given().get("/sign-in").then().statusCode(200).extract().header(RequestIds.HEADER);
        String second = given().get("/sign-in").then().statusCode(200).extract().header(RequestIds.HEADER);
        assertTrue(first.matches(UUID), first);
        assertTrue(second.matches(UUID), second);
        assertNotEquals(first, second, "two requests from one address share an id");
        // error pages too
        assertTrue(given().get("/no-such-page").then().statusCode(404).extract().header(RequestIds.HEADER).matches(UUID));
    }

    @Test
    void aShortSafeIdFromTheCallerIsKeptAnythingElseIsReplaced() {
        assertEquals("lb-7f3a9c-0001", given().header(RequestIds.HEADER, "lb-7f3a9c-0001").get("/sign-in")
                .then().extract().header(RequestIds.HEADER));
        for (String unsafe : List.of("has space", "new\\nline", "under_score", "a".repeat(65), "<script>", "")) {
            String id = given().header(RequestIds.HEADER, unsafe).get("/sign-in").then().extract().header(RequestIds.HEADER);
            assertTrue(id.matches(UUID), unsafe + " -> " + id);
        }
    }

    @Test
    void logLinesWrittenWhileServingTheRequestCarryItsId() {
        Response response;
        List<LogRecord> records;
        try (LogCapture log = LogCapture.start()) {
            response = WebSession.anonymousFrom("127.0.3.4").signIn("nobody-request-id@example.org", "not-the-password");
            records = log.written();
        }
        response.then().statusCode(400);
        LogRecord failed = records.stream().filter(r -> LogCapture.message(r).contains("security-event=sign-in-failed"))
                .findFirst().orElseThrow(() -> new AssertionError("no sign-in-failed line"));
        assertEquals(response.header(RequestIds.HEADER), ((ExtLogRecord) failed).getMdc(RequestIds.MDC_KEY));
    }

    @Test
    void theUnexpectedErrorPageShowsTheRequestIdAsItsReference() {
        Response response;
        List<LogRecord> records;
        try (LogCapture log = LogCapture.start()) {
            response = given().get("/test-only/unexpected-error");
            records = log.written();
        }
        String id = response.header(RequestIds.HEADER);
        response.then().statusCode(500)
                .body(containsString("<strong class=\"app-reference\">" + id + "</strong>"))
                .body(not(containsString("a bug that the page must not show")));
        assertTrue(records.stream().anyMatch(r -> LogCapture.message(r).contains("unexpected error reference=" + id)),
                "the log line names the same reference");
    }
}
