package org.s11portal.common.persistence;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Short write transactions that people do not expect to fail, tried again when the database gave up on them for a
 * reason that a second try can cure: a deadlock or a Galera certification conflict (MariaDB error 1213, SQLState
 * 40001: another transaction, on this node or another, wrote the same rows first) or a lock wait timeout (1205).
 * The database has rolled the whole transaction back in each case, so running it again from the start, re-reading
 * everything, is always safe: a check it makes (an optimistic version, a nonce, a limit) is made again on what
 * another writer committed meanwhile.
 *
 * <p>A row changed under an optimistic version check (an {@code OptimisticLockException} at flush) is a conflict too:
 * the transaction rolled back, and the retry reads the new version, so a service that compares the version the person
 * read with the stored one reports a real concurrent edit as such rather than overwriting it.
 *
 * <p>A connection lost mid-transaction (a database node killed) leaves it unknown whether a commit happened, so only
 * work that is safe to do twice retries it ({@link Retry#CONFLICTS_AND_LOST_CONNECTIONS}). Neither retries a pool that
 * timed out waiting for a connection: it has already waited its 5 seconds, and the page should say so.
 *
 * <p>Call these outside any transaction: each attempt runs in a new one ({@code QuarkusTransaction.requiringNew()}),
 * which a service's {@code @Transactional} methods join.
 */
public final class Transactions {

    private static final Logger LOG = Logger.getLogger(Transactions.class);

    /** Attempts in all, the first included. Galera conflicts clear in one retry unless a row is very hot. */
    static final int ATTEMPTS = 4;
    /**
     * A lost connection is tried again once: a node that was killed is then behind us (the pool drops the broken
     * connection and the load balancer sends a new one to a live node), and a whole database that is down should
     * answer "unavailable" now rather than after several attempts.
     */
    static final int LOST_CONNECTION_RETRIES = 1;
    /** The first wait before retrying; doubled each time, then jittered by +-50% so that colliding writers part. */
    static final long FIRST_BACK_OFF_MILLIS = 20;

    private static final String MARIADB_DEADLOCK_STATE = "40001";
    private static final int ER_LOCK_DEADLOCK = 1213;
    private static final int ER_LOCK_WAIT_TIMEOUT = 1205;
    /** Galera's "WSREP has not yet prepared node for application use": a node out of the cluster refuses work. */
    private static final int ER_UNKNOWN_COM_ERROR = 1047;

    /** Which failures an operation may try again. */
    public enum Retry {
        /** Deadlocks, certification conflicts and lock wait timeouts: the database rolled the work back. */
        CONFLICTS(Transactions::isConflict),
        /** Those, and a connection lost mid-way: only for work that is safe to do twice (a nonce, a fresh random token). */
        CONFLICTS_AND_LOST_CONNECTIONS(failure -> isConflict(failure) || isLostConnection(failure));

        private final Predicate<Throwable> covers;

        Retry(Predicate<Throwable> covers) {
            this.covers = covers;
        }

        public boolean covers(Throwable failure) {
            return covers.test(failure);
        }
    }

    /** One attempt of work that may throw a checked exception (plain JDBC). */
    @FunctionalInterface
    public interface Attempt<T, E extends Exception> {
        T run() throws E;
    }

    private Transactions() {
    }

    /** Runs the work in a new transaction, again (up to {@link #ATTEMPTS} in all) after a conflict. */
    public static <T> T retryingConflicts(Supplier<T> work) {
        return inNewTransactions(Retry.CONFLICTS, work);
    }

    /** As {@link #retryingConflicts(Supplier)}, for work with no result. */
    public static void retryingConflicts(Runnable work) {
        inNewTransactions(Retry.CONFLICTS, () -> {
            work.run();
            return null;
        });
    }

    /** Runs the work in a new transaction, again after a conflict or a lost connection: the work must be safe to repeat. */
    public static <T> T retryingConflictsAndLostConnections(Supplier<T> work) {
        return inNewTransactions(Retry.CONFLICTS_AND_LOST_CONNECTIONS, work);
    }

    private static <T> T inNewTransactions(Retry retry, Supplier<T> work) {
        return retrying(retry, () -> QuarkusTransaction.requiringNew().call(work::get));
    }

    /**
     * Runs an attempt, and again while it fails in a way {@code retry} covers, waiting a short jittered back-off
     * between attempts; the last failure is thrown as it was. The attempt owns its transaction (plain JDBC work
     * that commits itself, or {@link #retryingConflicts}).
     */
    public static <T, E extends Exception> T retrying(Retry retry, Attempt<T, E> attempt) throws E {
        long backOff = FIRST_BACK_OFF_MILLIS;
        int lostConnections = 0;
        for (int number = 1;; number++) {
            try {
                return attempt.run();
            } catch (Exception failure) {
                boolean conflict = isConflict(failure);
                if (number >= ATTEMPTS || !retry.covers(failure)
                        || (!conflict && ++lostConnections > LOST_CONNECTION_RETRIES)) {
                    throw failure;
                }
                SQLException sql = sqlCause(failure);
                // the state and code only: a driver's message can quote the statement's values
                LOG.infof("transaction-retry attempt=%d of=%d reason=%s failure=%s sql-state=%s code=%d", number + 1, ATTEMPTS,
                        conflict ? "conflict" : "lost-connection", failure.getClass().getName(),
                        sql == null ? null : sql.getSQLState(), sql == null ? 0 : sql.getErrorCode());
                long wait = backOff / 2 + ThreadLocalRandom.current().nextLong(backOff + 1);
                backOff *= 2;
                try {
                    Thread.sleep(wait);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw failure;
                }
            }
        }
    }

    /**
     * A deadlock, a Galera certification conflict or a lock wait timeout anywhere in the failure: Hibernate wraps the
     * driver's exception, and a failure at commit reaches us through the transaction manager, which may attach it as a
     * suppressed exception rather than a cause.
     */
    public static boolean isConflict(Throwable failure) {
        return anyOf(failure, t -> t instanceof jakarta.persistence.OptimisticLockException
                || t instanceof org.hibernate.StaleStateException) || anySql(failure, sql -> MARIADB_DEADLOCK_STATE.equals(sql.getSQLState())
                || sql.getErrorCode() == ER_LOCK_DEADLOCK || sql.getErrorCode() == ER_LOCK_WAIT_TIMEOUT);
    }

    /**
     * The connection to the database broke or could not be made (SQLState class 08, or the driver's connection
     * exceptions), or a Galera node refused work because it has left the cluster. Not a pool's acquisition timeout.
     */
    public static boolean isLostConnection(Throwable failure) {
        return anySql(failure, sql -> sql instanceof SQLNonTransientConnectionException
                || sql instanceof SQLTransientConnectionException
                || (sql.getSQLState() != null && sql.getSQLState().startsWith("08"))
                || sql.getErrorCode() == ER_UNKNOWN_COM_ERROR);
    }

    private static SQLException sqlCause(Throwable failure) {
        SQLException[] found = new SQLException[1];
        anySql(failure, sql -> {
            found[0] = sql;
            return true;
        });
        return found[0];
    }

    private static boolean anySql(Throwable failure, Predicate<SQLException> test) {
        return anyOf(failure, t -> t instanceof SQLException sql && test.test(sql));
    }

    /** Walks causes, suppressed exceptions and chained SQLExceptions, each once. */
    private static boolean anyOf(Throwable failure, Predicate<Throwable> test) {
        return walk(failure, test, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static boolean walk(Throwable failure, Predicate<Throwable> test, Set<Throwable> seen) {
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (test.test(t) || (t instanceof SQLException sql && walk(sql.getNextException(), test, seen))) {
                return true;
            }
            for (Throwable suppressed : t.getSuppressed()) {
                if (walk(suppressed, test, seen)) {
                    return true;
                }
            }
        }
        return false;
    }
}
