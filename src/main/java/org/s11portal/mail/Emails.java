package org.s11portal.mail;

import java.util.Collection;
import java.util.List;

import org.s11portal.account.Roles;
import org.s11portal.account.User;
import org.s11portal.agency.Agency;
import org.s11portal.common.config.PortalConfig;

import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.Variant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Makes outbox emails from a Qute mail template pair: {@code templates/mail/<name>.txt} and {@code <name>.html}, the
 * HTML inside the shared frame ({@code {#include mail/frame.html}}; the text part inside {@code mail/frame.txt}).
 * Declare the pair as a {@code @CheckedTemplate(basePath = "mail")} method in the feature that sends it, with the one
 * link as a parameter ({@link #link}). Emails are short plain English with one link to the page to act on; never data
 * about children or survey answers.
 */
@ApplicationScoped
public class Emails {

    /**
     * What a stored email holds in place of a one-time link (an invitation, a password reset), and so what the Emails
     * page shows: an admin reading it cannot use someone else's link. {@link MailSender} puts the link in at delivery.
     */
    public static final String ONE_TIME_LINK = "[one-time link hidden]";

    @Inject
    PortalConfig config;

    @Inject
    Outbox outbox;

    /** The absolute address of a page of the portal, for the one link an email carries. */
    public String link(String path) {
        String base = config.publicUrl();
        if (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return base + (path.startsWith("/") ? path : "/" + path);
    }

    /**
     * Renders both parts of the template for one recipient.
     *
     * @param occasion the ids that name the occasion, e.g. the letter's id; the dedupe key is
     *        {@code <kind>:<occasion>:<recipient user id>}
     */
    public OutboxEmail render(TemplateInstance template, String kind, String occasion, User recipient, Long agencyId,
            String subject) {
        String text = part(template, Variant.TEXT_PLAIN);
        String html = part(template, Variant.TEXT_HTML);
        return new OutboxEmail(kind + ":" + occasion + ":" + recipient.id, kind, recipient.email, agencyId, subject, text, html);
    }

    /**
     * Renders an email whose one link is a one-time link: the template gets {@link #ONE_TIME_LINK} as its link, and the
     * link itself travels apart, to be put in only when the email is delivered.
     */
    public OutboxEmail renderWithOneTimeLink(TemplateInstance template, String kind, String occasion, User recipient,
            Long agencyId, String subject, String oneTimeLink) {
        OutboxEmail email = render(template, kind, occasion, recipient, agencyId, subject);
        return new OutboxEmail(email.dedupeKey(), kind, email.recipient(), agencyId, subject, email.textBody(),
                email.htmlBody(), oneTimeLink);
    }

    private static String part(TemplateInstance template, String contentType) {
        template.setAttribute(TemplateInstance.SELECTED_VARIANT, Variant.forContentType(contentType));
        return template.render();
    }

    /**
     * Writes the email to the outbox for each active lead of the agency, in the caller's transaction, once per lead
     * for the occasion. An archived agency is sent nothing.
     *
     * @return how many emails were written (a lead already sent this occasion's email is not counted)
     */
    public int toAgencyLeads(long agencyId, TemplateInstance template, String kind, String occasion, String subject) {
        if (notArchived(List.of(agencyId)).isEmpty()) {
            return 0;
        }
        int written = 0;
        for (User lead : activeLeadsOf(agencyId)) {
            if (outbox.enqueue(render(template, kind, occasion, lead, agencyId, subject))) {
                written++;
            }
        }
        return written;
    }

    /**
     * Writes the email to the outbox for each active lead of each of the agencies, in the caller's transaction, once
     * per lead for the occasion: one query for all the agencies' leads, however many agencies. Archived agencies are
     * sent nothing. The occasion names no agency (a cycle opening, say), so a lead of two of the agencies gets it
     * once, recorded against the first.
     *
     * @return how many emails were written (a lead already sent this occasion's email is not counted)
     */
    public int toLeadsOfAgencies(Collection<Long> agencyIds, TemplateInstance template, String kind, String occasion,
            String subject) {
        int written = 0;
        for (AgencyLead lead : activeLeadsOf(notArchived(agencyIds))) {
            if (outbox.enqueue(render(template, kind, occasion, lead.user(), lead.agencyId(), subject))) {
                written++;
            }
        }
        return written;
    }

    /** The agencies of these ids that are not archived, in one statement: an archived agency is sent no email. */
    static List<Long> notArchived(Collection<Long> agencyIds) {
        if (agencyIds.isEmpty()) {
            return List.of();
        }
        return Agency.getEntityManager().createQuery("select a.id from Agency a where a.id in ?1 and a.archivedAt is null",
                Long.class).setParameter(1, agencyIds).getResultList();
    }

    /** An active lead of one of the agencies asked about: a lead of two of them is listed once for each. */
    public record AgencyLead(User user, long agencyId) {
    }

    /** The active leads of all the agencies, by agency, in one statement. */
    public static List<AgencyLead> activeLeadsOf(Collection<Long> agencyIds) {
        if (agencyIds.isEmpty()) {
            return List.of();
        }
        return User.getEntityManager().createQuery("select u, a.id from User u join u.agencies a where a.id in ?1"
                + " and u.role = ?2 and u.active = true order by a.id, u.id", Object[].class)
                .setParameter(1, agencyIds).setParameter(2, Roles.AGENCY_LEAD).getResultStream()
                .map(row -> new AgencyLead((User) row[0], (Long) row[1])).toList();
    }

    /** The agency's leads who can sign in (users whose agencies include it): who an email about the agency goes to. */
    public List<User> activeLeadsOf(Long agencyId) {
        return User.list("select u from User u join u.agencies a where a.id = ?1 and u.role = ?2 and u.active = true"
                + " order by u.id", agencyId, Roles.AGENCY_LEAD);
    }
}
