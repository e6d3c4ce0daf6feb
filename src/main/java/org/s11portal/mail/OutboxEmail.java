package org.s11portal.mail;

import java.util.Objects;

/**
 * An email to write to the outbox. The dedupe key names the occasion, {@code <kind>:<occasion ids>:<recipient user id>}
 * (e.g. {@code letter-issued:42:7}): an email whose key is already in the outbox is not written again, so each
 * occasion mails each recipient once, however often the event or a reminder job runs.
 *
 * @param agencyId the agency the email is about (decides which admins see it on the Emails page), or null
 * @param oneTimeLink a link that signs the recipient in or sets their password (an invitation, a password reset), or
 *        null: the bodies hold {@link Emails#ONE_TIME_LINK} in its place, and only the sender puts it in
 */
public record OutboxEmail(String dedupeKey, String kind, String recipient, Long agencyId, String subject, String textBody,
        String htmlBody, String oneTimeLink) {

    public static final int MAX_ONE_TIME_LINK = 500;

    public OutboxEmail(String dedupeKey, String kind, String recipient, Long agencyId, String subject, String textBody,
            String htmlBody) {
        this(dedupeKey, kind, recipient, agencyId, subject, textBody, htmlBody, null);
    }

    public static final int MAX_DEDUPE_KEY = 190;
    public static final int MAX_KIND = 40;
    public static final int MAX_RECIPIENT = 254;
    public static final int MAX_SUBJECT = 200;

    public OutboxEmail {
        requireLength("dedupeKey", dedupeKey, MAX_DEDUPE_KEY);
        requireLength("kind", kind, MAX_KIND);
        requireLength("recipient", recipient, MAX_RECIPIENT);
        requireLength("subject", subject, MAX_SUBJECT);
        Objects.requireNonNull(textBody, "textBody");
        Objects.requireNonNull(htmlBody, "htmlBody");
        if (oneTimeLink != null) {
            requireLength("oneTimeLink", oneTimeLink, MAX_ONE_TIME_LINK);
            if (!textBody.contains(Emails.ONE_TIME_LINK) || !htmlBody.contains(Emails.ONE_TIME_LINK)) {
                throw new IllegalArgumentException("an email with a one-time link holds its placeholder in both parts");
            }
        }
    }

    private static void requireLength(String name, String value, int max) {
        if (value == null || value.isBlank() || value.length() > max) {
            throw new IllegalArgumentException(name + " must be 1 to " + max + " characters");
        }
    }
}
