package org.s11portal.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.s11portal.agency.Agency;
import org.s11portal.agency.Area;
import org.s11portal.common.config.PortalClock;
import org.s11portal.cycle.Cycle;
import org.s11portal.support.Fixtures;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** The group-commit writer: all or nothing, and nothing reported saved that was not. */
@QuarkusTest
class SurveyWriterTest {

    @Inject
    SurveyWriter writer;

    @Inject
    Fixtures fixtures;

    static SurveyWriter.Pending pending(long agencyId, long cycleId, String nonceHash) {
        String[] answers = new String[SurveyDefinition.QUESTIONS.size()];
        java.util.Arrays.fill(answers, "YES");
        LocalDate today = PortalClock.current().today();
        return new SurveyWriter.Pending(nonceHash, today.plusDays(2), UUID.randomUUID().toString().replace("-", ""),
                agencyId, cycleId, SurveyDefinition.VERSION, today, null, null, null, answers, null);
    }

    @Test
    void aStoredAnswerIsCommittedBeforeItIsReportedAndItsNonceWorksOnce() throws Exception {
        Cycle cycle = fixtures.aCycle().create();
        Agency agency = fixtures.anAgency().inAreas(Area.HAMPSHIRE).create();
        String nonce = nonce('0');
        assertTrue(writer.write(pending(agency.id, cycle.id, nonce)).get(10, TimeUnit.SECONDS));
        assertEquals(1L, count("survey_response", agency.id));
        assertEquals(false, writer.write(pending(agency.id, cycle.id, nonce)).get(10, TimeUnit.SECONDS));
        assertEquals(1L, count("survey_response", agency.id));
    }

    @Test
    void aBatchStoresEachNewNonceOnceWhetherItWasUsedBeforeOrSentTwiceInTheBatch() throws Exception {
        Cycle cycle = fixtures.aCycle().create();
        Agency agency = fixtures.anAgency().inAreas(Area.PORTSMOUTH).create();
        String used = nonce('a');
        String twice = nonce('b');
        String fresh = nonce('c');
        assertTrue(writer.write(pending(agency.id, cycle.id, used)).get(10, TimeUnit.SECONDS));

        List<Boolean> stored = writer.storeAsOneBatch(List.of(pending(agency.id, cycle.id, used), pending(agency.id, cycle.id, twice),
                pending(agency.id, cycle.id, twice), pending(agency.id, cycle.id, fresh)));

        assertEquals(List.of(false, true, false, true), stored);
        assertEquals(3L, count("survey_response", agency.id));
        assertEquals(3L, takeUp(agency.id));
        assertEquals(List.of(1L, 1L, 1L), List.of(nonceClaims(used), nonceClaims(twice), nonceClaims(fresh)));
    }

    @Test
    void aBatchOfNewNoncesIsStoredWhole() {
        Cycle cycle = fixtures.aCycle().create();
        Agency agency = fixtures.anAgency().inAreas(Area.SOUTHAMPTON).create();
        List<SurveyWriter.Pending> batch = java.util.stream.IntStream.range(0, 120)
                .mapToObj(i -> pending(agency.id, cycle.id, nonce('d')))
                .toList();
        assertEquals(java.util.Collections.nCopies(120, true), writer.storeAsOneBatch(batch));
        assertEquals(120L, count("survey_response", agency.id));
        assertEquals(120L, takeUp(agency.id));
    }

    @Test
    void aBatchThatFailsReportsFailureAndKeepsNothing() {
        Cycle cycle = fixtures.aCycle().create();
        String nonce = nonce('1');
        ExecutionException failure = assertThrows(ExecutionException.class,
                () -> writer.write(pending(-1, cycle.id, nonce)).get(10, TimeUnit.SECONDS));
        assertTrue(failure.getCause() instanceof java.sql.SQLException, failure.getCause().toString());
        assertEquals(0L, nonceClaims(nonce));
    }

    @Test
    void anAnswerTheDatabaseRefusesFailsAloneAndTheRestOfItsBatchIsStored() {
        Cycle cycle = fixtures.aCycle().create();
        Agency agency = fixtures.anAgency().inAreas(Area.ISLE_OF_WIGHT).create();
        // what validation now refuses, sent straight to the writer: the four choices of question 13 ten times over
        SurveyWriter.Pending tooLong = pending(agency.id, cycle.id, nonce('e'));
        tooLong.answers()[12] = String.join(",", java.util.Collections.nCopies(10, "PROCEDURES,CONTINUUM,FAMILY_APPROACH,ESCALATION"));
        List<SurveyWriter.Pending> batch = new java.util.ArrayList<>();
        for (int i = 0; i < 30; i++) {
            batch.add(i == 11 ? tooLong : pending(agency.id, cycle.id, nonce('f')));
        }

        List<java.util.concurrent.CompletableFuture<Boolean>> outcomes = writer.storeAsOneBatchReportingEach(batch);

        for (int i = 0; i < batch.size(); i++) {
            if (i == 11) {
                assertTrue(outcomes.get(i).isCompletedExceptionally(), "the overlong answer is reported not saved");
            } else {
                assertEquals(true, outcomes.get(i).join(), "answer " + i);
            }
        }
        assertEquals(29L, count("survey_response", agency.id));
        assertEquals(29L, takeUp(agency.id));
        assertEquals(0L, nonceClaims(tooLong.nonceHash()), "the refused answer's form can be sent again");
    }

    @Transactional
    long count(String table, long agencyId) {
        return ((Number) Panache.getEntityManager().createNativeQuery("SELECT COUNT(*) FROM " + table + " WHERE agency_id = ?1")
                .setParameter(1, agencyId).getSingleResult()).longValue();
    }

    private static String nonce(char fill) {
        return UUID.randomUUID().toString().replace("-", "") + String.valueOf(fill).repeat(32);
    }

    @Transactional
    long takeUp(long agencyId) {
        return ((Number) Panache.getEntityManager().createNativeQuery("SELECT COALESCE(SUM(responses), 0) FROM survey_uptake WHERE agency_id = ?1")
                .setParameter(1, agencyId).getSingleResult()).longValue();
    }

    @Transactional
    long nonceClaims(String nonceHash) {
        return ((Number) Panache.getEntityManager().createNativeQuery("SELECT COUNT(*) FROM survey_nonce_used WHERE nonce_hash = ?1")
                .setParameter(1, nonceHash).getSingleResult()).longValue();
    }
}
