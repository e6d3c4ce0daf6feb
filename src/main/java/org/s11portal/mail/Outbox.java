package org.s11portal.mail;

import org.s11portal.common.config.PortalClock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The one way to send an email: it is written to the outbox in the caller's transaction, so it is sent if and only
 * if the event that caused it commits. {@link MailSender} delivers it later.
 */
@ApplicationScoped
public class Outbox {

    @Inject
    EntityManager entityManager;

    @Inject
    PortalClock clock;

    /**
     * Writes the email unless one with the same dedupe key is already there (or is being written by a transaction
     * not yet committed: the insert then waits for it).
     *
     * @return true if written, false if the key was already in the outbox
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean enqueue(OutboxEmail email) {
        var now = clock.now();
        // INSERT IGNORE only ever ignores the duplicate key here: OutboxEmail checks every length beforehand
        int inserted = entityManager.createNativeQuery("""
                INSERT IGNORE INTO outbox_message (dedupe_key, kind, recipient, subject, text_body, html_body, agency_id,
                    created_at, state, attempts, next_attempt_at, one_time_link)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'PENDING', 0, ?8, ?9)""")
                .setParameter(1, email.dedupeKey())
                .setParameter(2, email.kind())
                .setParameter(3, email.recipient())
                .setParameter(4, email.subject())
                .setParameter(5, email.textBody())
                .setParameter(6, email.htmlBody())
                .setParameter(7, email.agencyId())
                .setParameter(8, now)
                .setParameter(9, email.oneTimeLink())
                .executeUpdate();
        if (inserted == 1) {
            return true;
        }
        // a locking read sees the committed row the insert waited for, which a plain read of this snapshot may not
        Number existing = (Number) entityManager.createNativeQuery(
                "SELECT COUNT(*) FROM outbox_message WHERE dedupe_key = ?1 LOCK IN SHARE MODE")
                .setParameter(1, email.dedupeKey()).getSingleResult();
        if (existing.intValue() == 0) {
            // INSERT IGNORE also turns a missing agency into a warning: never lose an email silently
            throw new IllegalArgumentException("email not written to the outbox: " + email.dedupeKey());
        }
        return false;
    }
}
