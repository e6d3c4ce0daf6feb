package org.s11portal.useradmin;

import org.s11portal.account.User;
import org.s11portal.mail.Emails;
import org.s11portal.mail.Outbox;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * The invitation and password-reset emails. Their link is a one-time link: the outbox stores the bodies with
 * {@link Emails#ONE_TIME_LINK} in its place, so no admin reading the Emails page can use it.
 */
@ApplicationScoped
class UserEmails {

    static final String INVITATION = "invitation";
    static final String PASSWORD_RESET = "password-reset";

    @CheckedTemplate(basePath = "mail")
    static class Templates {
        static native TemplateInstance invitation(String name, String invitedBy, String role, String link);

        static native TemplateInstance passwordReset(String name, String link);
    }

    @Inject
    Emails emails;

    @Inject
    Outbox outbox;

    /** The absolute address of an invitation link. */
    String invitationLink(String token) {
        return emails.link("/invitations/" + token);
    }

    /** Writes the invitation to the outbox, once per invitation (a resend is a new invitation, so a new email). */
    @Transactional(Transactional.TxType.MANDATORY)
    void invitation(User user, String invitedBy, OneTimeTokens.Issued link) {
        outbox.enqueue(emails.renderWithOneTimeLink(
                Templates.invitation(user.displayName, invitedBy, user.roleLabel().toLowerCase(java.util.Locale.UK),
                        Emails.ONE_TIME_LINK),
                INVITATION, String.valueOf(link.id()), user, agencyId(user), "You are invited to the S11 Portal",
                invitationLink(link.token())));
    }

    /** Writes the password-reset email to the outbox, once per reset link. */
    @Transactional(Transactional.TxType.MANDATORY)
    void passwordReset(User user, OneTimeTokens.Issued link) {
        outbox.enqueue(emails.renderWithOneTimeLink(Templates.passwordReset(user.displayName, Emails.ONE_TIME_LINK),
                PASSWORD_RESET, String.valueOf(link.id()), user, agencyId(user), "Reset your S11 Portal password",
                emails.link("/password-reset/" + link.token())));
    }

    /** The email's agency (the Emails page's scope): a lead's first agency by name. */
    private static Long agencyId(User user) {
        return user.agenciesByName().stream().findFirst().map(a -> a.id).orElse(null);
    }
}
