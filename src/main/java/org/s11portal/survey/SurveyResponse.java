package org.s11portal.survey;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.s11portal.agency.Agency;
import org.s11portal.cycle.Cycle;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * One anonymous answer to the staff survey. Deliberately holds nothing that singles a person out: a
 * random id (no order), the day (not the time), coarse filters and the answers. No link, address, agent,
 * cookie or account. SurveyAnonymityTest fails if a column is added here or in the table.
 * <p>
 * The answers have one field per question of {@link SurveyDefinition}, named as the definition names them
 * ({@code q1}...); a question without its field stops the portal starting.
 */
@Entity
@Table(name = "survey_response")
public class SurveyResponse extends PanacheEntityBase {

    @Id
    @Column(length = 32, columnDefinition = "char(32)")
    public String id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "agency_id")
    public Agency agency;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "cycle_id")
    public Cycle cycle;

    @Column(name = "survey_version", nullable = false, length = 20)
    public String surveyVersion;

    @Column(name = "answered_on", nullable = false)
    public LocalDate answeredOn;

    /** Area codes the person works in, comma-separated, or null when not given. */
    @Column(length = 100)
    public String areas;

    @Column(name = "role_band", length = 20)
    public String roleBand;

    @Column(name = "works_with", length = 20)
    public String worksWith;

    @Column(length = 12)
    public String q1;
    @Column(length = 12)
    public String q2;
    @Column(length = 12)
    public String q3;
    @Column(length = 12)
    public String q4;
    @Column(length = 12)
    public String q5;
    @Column(length = 12)
    public String q6;
    @Column(length = 12)
    public String q7;
    @Column(length = 12)
    public String q8;
    @Column(length = 12)
    public String q9;
    @Column(length = 12)
    public String q10;
    @Column(length = 12)
    public String q11;
    @Column(length = 12)
    public String q12;
    /** Multi-select, comma-separated. */
    @Column(length = 120)
    public String q13;
    @Column(length = 12)
    public String q14;

    @Column(name = "free_text", columnDefinition = "text")
    public String freeText;

    /** A column of survey_response and the field of this entity mapped to it. */
    public record MappedColumn(String field, String name) {
    }

    /**
     * The table's columns, read once from this entity's mapping: the writer's insert and the results' queries are
     * built from this list and from {@link SurveyDefinition}, so the columns are written out only here.
     */
    public static final List<MappedColumn> COLUMNS = mappedColumns();

    /** The field of each question, found by the name the definition gives it. */
    private static final Map<Integer, Field> ANSWER_FIELDS = answerFields();

    public String answer(int number) {
        try {
            return (String) answerField(number).get(this);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    public void answer(int number, String value) {
        try {
            answerField(number).set(this, value);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Field answerField(int number) {
        Field field = ANSWER_FIELDS.get(number);
        if (field == null) {
            throw new IllegalArgumentException("no question " + number);
        }
        return field;
    }

    private static List<MappedColumn> mappedColumns() {
        List<MappedColumn> columns = new ArrayList<>();
        for (Field field : SurveyResponse.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers())) {
                continue;
            }
            JoinColumn join = field.getAnnotation(JoinColumn.class);
            Column column = field.getAnnotation(Column.class);
            if (join != null) {
                columns.add(new MappedColumn(field.getName(), join.name()));
            } else if (column != null) {
                columns.add(new MappedColumn(field.getName(), column.name().isEmpty() ? field.getName() : column.name()));
            }
        }
        return List.copyOf(columns);
    }

    private static Map<Integer, Field> answerFields() {
        Map<Integer, Field> fields = new HashMap<>();
        for (SurveyDefinition.Question question : SurveyDefinition.QUESTIONS) {
            try {
                // declared, not public: Panache makes an entity's public fields private behind accessors
                Field field = SurveyResponse.class.getDeclaredField(question.field());
                field.setAccessible(true);
                if (COLUMNS.stream().noneMatch(c -> c.field().equals(question.field()) && c.name().equals(question.column()))) {
                    throw new IllegalStateException("SurveyResponse." + question.field() + " is not mapped to column " + question.column());
                }
                fields.put(question.number(), field);
            } catch (NoSuchFieldException e) {
                throw new IllegalStateException("SurveyResponse has no field for question " + question.number(), e);
            }
        }
        return Map.copyOf(fields);
    }
}
