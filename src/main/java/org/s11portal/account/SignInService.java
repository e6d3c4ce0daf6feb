package org.s11portal.account;

import java.time.Instant;
import java.util.Optional;

import org.jboss.logging.Logger;
import org.s11portal.common.config.PortalClock;
import org.s11portal.common.observability.BusinessMetrics;
import org.s11portal.common.persistence.Transactions;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.credential.PasswordCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Checks an email and password (through quarkus-security-jpa's bcrypt check), throttles guessing
 * ({@link SignInThrottle}: the attempt is counted before the password is checked), and opens a session, or for
 * two-step sign-in ({@link TwoStepService}) starts the pending sign-in that the code completes. Every failure looks the same to the person signing in,
 * whether or not the account exists.
 */
@ApplicationScoped
public class SignInService {

    private static final Logger LOG = Logger.getLogger(SignInService.class);

    /** Checked against when the email is unknown, so that unknown and known accounts take as long. */
    private static final String DUMMY_HASH = BcryptUtil.bcryptHash("not-a-real-password-" + Instant.now(), User.BCRYPT_COST);

    /**
     * SIGNED_IN: the password was right, and either a session is open or, for two-step sign-in, the second step comes
     * next ({@link Result#secondStep}).
     */
    public enum Outcome { SIGNED_IN, REJECTED, THROTTLED }

    /** What happened; a new session's cookie values when signed in, or the pending sign-in the second step needs. */
    public record Result(Outcome outcome, SessionService.OpenedSession session, SecondStep secondStep) {

        Result(Outcome outcome, SessionService.OpenedSession session) {
            this(outcome, session, null);
        }
    }

    /** The second step still to come: a code, or setting up an app first; the token is the pending sign-in's cookie. */
    public record SecondStep(String token, TwoStepService.Need need) {
    }

    @Inject
    PortalClock clock;

    @Inject
    IdentityProviderManager identityProviderManager;

    @Inject
    SessionService sessions;

    @Inject
    SignInThrottle throttle;

    @Inject
    TwoStepService twoStep;

    @Inject
    BusinessMetrics metrics;


    public Result signIn(String rawEmail, String password, String address) {
        String email = User.normaliseEmail(rawEmail);
        if (!throttle.reserve(email, address)) {
            LOG.warnf("security-event=sign-in-throttled address=%s", address);
            metrics.signInFailed(BusinessMetrics.SignInStep.PASSWORD, BusinessMetrics.SignInFailure.THROTTLED);
            return new Result(Outcome.THROTTLED, null);
        }
        Optional<Long> userId = checkPassword(email, password);
        Transactions.retryingConflicts(() -> record(email, address, userId.isPresent()));
        if (userId.isEmpty()) {
            LOG.infof("security-event=sign-in-failed address=%s", address);
            metrics.signInFailed(BusinessMetrics.SignInStep.PASSWORD, BusinessMetrics.SignInFailure.REJECTED);
            return new Result(Outcome.REJECTED, null);
        }
        throttle.succeeded(email, address);
        TwoStepService.Need need = twoStep.need(userId.get());
        if (need != TwoStepService.Need.NOTHING) {
            LOG.infof("security-event=sign-in-password-accepted user-id=%d address=%s next=%s", userId.get(), address, need);
            return new Result(Outcome.SIGNED_IN, null, new SecondStep(twoStep.begin(userId.get(), need), need));
        }
        LOG.infof("security-event=sign-in user-id=%d address=%s", userId.get(), address);
        // safe to repeat after a lost connection: each attempt makes its own random token, and only the last is handed out
        return new Result(Outcome.SIGNED_IN,
                Transactions.retryingConflictsAndLostConnections(() -> sessions.open(userId.get())));
    }

    private Optional<Long> checkPassword(String email, String password) {
        User user = findActive(email);
        if (user == null) {
            BcryptUtil.matches(password, DUMMY_HASH);
            return Optional.empty();
        }
        try {
            identityProviderManager.authenticateBlocking(new UsernamePasswordAuthenticationRequest(email,
                    new PasswordCredential(password.toCharArray())));
            return Optional.of(user.id);
        } catch (AuthenticationFailedException e) {
            return Optional.empty();
        }
    }

    @Transactional
    User findActive(String email) {
        User user = User.findByEmail(email);
        // an invited person who has not set a password yet cannot sign in
        return user != null && user.active && user.passwordHash != null ? user : null;
    }

    @Transactional
    void record(String email, String address, boolean succeeded) {
        SignInAttempt attempt = new SignInAttempt();
        attempt.email = email.length() > 254 ? email.substring(0, 254) : email;
        attempt.address = address;
        attempt.succeeded = succeeded;
        attempt.attemptedAt = clock.now();
        attempt.persist();
    }
}
