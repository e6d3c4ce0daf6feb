package org.s11portal.letteradmin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.s11portal.audit.AdminChange;
import org.s11portal.panel.Theme;
import org.s11portal.support.Fixtures;
import org.s11portal.support.LockWaits;
import org.s11portal.support.LogCapture;
import org.s11portal.support.WebSession;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/**
 * An administrative form's POST ({@code @RetriesConflicts}) that a real deadlock rolls back is run again from the
 * start, and its change and audit entry are saved once. The rename logs its change (an insert) and then waits for the
 * theme's row, which a second connection holds; that connection then asks for the logged change, so InnoDB rolls one of
 * them back, the rename, because the other has written more.
 */
@QuarkusTest
class AdminWriteConflictRetryTest {

    @Inject
    Fixtures fixtures;

    @Inject
    LetterAdminTestData data;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aRenameRolledBackByADeadlockIsRetriedAndSavedOnce() throws Exception {
        WebSession hips = WebSession.signedIn(fixtures.admin(null).email);
        hips.get("/admin/themes").then().statusCode(200);
        String name = Fixtures.unique("Online harm");
        hips.post("/admin/themes", Map.of("name", name)).then().statusCode(303);
        Theme theme = data.themeNamed(name);
        String renamed = name + " and exploitation";
        long lastChange = lastChangeId();
        hips.get("/admin/themes/" + theme.id + "/rename").then().statusCode(200);

        Response response;
        try (LogCapture logs = LogCapture.start(); Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (Statement statement = other.createStatement()) {
                LockWaits.weigh(statement);
                statement.executeUpdate("UPDATE theme SET name = name WHERE id = " + theme.id);
                String ours = LockWaits.trxId(statement);

                CompletableFuture<Response> rename = CompletableFuture.supplyAsync(
                        () -> hips.post("/admin/themes/" + theme.id + "/rename", Map.of("name", renamed)));
                LockWaits.awaitWaitingOn(statement, ours, Duration.ofSeconds(20));
                // the cycle: the rename holds the change it logged and waits for the theme; we ask for that change
                statement.executeQuery("SELECT id FROM admin_change WHERE id > " + lastChange + " FOR UPDATE").close();
                // we were not chosen as the victim (that would have thrown 1213 here): the rename was
                other.rollback();
                response = rename.get(30, TimeUnit.SECONDS);
            } finally {
                other.rollback();
            }
            assertTrue(logs.messages().stream().anyMatch(m -> m.contains("transaction-retry attempt=2")
                    && m.contains("reason=conflict")), "the rename was rolled back and tried again: " + logs.messages());
        }

        response.then().statusCode(303);
        assertEquals(renamed, data.theme(theme.id).name);
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> AdminChange.count(
                "id > ?1 and action = ?2", lastChange, "Theme renamed")), "one entry for the one rename");
    }

    private long lastChangeId() throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT COALESCE(MAX(id), 0) FROM admin_change")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
