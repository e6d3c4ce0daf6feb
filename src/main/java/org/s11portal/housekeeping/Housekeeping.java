package org.s11portal.housekeeping;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import org.jboss.logging.Logger;
import org.s11portal.common.config.PortalClock;
import org.s11portal.common.config.PortalConfig;
import org.s11portal.useradmin.ResetRequestLimit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * The nightly clean-up of what the portal no longer needs: session records after they expired, sign-in
 * attempts once the retention for security investigations has passed, used survey nonces once the
 * forms they belonged to have expired (an expired form is refused anyway), ended sign-in and reset counts, one-time
 * links a month after they expired, ended two-step sign-ins, and uploads never confirmed. Deletes in small chunks, each its
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

    /** One-time links are kept this long after they expired, for questions about an invitation. */
    static final Duration ONE_TIME_LINK_RETENTION = Duration.ofDays(30);

    public record Purged(int sessions, int signInAttempts, int surveyNonces, int signInCounters, int oneTimeLinks,
            int pendingSignIns, int uploads) {
    }

    @Scheduled(identity = "housekeeping", cron = "${portal.housekeeping.cron}", timeZone = "${portal.timezone}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void nightly() {
        Purged purged = purge(clock.now());
        LOG.infof("housekeeping removed %d session records, %d sign-in attempts, %d used survey nonces, %d ended sign-in"
                + " and reset counts, %d old one-time links, %d ended two-step sign-ins and %d expired uploads",
                purged.sessions(), purged.signInAttempts(), purged.surveyNonces(), purged.signInCounters(),
                purged.oneTimeLinks(), purged.pendingSignIns(), purged.uploads());
    }

    /** Removes everything due for removal at that moment. */
    public Purged purge(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, config.timezone());
        return new Purged(
                deleteInChunks("DELETE FROM user_session WHERE expires_at < ?1", now.minus(config.housekeeping().sessionRetention())),
                deleteInChunks("DELETE FROM sign_in_attempt WHERE attempted_at < ?1",
                        now.minus(config.housekeeping().signInAttemptRetention())),
                deleteInChunks("DELETE FROM survey_nonce_used WHERE expires_on < ?1", today),
                // a count whose window is over counts nothing: the next attempt starts a new one (reset counts last longer)
                deleteInChunks("DELETE FROM sign_in_counter WHERE counter_key NOT LIKE '" + ResetRequestLimit.KEY_PREFIX
                        + "%' AND window_started_at < ?1", now.minus(config.signIn().window()))
                        + deleteInChunks("DELETE FROM sign_in_counter WHERE counter_key LIKE '" + ResetRequestLimit.KEY_PREFIX
                                + "%' AND window_started_at < ?1", now.minus(ResetRequestLimit.WINDOW)),
                deleteInChunks("DELETE FROM one_time_token WHERE expires_at < ?1", now.minus(ONE_TIME_LINK_RETENTION)),
                deleteInChunks("DELETE FROM two_step_pending WHERE expires_at < ?1", now.minus(Duration.ofDays(1))),
                // uploads waiting for a confirmation that never came: an agency import expires after an hour, a tool's is
                // kept a day
                deleteInChunks("DELETE FROM agency_import WHERE expires_at < ?1", now)
                        + deleteInChunks("DELETE FROM tool_import WHERE created_at < ?1", now.minus(Duration.ofDays(1))));
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
