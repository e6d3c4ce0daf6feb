package org.s11portal.useradmin;

import java.util.Optional;

import org.jboss.logging.Logger;
import org.s11portal.account.Roles;
import org.s11portal.account.User;
import org.s11portal.audit.AdminLog;
import org.s11portal.common.config.PortalClock;
import org.s11portal.common.config.PortalConfig;
import org.s11portal.useradmin.OneTimeToken.Purpose;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * The first HIPS admin on an empty database, with no default password anywhere: when
 * {@code portal.bootstrap.admin-email} (S11_BOOTSTRAP_ADMIN_EMAIL) is set and no partnership admin has a password yet,
 * each start creates (or reuses) a HIPS admin with that email, gives it a fresh invitation (an earlier one stops
 * working) and logs the one-time link once, at WARN. Once any admin has a password the setting is ignored.
 */
@ApplicationScoped
public class FirstAdminBootstrap {

    private static final Logger LOG = Logger.getLogger(FirstAdminBootstrap.class);

    @Inject
    PortalConfig config;

    @Inject
    PortalClock clock;

    @Inject
    OneTimeTokens tokens;

    @Inject
    UserEmails userEmails;

    @Inject
    AdminLog adminLog;

    void onStart(@Observes StartupEvent event) {
        config.bootstrap().adminEmail().filter(email -> !email.isBlank()).ifPresent(this::run);
    }

    /** Invites the first admin, if none has a password yet; returns the invitation link it logged, if any. */
    @ActivateRequestContext
    @Transactional
    public Optional<String> run(String rawEmail) {
        if (User.count("role = ?1 and passwordHash is not null", Roles.PARTNERSHIP_ADMIN) > 0) {
            LOG.info("S11_BOOTSTRAP_ADMIN_EMAIL is set but ignored: a partnership admin already has a password."
                    + " Remove the setting; admins invite everyone else from Users.");
            return Optional.empty();
        }
        String email = User.normaliseEmail(rawEmail);
        if (!AccountLinksService.EMAIL.matcher(email).matches()) {
            LOG.error("S11_BOOTSTRAP_ADMIN_EMAIL is not an email address: no first admin was invited");
            return Optional.empty();
        }
        User user = User.findByEmail(email);
        if (user != null && !(Roles.PARTNERSHIP_ADMIN.equals(user.role) && user.partnership == null)) {
            LOG.error("S11_BOOTSTRAP_ADMIN_EMAIL belongs to an account that is not a HIPS admin: no first admin was invited");
            return Optional.empty();
        }
        boolean created = user == null;
        if (created) {
            user = new User();
            user.email = email;
            user.displayName = "HIPS admin";
            user.role = Roles.PARTNERSHIP_ADMIN;
        }
        user.active = true;
        user.invitedAt = clock.now();
        user.persist();
        String link = userEmails.invitationLink(tokens.issue(user, Purpose.INVITATION).token());
        adminLog.record(created ? "Invited user" : "Resent invitation", UserAdminService.subject(user), null,
                UserAdminService.fields(user));
        LOG.warnf("First HIPS admin: open %s within 7 days to set the password of %s, then sign in and invite everyone"
                + " else from Users. The link works once; restarting before it is used prints a new one and the old one"
                + " stops working. Once set, remove S11_BOOTSTRAP_ADMIN_EMAIL.", link, email);
        return Optional.of(link);
    }
}
