package org.s11portal.housekeeping;

import java.time.Instant;
import java.time.LocalDate;

import org.jboss.logging.Logger;
import org.s11portal.common.config.PortalClock;
import org.s11portal.common.config.PortalConfig;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * The nightly clean-up of what the portal no longer needs: session records after they expired, sign-in
 * attempts once the retention for security investigations has passed, and used survey nonces once the
 * forms they belonged to have expired (an expired form is refused anyway). Deletes in small chunks, each its
 * own transaction, so a busy survey is never held up. Safe to run on several instances at once.
 */
@ApplicationScoped
public class Housekeeping {

    private static final Logger LOG = Logger.getLogger(Housekeeping.class);
    static final int CHUNK = 5_000;

    @Inject
    PortalClock clock;

    @Inject
    PortalConfig config;

    @Inject
    EntityManager entityManager;

    public record Purged(int sessions, int signInAttempts, int surveyNonces, int signInCounters) {
    }

    @Scheduled(identity = "housekeeping", cron = "${portal.housekeeping.cron}", timeZone = "${portal.timezone}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void nightly() {
        Purged purged = purge(clock.now());
        LOG.infof("housekeeping removed %d session records, %d sign-in attempts, %d used survey nonces and %d ended sign-in counts",
                purged.sessions(), purged.signInAttempts(), purged.surveyNonces(), purged.signInCounters());
    }

    /** Removes everything due for removal at that moment. */
    public Purged purge(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, config.timezone());
        return new Purged(
                deleteInChunks("DELETE FROM user_session WHERE expires_at < ?1", now.minus(config.housekeeping().sessionRetention())),
                deleteInChunks("DELETE FROM sign_in_attempt WHERE attempted_at < ?1",
                        now.minus(config.housekeeping().signInAttemptRetention())),
                deleteInChunks("DELETE FROM survey_nonce_used WHERE expires_on < ?1", today),
                // a sign-in count whose window is over counts nothing: the next attempt starts a new one
                deleteInChunks("DELETE FROM sign_in_counter WHERE window_started_at < ?1", now.minus(config.signIn().window())));
    }

    private int deleteInChunks(String delete, Object before) {
        int total = 0;
        int deleted;
        do {
            deleted = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(delete + " LIMIT " + CHUNK)
                    .setParameter(1, before).executeUpdate());
            total += deleted;
        } while (deleted == CHUNK);
        return total;
    }
}
