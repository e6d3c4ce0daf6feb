package org.s11portal.mail;

import java.time.Instant;

import org.s11portal.common.persistence.GeneratedIdEntity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

/**
 * One email in the outbox. Written only by {@link Outbox#enqueue}, delivered and marked by {@link MailSender};
 * never deleted, so that admins see what was sent.
 */
@Entity
@Table(name = "outbox_message")
public class OutboxMessage extends GeneratedIdEntity {

    public enum State {
        PENDING, SENT
    }

    @Column(name = "dedupe_key", nullable = false, unique = true, length = 190)
    public String dedupeKey;

    @Column(nullable = false, length = 40)
    public String kind;

    @Column(nullable = false, length = 254)
    public String recipient;

    @Column(nullable = false, length = 200)
    public String subject;

    @Column(name = "text_body", nullable = false, columnDefinition = "TEXT")
    public String textBody;

    @Column(name = "html_body", nullable = false, columnDefinition = "MEDIUMTEXT")
    public String htmlBody;

    /** The agency the email is about, which decides which admins see it; none for portal-wide emails. */
    @Column(name = "agency_id")
    public Long agencyId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    public State state;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "last_attempt_at")
    public Instant lastAttemptAt;

    @Column(name = "last_error", columnDefinition = "TEXT")
    public String lastError;

    @Column(name = "sent_at")
    public Instant sentAt;

    @Column(name = "claimed_by", length = 64)
    public String claimedBy;

    @Column(name = "claimed_until")
    public Instant claimedUntil;

    /**
     * The one-time link the sender puts in place of {@link Emails#ONE_TIME_LINK} in both bodies, until the email is
     * sent (then cleared): never shown on the Emails page, whose bodies hold only the placeholder.
     */
    @Column(name = "one_time_link", length = 500)
    public String oneTimeLink;

    /** The text part as delivered: with its one-time link, if it has one. */
    String deliveredText() {
        return oneTimeLink == null ? textBody : textBody.replace(Emails.ONE_TIME_LINK, oneTimeLink);
    }

    /** The HTML part as delivered: with its one-time link, escaped, if it has one. */
    String deliveredHtml() {
        return oneTimeLink == null ? htmlBody : htmlBody.replace(Emails.ONE_TIME_LINK, oneTimeLink.replace("&", "&amp;")
                .replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;"));
    }

    /** How an admin reads the state: sent, waiting for its first attempt, or failed and waiting to be retried. */
    public String stateLabel() {
        return state == State.SENT ? "Sent" : attempts == 0 ? "Waiting" : "Retrying";
    }

    public String stateColour() {
        return state == State.SENT ? "green" : attempts == 0 ? "grey" : "red";
    }
}
