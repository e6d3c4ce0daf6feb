package org.s11portal.common.persistence;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * A failure at commit reaches the caller through the transaction manager, which wraps the driver's error its own way:
 * the classification must still find it. The connection is killed by the server between the last statement and the
 * commit, as when a database node dies at that moment.
 */
@QuarkusTest
class CommitFailureTest {

    @Inject
    EntityManager entityManager;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aConnectionLostAtCommitIsRecognisedAsSuch() {
        RuntimeException failure = assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("UPDATE sign_in_counter SET failures = failures WHERE counter_key = 'none'")
                    .executeUpdate();
            long id = ((Number) entityManager.createNativeQuery("SELECT CONNECTION_ID()").getSingleResult()).longValue();
            // from another thread: within this transaction the pool would lend this very connection again
            CompletableFuture.runAsync(() -> {
                try (Connection other = dataSource.getConnection(); Statement statement = other.createStatement()) {
                    statement.execute("KILL CONNECTION " + id);
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            }).join();
        }));
        assertTrue(Transactions.isLostConnection(failure), () -> chain(failure));
        assertTrue(DatabaseUnavailable.causes(failure));
        assertFalse(Transactions.isConflict(failure));
    }

    private static String chain(Throwable failure) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            out.append(t.getClass().getName()).append(" suppressed=").append(t.getSuppressed().length).append('\n');
            for (Throwable s : t.getSuppressed()) {
                out.append("  suppressed ").append(s).append('\n');
            }
        }
        return out.toString();
    }
}
