package org.s11portal.survey;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

import org.jboss.resteasy.reactive.RestForm;

/**
 * The staff survey form as posted. Read field by field rather than as one map: RESTEasy Reactive then parses
 * the body on the IO thread instead of handing it to a worker thread that waits for it (see
 * {@link SurveyResource#send}). RESTEasy needs one declared field per question; each is named as
 * {@link SurveyDefinition} names the question's field, and found by that name.
 */
public class SurveyForm {

    @RestForm
    public String nonce;

    @RestForm
    public List<String> areas;

    @RestForm
    public String roleBand;

    @RestForm
    public String worksWith;

    @RestForm
    public List<String> q1;

    @RestForm
    public List<String> q2;

    @RestForm
    public List<String> q3;

    @RestForm
    public List<String> q4;

    @RestForm
    public List<String> q5;

    @RestForm
    public List<String> q6;

    @RestForm
    public List<String> q7;

    @RestForm
    public List<String> q8;

    @RestForm
    public List<String> q9;

    @RestForm
    public List<String> q10;

    @RestForm
    public List<String> q11;

    @RestForm
    public List<String> q12;

    @RestForm
    public List<String> q13;

    @RestForm
    public List<String> q14;

    @RestForm
    public String freeText;

    /** The field of each question, by the name {@link SurveyDefinition} gives it; a question without one stops the portal starting. */
    private static final Field[] FIELDS = SurveyDefinition.QUESTIONS.stream().map(SurveyForm::field).toArray(Field[]::new);

    private static Field field(SurveyDefinition.Question question) {
        try {
            return SurveyForm.class.getField(question.field());
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("the survey form has no field for question " + question.number(), e);
        }
    }

    /** What was sent for the question, blanks left out. */
    @SuppressWarnings("unchecked")
    public List<String> answer(SurveyDefinition.Question question) {
        List<String> values;
        try {
            values = (List<String>) FIELDS[question.number() - 1].get(this);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
        if (values == null) {
            return List.of();
        }
        List<String> sent = new ArrayList<>(values.size());
        for (String value : values) {
            if (!value.isBlank()) {
                sent.add(value);
            }
        }
        return sent;
    }

    public List<String> areas() {
        return areas == null ? List.of() : areas;
    }
}
