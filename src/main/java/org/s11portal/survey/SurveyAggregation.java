package org.s11portal.survey;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.s11portal.agency.Sector;

import jakarta.persistence.EntityManager;

/**
 * Reads a cycle's answers already added up by the database: one row per agency and combination of filters (areas,
 * role, who they work with), with the number of answers and, per question of {@link SurveyDefinition}, how many chose
 * each option. The query is built from the definition, so a question or option added there is counted here. No
 * answer is loaded one by one; only the written answers of agencies that may show them are read as text.
 */
final class SurveyAggregation {

    /** Option values are written into the query: they are the definition's constants, and must look like them. */
    private static final Pattern OPTION_VALUE = Pattern.compile("[A-Z_]+");

    /** The cells of a cycle; its parameter is the cycle id. */
    static final String CELLS_SQL = cellsSql();

    private SurveyAggregation() {
    }

    private static String cellsSql() {
        StringBuilder sql = new StringBuilder("SELECT r.agency_id, a.sector, r.areas, r.role_band, r.works_with, COUNT(*)");
        for (SurveyDefinition.Question question : SurveyDefinition.QUESTIONS) {
            for (SurveyDefinition.Option option : question.options()) {
                if (!OPTION_VALUE.matcher(option.value()).matches()) {
                    throw new IllegalStateException("option value not usable in SQL: " + option.value());
                }
                String column = "r." + question.column();
                // a multi-select answer holds its values comma-separated: count the answers that name the option
                sql.append(question.multi()
                        ? ", COUNT(CASE WHEN FIND_IN_SET('" + option.value() + "', " + column + ") > 0 THEN 1 END)"
                        : ", COUNT(CASE WHEN " + column + " = '" + option.value() + "' THEN 1 END)");
            }
        }
        return sql.append(" FROM survey_response r JOIN agency a ON a.id = r.agency_id WHERE r.cycle_id = ?1")
                .append(" GROUP BY r.agency_id, a.sector, r.areas, r.role_band, r.works_with").toString();
    }

    /** Every cell of the cycle: each agency's answers counted per combination of filters, by the database. */
    @SuppressWarnings("unchecked")
    static List<SurveyResults.Cell> cells(EntityManager em, long cycleId) {
        List<Object[]> rows = em.createNativeQuery(CELLS_SQL).setParameter(1, cycleId).getResultList();
        List<SurveyResults.Cell> cells = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            SurveyResults.Tally tally = new SurveyResults.Tally();
            tally.responses = ((Number) row[5]).longValue();
            int column = 6;
            for (long[] counts : tally.counts) {
                for (int o = 0; o < counts.length; o++) {
                    counts[o] = ((Number) row[column++]).longValue();
                }
            }
            cells.add(new SurveyResults.Cell(((Number) row[0]).longValue(), Sector.valueOf((String) row[1]).label,
                    (String) row[2], (String) row[3], (String) row[4], tally));
        }
        return cells;
    }

    /** The written answers of these agencies in the cycle, blanks left out, in no particular order. */
    @SuppressWarnings("unchecked")
    static List<String> freeText(EntityManager em, long cycleId, List<Long> agencyIds) {
        List<String> texts = em.createNativeQuery(
                "SELECT free_text FROM survey_response WHERE cycle_id = ?1 AND agency_id IN (?2) AND free_text IS NOT NULL")
                .setParameter(1, cycleId).setParameter(2, agencyIds).getResultList();
        return texts.stream().filter(t -> !t.isBlank()).toList();
    }
}
