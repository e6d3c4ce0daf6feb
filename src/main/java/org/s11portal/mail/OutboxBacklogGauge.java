package org.s11portal.mail;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * The gauge {@code s11_outbox_backlog}: emails in the outbox not yet sent (state PENDING, waiting for their first
 * attempt or for a retry), across all instances. Read when Prometheus scrapes, with one COUNT on the index
 * (state, next_attempt_at), at most once per {@link #FRESH_FOR}: several scrapers cost one query. NaN while the
 * database cannot answer, so an outage shows as a gap rather than as an empty outbox.
 */
@ApplicationScoped
public class OutboxBacklogGauge {

    private static final Logger LOG = Logger.getLogger(OutboxBacklogGauge.class);
    static final Duration FRESH_FOR = Duration.ofSeconds(5);
    static final String NAME = "s11.outbox.backlog";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MeterRegistry registry;

    private double lastCount = Double.NaN;
    private long countedAtNanos;
    private boolean counted;

    void register(@Observes StartupEvent event) {
        Gauge.builder(NAME, this, OutboxBacklogGauge::pending)
                .description("Emails in the outbox waiting to be sent (first attempt or retry), all instances")
                .register(registry);
    }

    synchronized double pending() {
        long now = System.nanoTime();
        if (counted && now - countedAtNanos < FRESH_FOR.toNanos()) {
            return lastCount;
        }
        lastCount = count();
        countedAtNanos = now;
        counted = true;
        return lastCount;
    }

    /** The next scrape counts again, however recent the last count; for tests. */
    synchronized void countAgainNextTime() {
        counted = false;
    }

    private double count() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT COUNT(*) FROM outbox_message WHERE state = 'PENDING'")) {
            statement.setQueryTimeout(2);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            LOG.warnf("outbox backlog not counted (sql-state=%s code=%d)", e.getSQLState(), e.getErrorCode());
            return Double.NaN;
        }
    }
}
