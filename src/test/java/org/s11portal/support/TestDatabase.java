package org.s11portal.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A database of its own for each test run, on the real MariaDB that `make test` found or started:
 * created empty before Quarkus starts (Liquibase then builds the schema), dropped at the end. A test profile restarts
 * Quarkus and so gets a fresh database of its own too (the demo data tests use this: demo/DemoDatabase). Databases
 * left behind by runs that were killed are dropped once they are a day old.
 */
public class TestDatabase implements QuarkusTestResourceLifecycleManager {

    private static final String PREFIX = "s11test_";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private String name;

    @Override
    public Map<String, String> start() {
        LocalDateTime now = LocalDateTime.now();
        name = PREFIX + STAMP.format(now) + "_" + ThreadLocalRandom.current().nextInt(1000, 10000);
        try (Connection connection = serverConnection(); Statement statement = connection.createStatement()) {
            for (String stale : staleDatabases(statement, now.minusDays(1))) {
                statement.execute("DROP DATABASE IF EXISTS `" + stale + "`");
            }
            statement.execute("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (SQLException e) {
            throw new IllegalStateException("Tests need a MariaDB at " + url()
                    + " (run `make test`, which finds or starts one): " + e.getMessage(), e);
        }
        return Map.of("s11.db.name", name);
    }

    @Override
    public void stop() {
        try (Connection connection = serverConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS `" + name + "`");
        } catch (SQLException e) {
            System.err.println("Could not drop test database " + name + ": " + e.getMessage());
        }
    }

    private static List<String> staleDatabases(Statement statement, LocalDateTime olderThan) throws SQLException {
        List<String> stale = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery("SHOW DATABASES LIKE '" + PREFIX + "%'")) {
            while (rs.next()) {
                String db = rs.getString(1);
                String stamp = db.substring(PREFIX.length(), Math.min(db.length(), PREFIX.length() + 14));
                try {
                    if (LocalDateTime.parse(stamp, STAMP).isBefore(olderThan)) {
                        stale.add(db);
                    }
                } catch (RuntimeException notOurs) {
                    // a name we did not make: leave it alone
                }
            }
        }
        return stale;
    }

    private static Connection serverConnection() throws SQLException {
        return DriverManager.getConnection(url(), env("S11_DB_USER", "root"), env("S11_DB_PASSWORD", ""));
    }

    private static String url() {
        return "jdbc:mariadb://" + host() + ":" + port() + "/";
    }

    /** The MariaDB server the tests use. */
    public static String host() {
        return env("S11_DB_HOST", "127.0.0.1");
    }

    public static String port() {
        return env("S11_DB_PORT", "3306");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
