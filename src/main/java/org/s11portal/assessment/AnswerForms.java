package org.s11portal.assessment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.s11portal.common.web.FormErrors;
import org.s11portal.common.web.InputProblem;
import org.s11portal.common.web.OneOf;
import org.s11portal.common.web.Violations;
import org.s11portal.tool.Question;
import org.s11portal.tool.Standard;

import jakarta.validation.Validator;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.core.MultivaluedMap;

/**
 * Reads a standard page's fields ({@code q<id>-rating}, {@code -evidence}, {@code -impact}, {@code -naReason},
 * {@code -version}) into inputs. Only form-level checks here (a known rating, a length limit), as constraints on
 * {@link AnswerFields}; the submission rules are not checked when saving a draft.
 */
final class AnswerForms {

    private AnswerForms() {
    }

    /** One question's fields as the page posts them, before they become an {@link AnswerInput}. */
    record AnswerFields(
            @OneOf(value = Rating.class, message = "choose one of the ratings listed") String rating,
            @Size(max = AnswerInput.MAX_TEXT, message = AnswerInput.TOO_LONG) String evidence,
            @Size(max = AnswerInput.MAX_TEXT, message = AnswerInput.TOO_LONG) String impact,
            @Size(max = AnswerInput.MAX_TEXT, message = AnswerInput.TOO_LONG) String naReason) {
    }

    /**
     * The inputs of the questions the page posted (a rating that is not one of the list is null); their problems go
     * to {@code errors}, on the question's own input ({@code q12-evidence}) and named by its code ("T1.Q2: ...").
     */
    static Map<Long, AnswerInput> read(Standard standard, MultivaluedMap<String, String> form, Validator validator,
            FormErrors errors) {
        Map<Long, AnswerInput> inputs = new LinkedHashMap<>();
        for (Question question : standard.questions) {
            String prefix = "q" + question.id + "-";
            if (!form.containsKey(prefix + "version")) {
                continue;
            }
            AnswerFields fields = new AnswerFields(form.getFirst(prefix + "rating"), form.getFirst(prefix + "evidence"),
                    form.getFirst(prefix + "impact"), form.getFirst(prefix + "naReason"));
            List<InputProblem> problems = Violations.problems(validator.validate(fields));
            Violations.addTo(errors, prefix, question.code + ": ", problems);
            Rating rating = fields.rating() == null || fields.rating().isBlank()
                    || problems.stream().anyMatch(p -> p.property().equals("rating")) ? null : Rating.valueOf(fields.rating());
            Integer version = null;
            String versionText = form.getFirst(prefix + "version");
            if (versionText != null && !versionText.isBlank()) {
                try {
                    version = Integer.valueOf(versionText);
                } catch (NumberFormatException e) {
                    version = -1;
                }
            }
            inputs.put(question.id, new AnswerInput(rating, fields.evidence(), fields.impact(), fields.naReason(), version));
        }
        return inputs;
    }

    static String versionsJson(Map<Long, Integer> versions) {
        return versions.entrySet().stream()
                .map(e -> "\"q" + e.getKey() + "\":" + e.getValue())
                .collect(Collectors.joining(",", "{\"saved\":true,\"versions\":{", "}}"));
    }
}
