package org.s11portal.useradmin;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jboss.logging.Logger;
import org.s11portal.account.PasswordPolicy;
import org.s11portal.account.User;
import org.s11portal.common.config.PortalClock;
import org.s11portal.common.web.FormErrors;
import org.s11portal.useradmin.OneTimeToken.Purpose;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * What the holder of a one-time link does with it: accept an invitation or reset a password by choosing a password
 * (the password policy applies), and asking for a reset link ("Forgotten your password?"), which answers the same
 * whether or not the email has an account.
 */
@ApplicationScoped
public class AccountLinksService {

    private static final Logger LOG = Logger.getLogger(AccountLinksService.class);
    /** Deliberately loose (the mail server has the last word): something@something.something, no spaces. */
    static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    @Inject
    OneTimeTokens tokens;

    @Inject
    UserEmails userEmails;

    @Inject
    ResetRequestLimit limit;

    @Inject
    PortalClock clock;

    /** The outcome of choosing a password: done, the link no longer works, or problems with what was typed. */
    public record PasswordSet(boolean done, boolean unusable, FormErrors errors) {
    }

    /** The name of the link's holder while the link works (the form greets them), empty otherwise. */
    @Transactional
    public Optional<String> holder(String token, Purpose purpose) {
        return tokens.usable(token, purpose).map(t -> t.user.displayName);
    }

    /**
     * Sets the password through the link and uses it up. Accepting an invitation records when; any link ends every
     * session the user had (a reset after a suspected break-in must sign the intruder out).
     */
    @Transactional
    public PasswordSet setPassword(String token, Purpose purpose, PasswordForm form) {
        Optional<OneTimeToken> usable = tokens.usable(token, purpose);
        if (usable.isEmpty()) {
            return new PasswordSet(false, true, FormErrors.none());
        }
        FormErrors errors = FormErrors.none();
        PasswordPolicy.problemWith(form.password).ifPresent(problem -> errors.add("password", problem));
        if (errors.isEmpty() && !form.password.equals(form.confirmPassword)) {
            errors.add("confirmPassword", "Enter the same password in both boxes");
        }
        if (!errors.isEmpty()) {
            return new PasswordSet(false, false, errors);
        }
        OneTimeToken link = usable.get();
        User user = link.user;
        if (!tokens.use(link)) {
            return new PasswordSet(false, true, FormErrors.none());
        }
        Instant now = clock.now();
        user.passwordHash = BcryptUtil.bcryptHash(form.password, User.BCRYPT_COST);
        if (user.acceptedAt == null) {
            user.acceptedAt = now;
        }
        UserAdminService.endSessions(user, now);
        LOG.infof("security-event=%s user-id=%d", purpose == Purpose.INVITATION ? "invitation-accepted" : "password-reset",
                user.id);
        return new PasswordSet(true, false, errors);
    }

    /** Whether the typed email is worth a request: the form's only check, which says nothing about accounts. */
    public static FormErrors checkEmail(String email) {
        FormErrors errors = FormErrors.none();
        String normalised = User.normaliseEmail(email);
        if (normalised.isEmpty()) {
            errors.add("email", "Enter your email address");
        } else if (normalised.length() > 254 || !EMAIL.matcher(normalised).matches()) {
            errors.add("email", "Enter an email address in the correct format, like name@example.org");
        }
        return errors;
    }

    /**
     * "Forgotten your password?": emails a reset link when the address belongs to an active account and the limits
     * allow; otherwise does nothing. The caller answers the same either way.
     */
    public void forgotten(String rawEmail, String address) {
        String email = User.normaliseEmail(rawEmail);
        if (!limit.allow(email, address)) {
            LOG.warnf("security-event=password-reset-throttled address=%s", address);
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            User user = User.findByEmail(email);
            if (user != null && user.active) {
                userEmails.passwordReset(user, tokens.issue(user, Purpose.PASSWORD_RESET));
                LOG.infof("security-event=password-reset-requested user-id=%d address=%s", user.id, address);
            }
        });
    }
}
