package org.s11portal.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.s11portal.agency.Agency;
import org.s11portal.agency.Area;
import org.s11portal.common.observability.BusinessMetrics;
import org.s11portal.cycle.Cycle;
import org.s11portal.support.Fixtures;

import io.agroal.api.AgroalDataSource;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Shutting the writer down drains its queue: every answer waiting is stored, or its sender is told it was not saved;
 * none is dropped without a word, and none reported saved that was not. Each test runs a writer of its own, so the
 * portal's writer keeps serving the other tests.
 */
@QuarkusTest
class SurveyWriterShutdownTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Fixtures fixtures;

    @Inject
    BusinessMetrics metrics;

    private SurveyWriter writer(int threads) {
        SurveyWriter writer = new SurveyWriter();
        writer.dataSource = dataSource;
        writer.metrics = metrics;
        writer.startWriters(threads);
        return writer;
    }

    private static List<CompletableFuture<Boolean>> send(SurveyWriter writer, Agency agency, Cycle cycle, int count) {
        return IntStream.range(0, count).mapToObj(i -> writer.write(SurveyWriterTest.pending(agency.id, cycle.id,
                UUID.randomUUID().toString().replace("-", "") + "s".repeat(32)))).toList();
    }

    @Test
    void answersQueuedAtShutdownAreStoredBeforeItReturns() {
        Cycle cycle = fixtures.aCycle().create();
        Agency agency = fixtures.anAgency().inAreas(Area.HAMPSHIRE).create();
        SurveyWriter writer = writer(1);
        List<CompletableFuture<Boolean>> sent = send(writer, agency, cycle, 3_000);

        writer.shutDown(Duration.ofSeconds(30));

        for (CompletableFuture<Boolean> answer : sent) {
            assertTrue(answer.isDone(), "every answer queued before shutdown has its outcome when shutdown returns");
            assertEquals(true, answer.join(), "stored: the database was there to store it");
        }
        assertEquals(3_000L, count("survey_response", agency.id));
        assertEquals(3_000L, takeUp(agency.id));
    }

    @Test
    void answersNoWriterCouldStoreAreRefusedNotDropped() {
        Cycle cycle = fixtures.aCycle().create();
        Agency agency = fixtures.anAgency().inAreas(Area.SOUTHAMPTON).create();
        SurveyWriter writer = writer(0); // writers that never get to the queue, like ones stuck on a dead database
        List<CompletableFuture<Boolean>> sent = send(writer, agency, cycle, 25);

        writer.shutDown(Duration.ofMillis(200));

        for (CompletableFuture<Boolean> answer : sent) {
            assertTrue(answer.isCompletedExceptionally(), "the sender is told the answer was not saved, at once");
        }
        assertEquals(0L, count("survey_response", agency.id));
    }

    @Test
    void anAnswerSentAfterShutdownIsRefused() {
        Cycle cycle = fixtures.aCycle().create();
        Agency agency = fixtures.anAgency().inAreas(Area.ISLE_OF_WIGHT).create();
        SurveyWriter writer = writer(1);
        writer.shutDown(Duration.ofSeconds(5));

        CompletableFuture<Boolean> late = send(writer, agency, cycle, 1).get(0);

        assertTrue(late.isCompletedExceptionally(), "refused, not left waiting");
        assertEquals(0L, count("survey_response", agency.id));
    }

    @Transactional
    long count(String table, long agencyId) {
        return ((Number) Panache.getEntityManager().createNativeQuery("SELECT COUNT(*) FROM " + table + " WHERE agency_id = ?1")
                .setParameter(1, agencyId).getSingleResult()).longValue();
    }

    @Transactional
    long takeUp(long agencyId) {
        return ((Number) Panache.getEntityManager().createNativeQuery("SELECT COALESCE(SUM(responses), 0) FROM survey_uptake WHERE agency_id = ?1")
                .setParameter(1, agencyId).getSingleResult()).longValue();
    }
}
