package org.s11portal.account;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Supplier;

import org.jboss.logging.Logger;
import org.s11portal.common.config.PortalClock;
import org.s11portal.common.config.PortalConfig;
import org.s11portal.common.observability.BusinessMetrics;
import org.s11portal.common.persistence.Transactions;
import org.s11portal.common.web.PerThreadSecureRandom;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

/**
 * Two-step sign-in: after a right password, a code from an authenticator app (TOTP, {@link Totp}) or a one-time
 * recovery code before any session opens. Required for the roles in {@code portal.two-step.required-roles}, which must
 * set up an app at their first sign-in; the other roles may set one up and turn it off. Every rule lives here:
 * <ul>
 * <li>the pending sign-in between the two steps ({@link TwoStepPending}): 5 minutes, one user, used once, ended by
 * {@value #MAX_WRONG_CODES} wrong codes;</li>
 * <li>a code is accepted within one step (30 s) either side of now, and never twice (the last accepted step is kept);</li>
 * <li>every code checked takes its place in {@link SignInThrottle}'s counts first, like a password;</li>
 * <li>the secret is stored encrypted ({@link TwoStepSecrets}), recovery codes only as hashes.</li>
 * </ul>
 */
@ApplicationScoped
public class TwoStepService {

    private static final Logger LOG = Logger.getLogger(TwoStepService.class);

    static final Duration PENDING_LIFETIME = Duration.ofMinutes(5);
    static final int MAX_WRONG_CODES = 5;
    static final int RECOVERY_CODES = 10;
    static final String ISSUER = "S11 Portal";
    /** Lower-case letters and digits that cannot be mistaken for one another. */
    private static final String RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
    private static final int RECOVERY_LENGTH = 10;

    private final SecureRandom random = PerThreadSecureRandom.get();

    @Inject
    PortalClock clock;

    @Inject
    PortalConfig config;

    @Inject
    TwoStepSecrets secrets;

    @Inject
    SignInThrottle throttle;

    @Inject
    SessionService sessions;

    @Inject
    BusinessMetrics metrics;

    /** What signing in needs once the password was right. */
    public enum Need { NOTHING, CODE, SET_UP }

    public enum Outcome { ACCEPTED, WRONG, ENDED, THROTTLED }

    /** A code checked; when accepted at sign-in, the session it opened and whether it was a recovery code. */
    public record Checked(Outcome outcome, SessionService.OpenedSession session, boolean recoveryCodeUsed) {

        static Checked of(Outcome outcome) {
            return new Checked(outcome, null, false);
        }

        public boolean accepted() {
            return outcome == Outcome.ACCEPTED;
        }
    }

    /** A live pending sign-in: whose, whether their app is set up, and whether it was set up in this sign-in. */
    public record Pending(long userId, String email, boolean setUp, boolean setUpNow) {
    }

    /** What the set-up page shows: the secret to type in (grouped by four) and the QR code of its otpauth URI. */
    public record SetUp(String secret, String qrCode) {
    }

    /** What the account page shows. */
    public record Status(boolean setUp, boolean required, long recoveryCodesLeft) {

        public boolean mayTurnOff() {
            return setUp && !required;
        }
    }

    void checkRolesAtStart(@Observes StartupEvent event) {
        Set<String> known = Set.of(Roles.AGENCY_LEAD, Roles.MODERATOR, Roles.PARTNERSHIP_ADMIN);
        for (String role : config.twoStep().requiredRoles()) {
            if (!known.contains(role)) {
                throw new IllegalStateException("S11_TWO_STEP_REQUIRED_ROLES names an unknown role '" + role + "': use "
                        + known);
            }
        }
    }

    public boolean requiredFor(String role) {
        return config.twoStep().requiredRoles().contains(role);
    }

    @Transactional
    public Need need(long userId) {
        TwoStep twoStep = TwoStep.forUser(userId);
        if (twoStep != null && twoStep.isSetUp()) {
            return Need.CODE;
        }
        User user = User.findById(userId);
        return requiredFor(user.role) ? Need.SET_UP : Need.NOTHING;
    }

    /**
     * Starts the second step after a right password: a pending sign-in, and for a set-up a new secret (any secret shown
     * at an earlier, unfinished sign-in stops working). Returns the token for the browser's cookie.
     */
    @Transactional
    public String begin(long userId, Need need) {
        Instant now = clock.now();
        TwoStepPending.delete("expiresAt < ?1", now.minus(Duration.ofDays(1)));
        if (need == Need.SET_UP) {
            newSecret(userId);
        }
        String token = randomToken();
        TwoStepPending pending = new TwoStepPending();
        pending.tokenHash = SessionService.hash(token);
        pending.userId = userId;
        pending.createdAt = now;
        pending.expiresAt = now.plus(PENDING_LIFETIME);
        pending.persist();
        return token;
    }

    @Transactional
    public Optional<Pending> pending(String token) {
        TwoStepPending pending = findPending(token, false);
        if (pending == null) {
            return Optional.empty();
        }
        TwoStep twoStep = TwoStep.forUser(pending.userId);
        User user = User.findById(pending.userId);
        if (user == null || !user.active) {
            return Optional.empty();
        }
        return Optional.of(new Pending(pending.userId, user.email, twoStep != null && twoStep.isSetUp(), pending.setUpAt != null));
    }

    /** The second step of signing in: a code from the app or a recovery code; opens the session when it matches. */
    public Checked signInWithCode(String token, String code, String address) {
        Pending pending = pending(token).orElse(null);
        if (pending == null || !pending.setUp() || pending.setUpNow()) {
            return Checked.of(Outcome.ENDED);
        }
        return throttled(pending, address, "sign-in", () -> {
            Instant now = clock.now();
            TwoStepPending row = findPending(token, true);
            TwoStep twoStep = TwoStep.lockedForUser(pending.userId());
            if (row == null || twoStep == null || !twoStep.isSetUp()) {
                return Checked.of(Outcome.ENDED);
            }
            Match match = match(twoStep, normalise(code), now);
            if (match == Match.NONE) {
                return wrong(row, now);
            }
            row.endedAt = now;
            twoStep.codesToShow = null;
            twoStep.codesShownUntil = null;
            return new Checked(Outcome.ACCEPTED, sessions.open(row.userId), match == Match.RECOVERY_CODE);
        });
    }

    /** The new secret of a set-up at sign-in, for the set-up page; empty when there is none to set up. */
    @Transactional
    public Optional<SetUp> setUp(long userId, String email) {
        TwoStep twoStep = TwoStep.forUser(userId);
        if (twoStep == null || twoStep.isSetUp()) {
            return Optional.empty();
        }
        byte[] secret = secret(twoStep);
        return Optional.of(new SetUp(Totp.grouped(Totp.base32(secret)),
                QrCode.svgDataUri(Totp.uri(ISSUER, email, secret))));
    }

    /** Sets up the app at sign-in: the first code from it must match. The session opens once the recovery codes are seen. */
    public Checked confirmAtSignIn(String token, String code, String address) {
        Pending pending = pending(token).orElse(null);
        if (pending == null || pending.setUp()) {
            return Checked.of(Outcome.ENDED);
        }
        return throttled(pending, address, "set-up", () -> {
            Instant now = clock.now();
            TwoStepPending row = findPending(token, true);
            TwoStep twoStep = TwoStep.lockedForUser(pending.userId());
            if (row == null || twoStep == null || twoStep.isSetUp()) {
                return Checked.of(Outcome.ENDED);
            }
            if (!confirm(twoStep, normalise(code), now)) {
                return wrong(row, now);
            }
            row.setUpAt = now;
            return Checked.of(Outcome.ACCEPTED);
        });
    }

    /** After a set-up at sign-in, once the recovery codes were shown: ends the pending sign-in and opens the session. */
    @Transactional
    public Optional<SessionService.OpenedSession> finishSetUp(String token) {
        TwoStepPending row = findPending(token, true);
        if (row == null || row.setUpAt == null) {
            return Optional.empty();
        }
        row.endedAt = clock.now();
        codesSeen(row.userId);
        LOG.infof("security-event=sign-in-two-step-set-up user-id=%d", row.userId);
        return Optional.of(sessions.open(row.userId));
    }

    @Transactional
    public Status status(User user) {
        TwoStep twoStep = TwoStep.forUser(user.id);
        boolean setUp = twoStep != null && twoStep.isSetUp();
        long left = setUp ? TwoStepRecoveryCode.count("userId = ?1 and usedAt is null", user.id) : 0;
        return new Status(setUp, requiredFor(user.role), left);
    }

    /** A signed-in user starts setting up an app: a new secret, unless one is set up already. */
    @Transactional
    public void startSetUp(long userId) {
        TwoStep twoStep = TwoStep.forUser(userId);
        if (twoStep == null || !twoStep.isSetUp()) {
            newSecret(userId);
        }
    }

    /** A signed-in user's first code from the app: sets it up, with new recovery codes to show. */
    public Outcome confirm(User user, String code, String address) {
        Pending who = new Pending(user.id, user.email, false, false);
        return throttled(who, address, "set-up", () -> {
            TwoStep twoStep = TwoStep.lockedForUser(user.id);
            if (twoStep == null || twoStep.isSetUp()) {
                return Checked.of(Outcome.ENDED);
            }
            return Checked.of(confirm(twoStep, normalise(code), clock.now()) ? Outcome.ACCEPTED : Outcome.WRONG);
        }).outcome();
    }

    /** Turns two-step sign-in off, for a role that need not use it, when a current code (or a recovery code) matches. */
    public Outcome turnOff(User user, String code, String address) {
        if (requiredFor(user.role)) {
            throw new IllegalStateException("two-step sign-in is required for " + user.role);
        }
        Pending who = new Pending(user.id, user.email, true, false);
        return throttled(who, address, "turn-off", () -> {
            TwoStep twoStep = TwoStep.lockedForUser(user.id);
            if (twoStep == null || !twoStep.isSetUp()) {
                return Checked.of(Outcome.ENDED);
            }
            if (match(twoStep, normalise(code), clock.now()) == Match.NONE) {
                return Checked.of(Outcome.WRONG);
            }
            TwoStepRecoveryCode.delete("userId", user.id);
            twoStep.delete();
            LOG.infof("security-event=two-step-turned-off user-id=%d", user.id);
            return Checked.of(Outcome.ACCEPTED);
        }).outcome();
    }

    /** New recovery codes in place of the old ones, which stop working; false when no app is set up. */
    @Transactional
    public boolean newRecoveryCodes(long userId) {
        TwoStep twoStep = TwoStep.lockedForUser(userId);
        if (twoStep == null || !twoStep.isSetUp()) {
            return false;
        }
        makeRecoveryCodes(twoStep, clock.now());
        return true;
    }

    /** Recovery codes just made, while they may still be shown; empty once seen or after a few minutes. */
    @Transactional
    public List<String> codesToShow(long userId) {
        TwoStep twoStep = TwoStep.forUser(userId);
        if (twoStep == null || twoStep.codesToShow == null || !clock.now().isBefore(twoStep.codesShownUntil)) {
            return List.of();
        }
        return List.of(new String(secrets.decrypt(userId, twoStep.codesToShow), StandardCharsets.UTF_8).split(","));
    }

    /** The user has seen (and kept) the new recovery codes: they are no longer kept in any readable form. */
    @Transactional
    public void codesSeen(long userId) {
        TwoStep twoStep = TwoStep.forUser(userId);
        if (twoStep != null) {
            twoStep.codesToShow = null;
            twoStep.codesShownUntil = null;
        }
    }

    /**
     * Sets up an app with a given secret (Base32) at once, without recovery codes: for demo users (a published demo
     * secret) and test fixtures, never for a real account.
     */
    @Transactional
    public void enrol(long userId, String base32Secret) {
        TwoStep twoStep = TwoStep.forUser(userId);
        if (twoStep == null) {
            twoStep = new TwoStep();
            twoStep.userId = userId;
        }
        twoStep.secretEncrypted = secrets.encrypt(userId, Totp.fromBase32(base32Secret));
        twoStep.confirmedAt = clock.now();
        twoStep.lastUsedStep = null;
        twoStep.persist();
    }

    /**
     * Forgets the user's app and recovery codes and ends their pending sign-ins (for an admin helping someone who lost
     * their phone): a role that needs two-step sign-in sets up a new app at its next sign-in.
     */
    @Transactional
    public void reset(long userId) {
        TwoStepRecoveryCode.delete("userId", userId);
        TwoStep.delete("userId", userId);
        TwoStepPending.update("endedAt = ?1 where userId = ?2 and endedAt is null", clock.now(), userId);
        LOG.infof("security-event=two-step-reset user-id=%d", userId);
    }

    @Transactional
    public boolean isSetUp(long userId) {
        TwoStep twoStep = TwoStep.forUser(userId);
        return twoStep != null && twoStep.isSetUp();
    }

    private enum Match { NONE, CODE, RECOVERY_CODE }

    /** Checks the code (throttled first) in a transaction of its own, which commits a wrong code's count too. */
    private Checked throttled(Pending who, String address, String what, Supplier<Checked> check) {
        if (!throttle.reserveCode(who.email(), address)) {
            LOG.warnf("security-event=two-step-throttled step=%s user-id=%d address=%s", what, who.userId(), address);
            metrics.signInFailed(BusinessMetrics.SignInStep.TWO_STEP, BusinessMetrics.SignInFailure.THROTTLED);
            return Checked.of(Outcome.THROTTLED);
        }
        // a conflict rolls back the code's use too: the retry checks the same code again against what is committed
        Checked checked = Transactions.retryingConflicts(check);
        if (checked.accepted()) {
            throttle.codeSucceeded(who.email(), address);
            LOG.infof("security-event=two-step-passed step=%s user-id=%d address=%s recovery-code=%s", what, who.userId(),
                    address, checked.recoveryCodeUsed());
        } else {
            LOG.infof("security-event=two-step-failed step=%s user-id=%d address=%s outcome=%s", what, who.userId(), address,
                    checked.outcome());
            metrics.signInFailed(BusinessMetrics.SignInStep.TWO_STEP, BusinessMetrics.SignInFailure.REJECTED);
        }
        return checked;
    }

    private Checked wrong(TwoStepPending pending, Instant now) {
        pending.failures++;
        if (pending.failures >= MAX_WRONG_CODES) {
            pending.endedAt = now;
            return Checked.of(Outcome.ENDED);
        }
        return Checked.of(Outcome.WRONG);
    }

    /** A code from the app, within the drift and newer than the last one used, or an unused recovery code. */
    private Match match(TwoStep twoStep, String code, Instant now) {
        if (Totp.looksLikeCode(code)) {
            OptionalLong step = Totp.matchingStep(secret(twoStep), code, Totp.step(now), twoStep.lastUsedStep);
            if (step.isEmpty()) {
                return Match.NONE;
            }
            twoStep.lastUsedStep = step.getAsLong();
            return Match.CODE;
        }
        String recovery = code.replace("-", "").toLowerCase(Locale.ROOT);
        if (recovery.length() != RECOVERY_LENGTH) {
            return Match.NONE;
        }
        int used = TwoStepRecoveryCode.update("usedAt = ?1 where userId = ?2 and codeHash = ?3 and usedAt is null", now,
                twoStep.userId, recoveryHash(twoStep.userId, recovery));
        return used == 1 ? Match.RECOVERY_CODE : Match.NONE;
    }

    private boolean confirm(TwoStep twoStep, String code, Instant now) {
        if (!Totp.looksLikeCode(code)) {
            return false;
        }
        OptionalLong step = Totp.matchingStep(secret(twoStep), code, Totp.step(now), null);
        if (step.isEmpty()) {
            return false;
        }
        twoStep.confirmedAt = now;
        twoStep.lastUsedStep = step.getAsLong();
        makeRecoveryCodes(twoStep, now);
        LOG.infof("security-event=two-step-set-up user-id=%d", twoStep.userId);
        return true;
    }

    private void makeRecoveryCodes(TwoStep twoStep, Instant now) {
        TwoStepRecoveryCode.delete("userId", twoStep.userId);
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            StringBuilder code = new StringBuilder();
            for (int c = 0; c < RECOVERY_LENGTH; c++) {
                code.append(RECOVERY_ALPHABET.charAt(random.nextInt(RECOVERY_ALPHABET.length())));
            }
            TwoStepRecoveryCode row = new TwoStepRecoveryCode();
            row.userId = twoStep.userId;
            row.codeHash = recoveryHash(twoStep.userId, code.toString());
            row.persist();
            codes.add(code.substring(0, 5) + "-" + code.substring(5));
        }
        twoStep.codesToShow = secrets.encrypt(twoStep.userId, String.join(",", codes).getBytes(StandardCharsets.UTF_8));
        twoStep.codesShownUntil = now.plus(PENDING_LIFETIME);
    }

    private void newSecret(long userId) {
        TwoStep twoStep = TwoStep.forUser(userId);
        if (twoStep == null) {
            twoStep = new TwoStep();
            twoStep.userId = userId;
        }
        byte[] secret = new byte[Totp.SECRET_BYTES];
        random.nextBytes(secret);
        twoStep.secretEncrypted = secrets.encrypt(userId, secret);
        twoStep.confirmedAt = null;
        twoStep.lastUsedStep = null;
        twoStep.codesToShow = null;
        twoStep.codesShownUntil = null;
        twoStep.persist();
        TwoStepRecoveryCode.delete("userId", userId);
    }

    private byte[] secret(TwoStep twoStep) {
        return secrets.decrypt(twoStep.userId, twoStep.secretEncrypted);
    }

    /** The live pending sign-in behind a cookie value (locked for this transaction when asked). */
    private TwoStepPending findPending(String token, boolean lock) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return null;
        }
        var query = TwoStepPending.<TwoStepPending>find("tokenHash", SessionService.hash(token));
        TwoStepPending pending = (lock ? query.withLock(LockModeType.PESSIMISTIC_WRITE) : query).firstResult();
        return pending != null && pending.isLive(clock.now()) ? pending : null;
    }

    private static String normalise(String code) {
        return code == null ? "" : code.replace(" ", "").trim();
    }

    static String recoveryHash(long userId, String code) {
        return SessionService.hash("recovery\n" + userId + "\n" + code);
    }

    private String randomToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
