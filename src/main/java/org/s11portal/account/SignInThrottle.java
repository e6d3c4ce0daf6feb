package org.s11portal.account;

import java.time.Instant;

import org.s11portal.common.config.PortalClock;
import org.s11portal.common.config.PortalConfig;
import org.s11portal.common.persistence.Transactions;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Counts password checks that may fail, in MariaDB so that every instance shares the counts. Three counts,
 * each over a fixed window ({@code portal.sign-in.window}):
 * <ul>
 * <li>per account and address: a hard limit, so one address guessing one account locks out only itself;</li>
 * <li>per address: a hard limit on guessing across many accounts;</li>
 * <li>per account from every address together: once reached, only addresses that have signed in to the
 * account before may still try (a soft lockout: a spread-out attack cannot lock the owner out).</li>
 * </ul>
 * An attempt takes its place in the counts before its password is checked: each count is incremented and read
 * back in one transaction that holds the row's lock, so parallel attempts queue and those past a limit are
 * refused without a check; a refused attempt rolls back and counts nothing. A correct password gives its place
 * back. The rows are locked in one order (address, account, pair, code), and a deadlock or a Galera
 * certification conflict is retried (common/persistence/Transactions).
 */
@ApplicationScoped
class SignInThrottle {

    @Inject
    PortalClock clock;

    @Inject
    EntityManager entityManager;

    @Inject
    PortalConfig config;

    @Inject
    WindowCounter counter;

    /** Whether this attempt may check its password; if it may, it now counts as a failure until it succeeds. */
    boolean reserve(String email, String address) {
        return reserve(email, address, false);
    }

    /**
     * Whether this two-step code may be checked: it counts like a password in every count, and also in the account's
     * count of codes, which a right password does not clear (so that signing in again with the password does not buy
     * more guesses at the code); only a right code clears it ({@link #codeSucceeded}).
     */
    boolean reserveCode(String email, String address) {
        return reserve(email, address, true);
    }

    private boolean reserve(String email, String address, boolean code) {
        try {
            Transactions.retryingConflicts(() -> reserveInTransaction(email, address, code));
            return true;
        } catch (Refused refused) {
            return false;
        }
    }

    /** The password was right: the attempt is not a failure, and this address's failures on the account are cleared. */
    void succeeded(String email, String address) {
        Transactions.retryingConflicts(() -> {
            giveBack(addressKey(address));
            giveBack(accountKey(email));
            entityManager.createNativeQuery("UPDATE sign_in_counter SET failures = 0 WHERE counter_key = ?1")
                    .setParameter(1, pairKey(email, address)).executeUpdate();
        });
    }

    /** The code was right: as {@link #succeeded}, and the account's wrong codes are cleared. */
    void codeSucceeded(String email, String address) {
        succeeded(email, address);
        Transactions.retryingConflicts(() -> entityManager
                .createNativeQuery("UPDATE sign_in_counter SET failures = 0 WHERE counter_key = ?1")
                .setParameter(1, codeKey(email)).executeUpdate());
    }

    /** Takes this attempt's place in every count, or throws {@link Refused} so that the transaction rolls back. */
    private void reserveInTransaction(String email, String address, boolean code) {
        Instant now = clock.now();
        Instant windowStart = now.minus(config.signIn().window());
        boolean allowed = counter.increment(addressKey(address), now, windowStart) <= config.signIn().maxFailuresPerAddress()
                && (counter.increment(accountKey(email), now, windowStart) <= config.signIn().maxFailuresPerAccount()
                        || hasSignedInBefore(email, address))
                && counter.increment(pairKey(email, address), now, windowStart) <= config.signIn().maxFailuresPerAccountAndAddress()
                && (!code || counter.increment(codeKey(email), now, windowStart) <= config.signIn().maxFailuresPerAccountAndAddress());
        if (!allowed) {
            throw new Refused();
        }
    }

    private void giveBack(String key) {
        entityManager.createNativeQuery("UPDATE sign_in_counter SET failures = GREATEST(failures - 1, 0) WHERE counter_key = ?1")
                .setParameter(1, key).executeUpdate();
    }

    /** Signed in to this account from this address within the attempts' retention (90 days by default). */
    private boolean hasSignedInBefore(String email, String address) {
        return !entityManager.createNativeQuery(
                "SELECT 1 FROM sign_in_attempt WHERE email = ?1 AND address = ?2 AND succeeded = TRUE LIMIT 1")
                .setParameter(1, email).setParameter(2, address).getResultList().isEmpty();
    }

    static String addressKey(String address) {
        return SessionService.hash("address\n" + address);
    }

    static String accountKey(String email) {
        return SessionService.hash("account\n" + email);
    }

    static String pairKey(String email, String address) {
        return SessionService.hash("pair\n" + email + "\n" + address);
    }

    static String codeKey(String email) {
        return SessionService.hash("code\n" + email);
    }

    /** A limit is reached: rolls the counts back, so a refused attempt counts nothing. */
    private static final class Refused extends RuntimeException {
        Refused() {
            super(null, null, false, false);
        }
    }
}
