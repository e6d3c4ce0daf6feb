package org.s11portal.common.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URL;

import org.junit.jupiter.api.Test;
import org.s11portal.support.Metrics;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** A count made in a transaction is added when it commits, never when it rolls back. */
@QuarkusTest
class BusinessMetricsTest {

    static final String ISSUED = "s11_letters_issued_total";

    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    @Inject
    BusinessMetrics businessMetrics;

    @Test
    void aCountInATransactionIsAddedOnlyOnceItCommits() {
        double before = Metrics.scrape(metrics).value(ISSUED);
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            businessMetrics.letterIssued();
            throw new IllegalStateException("the letter was not stored");
        }));
        assertEquals(before, Metrics.scrape(metrics).value(ISSUED));

        QuarkusTransaction.requiringNew().run(() -> {
            businessMetrics.letterIssued();
            assertEquals(before, Metrics.scrape(metrics).value(ISSUED), "counted before the commit");
        });
        assertEquals(before + 1, Metrics.scrape(metrics).value(ISSUED));
    }

    @Test
    void everyCounterIsListedFromTheStartWithoutATagThatNamesAnyone() {
        String text = Metrics.scrape(metrics).text();
        for (String name : new String[] {"s11_self_assessments_submitted_total", "s11_survey_answers_stored_total",
                "s11_letters_issued_total", "s11_outbox_backlog"}) {
            assertEquals(true, text.contains("\n" + name + " "), name + " missing or tagged:\n" + text);
        }
        assertEquals(true, text.contains("s11_sign_in_failures_total{outcome=\"rejected\",step=\"password\"}"), text);
    }
}
