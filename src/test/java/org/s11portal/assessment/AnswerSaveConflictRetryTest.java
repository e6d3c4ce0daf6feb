package org.s11portal.assessment;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.s11portal.common.persistence.Transactions;
import org.s11portal.support.Fixtures;
import org.s11portal.support.LockWaits;
import org.s11portal.tool.Question;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * A real deadlock (MariaDB error 1213, what Galera also answers for a certification conflict) on the answer save: a
 * second connection holds the answer's row and then asks for the assessment's row that the save holds, so InnoDB
 * rolls one of them back. The second connection has written more, so the save is the one rolled back; it is retried
 * from the start, re-reading the answers, and either saves (nothing else changed) or shows the conflict page (the
 * other transaction really changed the answer): never an overwrite.
 */
@QuarkusTest
class AnswerSaveConflictRetryTest {

    @Inject
    Fixtures fixtures;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    EntityManager entityManager;

    @Test
    void aSaveRolledBackByADeadlockIsRetriedAndSaves() throws Exception {
        Fixtures.Draft d = fixtures.aDraftWithItsLeadSignedIn();
        Answer answer = fixtures.anAnswer(d.assessment(), d.question()).rated(Rating.PART).evidence("Before").create();

        Response saved = saveWhileDeadlocking(d, answer, "Evidence saved through a deadlock", false);

        saved.then().statusCode(303);
        assertEquals("Evidence saved through a deadlock", evidence(answer));
    }

    @Test
    void aRetryAfterADeadlockStillSeesAConcurrentEditAsAConflict() throws Exception {
        Fixtures.Draft d = fixtures.aDraftWithItsLeadSignedIn();
        Answer answer = fixtures.anAnswer(d.assessment(), d.question()).rated(Rating.PART).evidence("Before").create();

        Response conflict = saveWhileDeadlocking(d, answer, "Mine", true);

        conflict.then().statusCode(409).body(containsString("Someone else changed these answers"))
                .body(containsString("Theirs")).body(containsString("Mine"));
        assertEquals("Theirs", evidence(answer));
    }

    @Test
    void aFailureThatIsNotAConflictIsNotRetried() {
        AtomicInteger attempts = new AtomicInteger();
        RuntimeException failure = assertThrows(RuntimeException.class, () -> Transactions.retryingConflicts(() -> {
            attempts.incrementAndGet();
            // a duplicate primary key: error 1062, SQLState 23000
            return entityManager.createNativeQuery("INSERT INTO sign_in_counter (counter_key, failures, window_started_at)"
                    + " VALUES ('retry-test', 1, NOW()), ('retry-test', 1, NOW())").executeUpdate();
        }));
        assertEquals(1, attempts.get(), "tried once only");
        assertTrue(failure.getMessage() != null);
    }

    /**
     * Posts the standard's page from the answer's version while a second connection makes a deadlock with the save, and
     * returns the response. With {@code theyChangeIt} the second connection also changes the answer and commits;
     * otherwise it only locks the row and rolls back.
     */
    private Response saveWhileDeadlocking(Fixtures.Draft d, Answer answer, String evidence, boolean theyChangeIt)
            throws Exception {
        Question q = d.question();
        String path = "/assessments/" + d.assessment().id + "/standards/" + q.standard.code;
        d.lead().get(path).then().statusCode(200);
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (Statement statement = other.createStatement()) {
                // weight: InnoDB rolls back the transaction that has written less, which must be the save
                LockWaits.weigh(statement);
                statement.executeUpdate(theyChangeIt
                        ? "UPDATE answer SET evidence = 'Theirs', version = version + 1 WHERE id = " + answer.id
                        : "UPDATE answer SET version = version WHERE id = " + answer.id);
                String ours = LockWaits.trxId(statement);

                CompletableFuture<Response> save = CompletableFuture.supplyAsync(() -> d.lead().post(path, Map.of(
                        "q" + q.id + "-version", String.valueOf(answer.version), "q" + q.id + "-rating", "PART",
                        "q" + q.id + "-evidence", evidence, "action", "later")));
                LockWaits.awaitWaitingOn(statement, ours, Duration.ofSeconds(20));
                // the cycle: the save holds the assessment's row and waits for the answer's; we now ask for the assessment's
                statement.executeQuery("SELECT id FROM assessment WHERE id = " + d.assessment().id + " FOR UPDATE").close();
                // we were not chosen as the deadlock's victim (that would have thrown 1213 here): the save was
                if (theyChangeIt) {
                    statement.executeUpdate("DELETE FROM sign_in_attempt WHERE email = 'deadlock-weight@example.test'");
                    other.commit();
                } else {
                    other.rollback();
                }
                return save.get(30, TimeUnit.SECONDS);
            } catch (SQLException | RuntimeException e) {
                other.rollback();
                throw e;
            }
        }
    }

    @Transactional
    String evidence(Answer answer) {
        return Answer.<Answer>findById(answer.id).evidence;
    }
}
