package org.s11portal.survey;

import java.util.ArrayList;
import java.util.List;

import org.jboss.resteasy.reactive.RestForm;

/**
 * The staff survey form as posted. Read field by field rather than as one map: RESTEasy Reactive then parses
 * the body on the IO thread instead of handing it to a worker thread that waits for it (see
 * {@link SurveyResource#send}).
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

    /** What was sent for the question, blanks left out. */
    public List<String> answer(SurveyDefinition.Question question) {
        List<String> values = switch (question.number()) {
            case 1 -> q1;
            case 2 -> q2;
            case 3 -> q3;
            case 4 -> q4;
            case 5 -> q5;
            case 6 -> q6;
            case 7 -> q7;
            case 8 -> q8;
            case 9 -> q9;
            case 10 -> q10;
            case 11 -> q11;
            case 12 -> q12;
            case 13 -> q13;
            case 14 -> q14;
            default -> throw new IllegalArgumentException("the survey form has no field for question " + question.number());
        };
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
