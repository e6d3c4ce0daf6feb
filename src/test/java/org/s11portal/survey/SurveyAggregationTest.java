package org.s11portal.survey;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.UUID;

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

/**
 * The results are counted by the database from the one definition of the questions: the counts per agency and
 * filters equal those of the answers sent, multi-select answers included; and the writer's insert names exactly
 * the table's columns, read from the entity.
 */
@QuarkusTest
class SurveyAggregationTest {

    @Inject
    PortalClock clock;

    @Inject
    SurveyWriter writer;

    @Inject
    Fixtures fixtures;

    private static final String[] AREAS = { "PORTSMOUTH", "HAMPSHIRE,PORTSMOUTH", null };

    @Test
    void theDatabaseCountsEveryOptionOfEveryQuestionPerAgencyAndFilters() {
        Cycle cycle = fixtures.aCycle().create();
        Agency agency = fixtures.anAgency().inAreas(Area.PORTSMOUTH, Area.HAMPSHIRE).create();
        Random random = new Random(7);
        List<SurveyWriter.Pending> sent = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String[] answers = new String[SurveyDefinition.QUESTIONS.size()];
            for (SurveyDefinition.Question q : SurveyDefinition.QUESTIONS) {
                List<SurveyDefinition.Option> options = q.options();
                answers[q.number() - 1] = q.multi() && i % 3 == 0
                        ? options.get(0).value() + "," + options.get(2 + random.nextInt(2)).value()
                        : options.get(random.nextInt(options.size())).value();
            }
            sent.add(new SurveyWriter.Pending(UUID.randomUUID().toString().replace("-", "") + "g".repeat(32), clock.today().plusDays(2),
                    UUID.randomUUID().toString().replace("-", ""), agency.id, cycle.id, SurveyDefinition.VERSION, clock.today(),
                    AREAS[i % 3],
                    i % 4 == 0 ? null : SurveyDefinition.ROLE_BANDS.get(i % 2).value(), SurveyDefinition.WORKS_WITH.get(i % 3).value(),
                    answers, i % 5 == 0 ? "Text " + i : null));
        }
        assertTrue(writer.storeAsOneBatch(sent).stream().allMatch(Boolean::booleanValue));

        List<SurveyResults.Cell> cells = cells(cycle.id).stream().filter(c -> c.agencyId() == agency.id).toList();

        Map<String, long[][]> expected = new HashMap<>();
        Map<String, Long> expectedSizes = new HashMap<>();
        for (SurveyWriter.Pending p : sent) {
            String key = p.areas() + "|" + p.roleBand() + "|" + p.worksWith();
            expectedSizes.merge(key, 1L, Long::sum);
            long[][] counts = expected.computeIfAbsent(key, k -> new SurveyResults.Tally().counts);
            for (SurveyDefinition.Question q : SurveyDefinition.QUESTIONS) {
                for (String value : p.answers()[q.number() - 1].split(",")) {
                    int option = q.options().stream().map(SurveyDefinition.Option::value).toList().indexOf(value);
                    counts[q.number() - 1][option]++;
                }
            }
        }
        assertEquals(expected.keySet(), new java.util.HashSet<>(cells.stream()
                .map(c -> c.areas() + "|" + c.roleBand() + "|" + c.worksWith()).toList()));
        for (SurveyResults.Cell cell : cells) {
            String key = cell.areas() + "|" + cell.roleBand() + "|" + cell.worksWith();
            assertEquals(expectedSizes.get(key), cell.tally().responses, key);
            assertEquals("Voluntary and community sector", cell.sector());
            for (int q = 0; q < SurveyDefinition.QUESTIONS.size(); q++) {
                assertArrayEquals(expected.get(key)[q], cell.tally().counts[q], key + " question " + (q + 1));
            }
        }
        assertEquals(12, freeText(cycle.id, agency.id).size());
    }

    @Test
    void theWritersInsertNamesTheTablesColumnsAsTheEntityMapsThem() {
        TreeSet<String> mapped = new TreeSet<>(SurveyResponse.COLUMNS.stream().map(SurveyResponse.MappedColumn::name).toList());
        assertEquals(SurveyAnonymityTest.RESPONSE_COLUMNS, mapped);
        for (SurveyDefinition.Question q : SurveyDefinition.QUESTIONS) {
            assertTrue(mapped.contains(q.column()), "a column for question " + q.number());
        }
        assertTrue(SurveyWriter.INSERT_RESPONSE.startsWith("INSERT INTO survey_response ("
                + String.join(", ", SurveyResponse.COLUMNS.stream().map(SurveyResponse.MappedColumn::name).toList()) + ") VALUES (?"));
    }

    @Transactional
    List<SurveyResults.Cell> cells(long cycleId) {
        return SurveyAggregation.cells(Panache.getEntityManager(), cycleId);
    }

    @Transactional
    List<String> freeText(long cycleId, long agencyId) {
        return SurveyAggregation.freeText(Panache.getEntityManager(), cycleId, List.of(agencyId));
    }
}
