package org.s11portal.account;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.s11portal.agency.Area;
import org.s11portal.support.Fixtures;
import org.s11portal.support.Metrics;
import org.s11portal.support.WebSession;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * Refused sign-ins count in s11_sign_in_failures_total by step and outcome, and by nothing that names who. Each test
 * signs in from a loopback address of its own, so its failures never count against another test's address.
 */
@QuarkusTest
class SignInMetricsTest {

    static final String FAILURES = "s11_sign_in_failures_total";

    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    @Inject
    Fixtures fixtures;

    record Counts(double passwordRejected, double passwordThrottled, double codeRejected, double codeThrottled) {
    }

    Counts counts() {
        Metrics m = Metrics.scrape(metrics);
        return new Counts(m.value(FAILURES, "step", "password", "outcome", "rejected"),
                m.value(FAILURES, "step", "password", "outcome", "throttled"),
                m.value(FAILURES, "step", "two_step", "outcome", "rejected"),
                m.value(FAILURES, "step", "two_step", "outcome", "throttled"));
    }

    @Test
    void wrongPasswordsAndUnknownEmailsCountAsRejectedAndASuccessDoesNotCount() {
        User lead = fixtures.lead(fixtures.anAgency().create());
        Counts before = counts();
        WebSession.anonymousFrom("127.0.3.1").signIn(lead.email, "not-the-password-at-all").then().statusCode(400);
        WebSession.anonymousFrom("127.0.3.1").signIn("nobody-" + lead.email, "not-the-password-at-all").then().statusCode(400);
        WebSession.anonymousFrom("127.0.3.1").signIn(lead.email, Fixtures.PASSWORD).then().statusCode(303);
        assertEquals(new Counts(before.passwordRejected + 2, before.passwordThrottled, before.codeRejected, before.codeThrottled),
                counts());
    }

    @Test
    void anAttemptTheThrottleStopsCountsAsThrottled() {
        User lead = fixtures.lead(fixtures.anAgency().create());
        Counts before = counts();
        for (int i = 0; i < 5; i++) {
            WebSession.anonymousFrom("127.0.3.2").signIn(lead.email, "wrong-password-" + i).then().statusCode(400);
        }
        WebSession.anonymousFrom("127.0.3.2").signIn(lead.email, Fixtures.PASSWORD).then().statusCode(429);
        assertEquals(new Counts(before.passwordRejected + 5, before.passwordThrottled + 1, before.codeRejected,
                before.codeThrottled), counts());
    }

    @Test
    void aWrongTwoStepCodeCountsAsRejectedAtTheTwoStepStep() {
        User moderator = fixtures.moderator(Area.HAMPSHIRE);
        WebSession browser = WebSession.anonymousFrom("127.0.3.3").withoutTwoStepHelp();
        browser.signIn(moderator.email, Fixtures.PASSWORD).then().statusCode(303);
        browser.get("/sign-in/two-step");
        Counts before = counts();
        browser.post("/sign-in/two-step", Map.of("code", "wrong-recovery-code")).then().statusCode(400);
        assertEquals(new Counts(before.passwordRejected, before.passwordThrottled, before.codeRejected + 1,
                before.codeThrottled), counts());
    }
}
