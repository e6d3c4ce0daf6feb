package org.s11portal.support;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/** For tests that make a real deadlock: who holds what in InnoDB, read from information_schema. */
public final class LockWaits {

    private LockWaits() {
    }

    /** The InnoDB transaction id of the statement's connection, which must have one open. */
    public static String trxId(Statement statement) throws SQLException {
        try (ResultSet rs = statement.executeQuery(
                "SELECT trx_id FROM information_schema.INNODB_TRX WHERE trx_mysql_thread_id = CONNECTION_ID()")) {
            assertTrue(rs.next(), "the connection has a transaction");
            return rs.getString(1);
        }
    }

    /** Waits until some transaction waits for a lock that the given transaction holds; fails after {@code within}. */
    public static void awaitWaitingOn(Statement statement, String blocking, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            try (PreparedStatement query = statement.getConnection().prepareStatement(
                    "SELECT COUNT(*) FROM information_schema.INNODB_LOCK_WAITS WHERE blocking_trx_id = ?")) {
                query.setString(1, blocking);
                try (ResultSet rs = query.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) > 0) {
                        return;
                    }
                }
            }
            // MariaDB refreshes these tables only when they were last read over 0.1 s ago: polling faster sees nothing new
            Thread.sleep(150);
        }
        StringBuilder state = new StringBuilder();
        try (ResultSet rs = statement.executeQuery("SELECT trx_id, trx_state, trx_query FROM information_schema.INNODB_TRX")) {
            while (rs.next()) {
                state.append(rs.getString(1)).append(' ').append(rs.getString(2)).append(' ').append(rs.getString(3)).append('\n');
            }
        }
        throw new AssertionError("nothing waited for a lock of " + blocking + "\n" + state);
    }

    /** Makes the connection's open transaction heavier, so that InnoDB picks the other side of a deadlock as its victim. */
    public static void weigh(Statement statement) throws SQLException {
        for (int i = 0; i < 20; i++) {
            statement.executeUpdate("INSERT INTO sign_in_attempt (email, address, succeeded, attempted_at)"
                    + " VALUES ('deadlock-weight@example.test', '192.0.2.1', FALSE, NOW())");
        }
    }
}
