package org.s11portal.common.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransactionRollbackException;
import java.util.concurrent.atomic.AtomicInteger;

import org.hibernate.exception.JDBCConnectionException;
import org.hibernate.exception.LockAcquisitionException;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransactionException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;

/** Which failures are worth a second try, found wherever Hibernate or the transaction manager put the driver's error. */
class TransactionsTest {

    /** What MariaDB Connector/J throws for a deadlock or a Galera certification conflict. */
    static SQLException deadlock() {
        return new SQLTransactionRollbackException("Deadlock found when trying to get lock; try restarting transaction",
                "40001", 1213);
    }

    static SQLException lockWaitTimeout() {
        return new SQLException("Lock wait timeout exceeded; try restarting transaction", "HY000", 1205);
    }

    static SQLException duplicateKey() {
        return new SQLIntegrityConstraintViolationException("Duplicate entry", "23000", 1062);
    }

    static SQLException socketClosed() {
        return new SQLNonTransientConnectionException("Socket error", "08000", 0);
    }

    @Test
    void aDeadlockIsAConflictWhereverHibernateOrTheTransactionManagerPutIt() {
        assertTrue(Transactions.isConflict(deadlock()));
        assertTrue(Transactions.isConflict(new LockAcquisitionException("could not execute statement", deadlock(), "update")));
        assertTrue(Transactions.isConflict(new PersistenceException(new LockAcquisitionException("x", deadlock(), "update"))));
        // a failure at commit: the driver's error as a suppressed exception of the transaction manager's
        RollbackException atCommit = new RollbackException("ARJUNA016053: Could not commit transaction.");
        atCommit.addSuppressed(new PersistenceException(deadlock()));
        assertTrue(Transactions.isConflict(new QuarkusTransactionException(atCommit)));
        // a batch: the real error chained behind the first
        SQLException batch = new SQLException("batch failed");
        batch.setNextException(deadlock());
        assertTrue(Transactions.isConflict(batch));
    }

    @Test
    void aLockWaitTimeoutAndAStaleVersionAreConflicts() {
        assertTrue(Transactions.isConflict(new PersistenceException(lockWaitTimeout())));
        assertTrue(Transactions.isConflict(new OptimisticLockException("Row was updated or deleted by another transaction")));
        assertTrue(Transactions.isConflict(new org.hibernate.StaleObjectStateException("Answer", 1L)));
    }

    @Test
    void otherFailuresAreNotConflicts() {
        assertFalse(Transactions.isConflict(new PersistenceException(duplicateKey())));
        assertFalse(Transactions.isConflict(socketClosed()));
        assertFalse(Transactions.isConflict(new IllegalStateException("a bug")));
        assertFalse(Transactions.isConflict(new SQLException("Sorry, acquisition timeout!")));
    }

    @Test
    void aBrokenConnectionIsLostButAPoolTimeoutIsNot() {
        assertTrue(Transactions.isLostConnection(new JDBCConnectionException("Unable to acquire JDBC Connection", socketClosed())));
        assertTrue(Transactions.isLostConnection(new SQLException("Communications link failure", "08S01", 0)));
        // a Galera node that has left the cluster: "WSREP has not yet prepared node for application use"
        assertTrue(Transactions.isLostConnection(new SQLException("WSREP has not yet prepared node", "08S01", 1047)));
        assertFalse(Transactions.isLostConnection(new SQLException("Sorry, acquisition timeout!")));
        assertFalse(Transactions.isLostConnection(deadlock()));
    }

    @Test
    void theDatabaseIsUnavailableWhenUnreachableOrThePoolTimedOut() {
        assertTrue(DatabaseUnavailable.causes(new PersistenceException(socketClosed())));
        assertTrue(DatabaseUnavailable.causes(new RuntimeException(new SQLException("Sorry, acquisition timeout!"))));
        assertTrue(DatabaseUnavailable.causes(new RuntimeException(new java.net.ConnectException("Connection refused"))));
        // a lent connection that died before joining the transaction (Agroal, then Hibernate's wrapping)
        assertTrue(DatabaseUnavailable.causes(new org.hibernate.exception.GenericJDBCException("Unable to acquire JDBC Connection",
                new SQLException("Exception in association of connection to existing transaction",
                        new javax.transaction.xa.XAException(javax.transaction.xa.XAException.XAER_RMERR)))));
        assertFalse(DatabaseUnavailable.causes(new PersistenceException(deadlock())));
        assertFalse(DatabaseUnavailable.causes(new PersistenceException(duplicateKey())));
    }

    @Test
    void aConflictIsRetriedUntilItSucceeds() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        String result = Transactions.retrying(Transactions.Retry.CONFLICTS, () -> {
            if (attempts.incrementAndGet() < 3) {
                throw new PersistenceException(deadlock());
            }
            return "stored";
        });
        assertEquals("stored", result);
        assertEquals(3, attempts.get());
    }

    @Test
    void aConflictThatPersistsGivesUpAfterTheLastAttemptWithTheFailureAsItWas() {
        AtomicInteger attempts = new AtomicInteger();
        PersistenceException last = new PersistenceException(deadlock());
        PersistenceException thrown = assertThrows(PersistenceException.class,
                () -> Transactions.retrying(Transactions.Retry.CONFLICTS, () -> {
                    attempts.incrementAndGet();
                    throw last;
                }));
        assertSame(last, thrown);
        assertEquals(Transactions.ATTEMPTS, attempts.get());
    }

    @Test
    void aFailureThatIsNotCoveredIsNotRetried() {
        AtomicInteger attempts = new AtomicInteger();
        assertThrows(SQLException.class, () -> Transactions.retrying(Transactions.Retry.CONFLICTS_AND_LOST_CONNECTIONS, () -> {
            attempts.incrementAndGet();
            throw duplicateKey();
        }));
        assertEquals(1, attempts.get());
        attempts.set(0);
        assertThrows(SQLException.class, () -> Transactions.retrying(Transactions.Retry.CONFLICTS, () -> {
            attempts.incrementAndGet();
            throw socketClosed();
        }));
        assertEquals(1, attempts.get(), "a lost connection is not retried for work that may not be repeated");
    }

    @Test
    void aLostConnectionIsRetriedOnceForWorkSafeToRepeat() {
        AtomicInteger attempts = new AtomicInteger();
        assertThrows(SQLException.class, () -> Transactions.retrying(Transactions.Retry.CONFLICTS_AND_LOST_CONNECTIONS, () -> {
            attempts.incrementAndGet();
            throw socketClosed();
        }));
        assertEquals(1 + Transactions.LOST_CONNECTION_RETRIES, attempts.get());
    }
}
