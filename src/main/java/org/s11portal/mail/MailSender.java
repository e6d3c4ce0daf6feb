package org.s11portal.mail;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.jboss.logging.Logger;
import org.s11portal.common.config.PortalClock;
import org.s11portal.common.config.PortalConfig;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Delivers the outbox through Quarkus Mailer. A sender first claims a batch of due emails with one UPDATE (its own
 * claim id and a lease), so two senders, on one instance or several, never take the same email; it then sends each
 * and records the outcome in a transaction of its own: sent, or the error and when to try again (back-off doubling up
 * to a limit). An email is never dropped; one whose sender died is taken over once its lease has passed.
 */
@ApplicationScoped
public class MailSender {

    private static final Logger LOG = Logger.getLogger(MailSender.class);
    static final int MAX_ERROR = 2_000;

    /** This instance, in every claim it makes: which instance holds an email shows on the row. */
    private final String instanceId = UUID.randomUUID().toString().substring(0, 8);
    private final AtomicLong claims = new AtomicLong();

    @Inject
    Mailer mailer;

    @Inject
    PortalClock clock;

    @Inject
    PortalConfig config;

    @Inject
    EntityManager entityManager;

    @Scheduled(identity = "mail-sender", every = "${portal.mail.send-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        int sent = sendDue();
        if (sent > 0) {
            LOG.infof("mail sender delivered %d emails", sent);
        }
    }

    /** Claims the emails due now (one batch) and sends them; returns how many were sent. */
    public int sendDue() {
        String claim = instanceId + "-" + claims.incrementAndGet();
        Instant now = clock.now();
        Instant claimedUntil = now.plus(config.mail().claimLease());
        List<OutboxMessage> batch = QuarkusTransaction.requiringNew().call(() -> {
            int claimed = entityManager.createNativeQuery("""
                    UPDATE outbox_message SET claimed_by = ?1, claimed_until = ?2
                    WHERE state = 'PENDING' AND next_attempt_at <= ?3 AND (claimed_until IS NULL OR claimed_until < ?3)
                    ORDER BY id LIMIT ?4""")
                    .setParameter(1, claim).setParameter(2, claimedUntil).setParameter(3, now)
                    .setParameter(4, config.mail().batchSize())
                    .executeUpdate();
            return claimed == 0 ? List.<OutboxMessage>of()
                    : OutboxMessage.<OutboxMessage>list("claimedBy = ?1 order by id", claim);
        });
        int sent = 0;
        for (OutboxMessage message : batch) {
            if (!clock.now().isBefore(claimedUntil)) {
                break; // the lease is over: another sender may hold these emails now
            }
            if (send(message, claim)) {
                sent++;
            }
        }
        return sent;
    }

    private boolean send(OutboxMessage message, String claim) {
        try {
            mailer.send(Mail.withText(message.recipient, message.subject, message.deliveredText())
                    .setHtml(message.deliveredHtml()));
        } catch (RuntimeException e) {
            failed(message, claim, e);
            return false;
        }
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                UPDATE outbox_message SET state = 'SENT', sent_at = ?1, last_attempt_at = ?1, attempts = attempts + 1,
                    claimed_by = NULL, claimed_until = NULL, one_time_link = NULL
                WHERE id = ?2 AND claimed_by = ?3""")
                .setParameter(1, clock.now()).setParameter(2, message.id).setParameter(3, claim)
                .executeUpdate());
        return true;
    }

    private void failed(OutboxMessage message, String claim, RuntimeException e) {
        Instant now = clock.now();
        Instant retryAt = now.plus(retryAfter(message.attempts + 1));
        LOG.warnf("email %d not delivered (attempt %d), retrying at %s: %s", message.id, message.attempts + 1, retryAt,
                describe(e));
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                UPDATE outbox_message SET attempts = attempts + 1, last_attempt_at = ?1, last_error = ?2,
                    next_attempt_at = ?3, claimed_by = NULL, claimed_until = NULL
                WHERE id = ?4 AND claimed_by = ?5""")
                .setParameter(1, now).setParameter(2, describe(e)).setParameter(3, retryAt)
                .setParameter(4, message.id).setParameter(5, claim)
                .executeUpdate());
    }

    /** The wait after the given number of failed attempts: the first retry's, doubled each time, up to the longest. */
    Duration retryAfter(int failedAttempts) {
        Duration longest = config.mail().longestRetryAfter();
        Duration wait = config.mail().firstRetryAfter();
        for (int i = 1; i < failedAttempts && wait.compareTo(longest) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(longest) > 0 ? longest : wait;
    }

    /** The error as an admin reads it on the Emails page: each cause's message, without stack traces. */
    static String describe(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null && text.length() < MAX_ERROR; t = t.getCause() == t ? null : t.getCause()) {
            if (!text.isEmpty()) {
                text.append(" / ");
            }
            text.append(t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName());
        }
        return text.length() > MAX_ERROR ? text.substring(0, MAX_ERROR) : text.toString();
    }
}
