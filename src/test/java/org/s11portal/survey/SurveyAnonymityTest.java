package org.s11portal.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.transaction.Transactional;

/**
 * The survey tables hold nothing that singles a person out. This test fails when a column is added to them
 * (an address, an agent, a time, a link or session id...): adding one must be a deliberate, reviewed change
 * to this list and to docs/staff-survey-privacy.md.
 */
@QuarkusTest
class SurveyAnonymityTest {

    static final Set<String> RESPONSE_COLUMNS = new TreeSet<>(List.of("id", "agency_id", "cycle_id", "survey_version",
            "answered_on", "areas", "role_band", "works_with", "q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8", "q9", "q10",
            "q11", "q12", "q13", "q14", "free_text"));

    @Test
    void theResponseTableHoldsOnlyAgencyCycleDayFiltersAndAnswers() {
        assertEquals(RESPONSE_COLUMNS, columns("survey_response"));
    }

    @Test
    void noSurveyTableStoresATimeFinerThanTheDay() {
        for (String table : List.of("survey_response", "survey_uptake", "survey_nonce_used")) {
            assertEquals(Set.of(), columnsOfType(table, "datetime", "timestamp", "time"), table);
        }
    }

    @Test
    void takeUpCountersAndUsedNoncesCannotBeJoinedToResponses() {
        assertEquals(new TreeSet<>(List.of("agency_id", "cycle_id", "day", "slot", "responses")), columns("survey_uptake"));
        assertEquals(new TreeSet<>(List.of("nonce_hash", "expires_on")), columns("survey_nonce_used"));
    }

    @Test
    void responseIdsAreRandomNotSequential() {
        assertEquals(Set.of("char"), columnTypes("survey_response", "id"));
    }

    @Transactional
    @SuppressWarnings("unchecked")
    Set<String> columns(String table) {
        List<String> names = Panache.getEntityManager().createNativeQuery(
                "SELECT column_name FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = ?1")
                .setParameter(1, table).getResultList();
        return new TreeSet<>(names.stream().map(String::toLowerCase).toList());
    }

    @Transactional
    @SuppressWarnings("unchecked")
    Set<String> columnsOfType(String table, String... types) {
        List<String> names = Panache.getEntityManager().createNativeQuery(
                "SELECT column_name FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = ?1"
                        + " AND data_type IN (?2)")
                .setParameter(1, table).setParameter(2, List.of(types)).getResultList();
        return new TreeSet<>(names);
    }

    @Transactional
    @SuppressWarnings("unchecked")
    Set<String> columnTypes(String table, String column) {
        List<String> types = Panache.getEntityManager().createNativeQuery(
                "SELECT data_type FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = ?1 AND column_name = ?2")
                .setParameter(1, table).setParameter(2, column).getResultList();
        return new TreeSet<>(types);
    }
}
