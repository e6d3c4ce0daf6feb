package org.s11portal.assessment;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.s11portal.common.web.FormErrors;
import org.s11portal.tool.Question;
import org.s11portal.tool.Standard;

import jakarta.ws.rs.core.MultivaluedMap;

/**
 * Reads a standard page's fields ({@code q<id>-rating}, {@code -evidence}, {@code -impact}, {@code -naReason},
 * {@code -version}) into inputs. Only form-level checks here (a known rating, a length limit); the submission
 * rules are not checked when saving a draft.
 */
final class AnswerForms {

    private AnswerForms() {
    }

    static Map<Long, AnswerInput> read(Standard standard, MultivaluedMap<String, String> form, FormErrors errors) {
        Map<Long, AnswerInput> inputs = new LinkedHashMap<>();
        for (Question question : standard.questions) {
            String prefix = "q" + question.id + "-";
            if (!form.containsKey(prefix + "version")) {
                continue;
            }
            Rating rating = null;
            String ratingText = form.getFirst(prefix + "rating");
            if (ratingText != null && !ratingText.isBlank()) {
                try {
                    rating = Rating.valueOf(ratingText);
                } catch (IllegalArgumentException e) {
                    errors.add(prefix + "rating", question.code + ": choose one of the ratings listed");
                }
            }
            for (String field : new String[] { "evidence", "impact", "naReason" }) {
                String value = form.getFirst(prefix + field);
                if (value != null && value.length() > AnswerInput.MAX_TEXT) {
                    errors.add(prefix + field, question.code + ": must be " + AnswerInput.MAX_TEXT + " characters or fewer");
                }
            }
            Integer version = null;
            String versionText = form.getFirst(prefix + "version");
            if (versionText != null && !versionText.isBlank()) {
                try {
                    version = Integer.valueOf(versionText);
                } catch (NumberFormatException e) {
                    version = -1;
                }
            }
            inputs.put(question.id, new AnswerInput(rating, form.getFirst(prefix + "evidence"),
                    form.getFirst(prefix + "impact"), form.getFirst(prefix + "naReason"), version));
        }
        return inputs;
    }

    static String versionsJson(Map<Long, Integer> versions) {
        return versions.entrySet().stream()
                .map(e -> "\"q" + e.getKey() + "\":" + e.getValue())
                .collect(Collectors.joining(",", "{\"saved\":true,\"versions\":{", "}}"));
    }
}
