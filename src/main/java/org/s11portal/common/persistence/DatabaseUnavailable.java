package org.s11portal.common.persistence;

import java.sql.Connection;
import java.sql.SQLException;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The database cannot be reached: refused, gone mid-query, or the pool waited its acquisition timeout for a
 * connection. Pages answer it with 503 and the service's "unavailable" page (common/web/ErrorPages), whichever layer
 * it came from.
 */
@ApplicationScoped
public class DatabaseUnavailable {

    @Inject
    AgroalDataSource dataSource;

    /** Thrown by {@link #check()}; any failure caused by an unreachable database is recognised by {@link #causes}. */
    public static final class Exception extends RuntimeException {
        Exception(Throwable cause) {
            super("the database cannot be reached", cause);
        }
    }

    /**
     * Throws when the database cannot be reached now. For a page that reads nothing itself but leads to a form whose
     * sending needs the database (sign-in): better "unavailable" at once than a password typed for nothing. Costs a
     * connection from the pool, validated by the pool when it has been idle (see application.properties).
     */
    public void check() {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isValid(2)) {
                throw new Exception(new SQLException("connection not valid", "08000"));
            }
        } catch (SQLException e) {
            throw new Exception(e);
        }
    }

    /**
     * Agroal's own words when it has no usable connection to give: none came within
     * quarkus.datasource.jdbc.acquisition-timeout, or the one it lent died before it could join the transaction (the
     * first request after every connection was cut, seen as a 500 in the cluster suite's outage scenario).
     */
    private static boolean isPoolGivingUp(String message) {
        return message != null && (message.contains("acquisition timeout")
                || message.contains("Exception in association of connection to existing transaction"));
    }

    /** Whether the failure, anywhere in its causes, is the database being unreachable. */
    public static boolean causes(Throwable failure) {
        if (Transactions.isLostConnection(failure)) {
            return true;
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof Exception || t instanceof java.net.ConnectException
                    || t instanceof org.hibernate.exception.JDBCConnectionException
                    || t instanceof SQLException && isPoolGivingUp(t.getMessage())) {
                return true;
            }
        }
        return false;
    }
}
