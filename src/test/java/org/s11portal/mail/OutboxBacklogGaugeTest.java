package org.s11portal.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;

import org.junit.jupiter.api.Test;
import org.s11portal.support.Fixtures;
import org.s11portal.support.Metrics;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** s11_outbox_backlog follows the PENDING rows of the outbox, read when /q/metrics is scraped. */
@QuarkusTest
class OutboxBacklogGaugeTest {

    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    @Inject
    Outbox outbox;

    @Inject
    OutboxBacklogGauge gauge;

    double backlog() {
        gauge.countAgainNextTime();
        return Metrics.scrape(metrics).value("s11_outbox_backlog");
    }

    @Test
    void theBacklogCountsEmailsWaitingAndDropsWhenTheyAreSent() {
        double before = backlog();
        String prefix = Fixtures.unique("test:backlog:");
        QuarkusTransaction.requiringNew().run(() -> {
            outbox.enqueue(OutboxTest.email(prefix + "1"));
            outbox.enqueue(OutboxTest.email(prefix + "2"));
        });
        assertEquals(before + 2, backlog());

        QuarkusTransaction.requiringNew().run(() -> OutboxMessage.update("state = ?1 where dedupeKey like ?2",
                OutboxMessage.State.SENT, prefix + "%"));
        assertEquals(before, backlog());
    }

    @Test
    void aScrapeWithinAFewSecondsOfTheLastReusesItsCount() {
        long started = System.nanoTime();
        double counted = backlog();
        QuarkusTransaction.requiringNew().run(() -> outbox.enqueue(OutboxTest.email(Fixtures.unique("test:backlog-cached:"))));
        double again = Metrics.scrape(metrics).value("s11_outbox_backlog");
        if (System.nanoTime() - started < OutboxBacklogGauge.FRESH_FOR.toNanos()) { // else the machine was too slow to tell
            assertEquals(counted, again, "counted again within " + OutboxBacklogGauge.FRESH_FOR);
        }
        assertEquals(counted + 1, backlog());
        QuarkusTransaction.requiringNew().run(() -> OutboxMessage.update("state = ?1 where dedupeKey like ?2",
                OutboxMessage.State.SENT, "test:backlog-cached:%"));
    }
}
