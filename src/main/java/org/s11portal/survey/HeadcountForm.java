package org.s11portal.survey;

import java.math.BigInteger;
import java.util.List;

import org.jboss.resteasy.reactive.RestForm;
import org.s11portal.agency.Agency;
import org.s11portal.common.web.FormErrors;
import org.s11portal.common.web.InputProblem;
import org.s11portal.common.web.Violations;

import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** The lead's headcount form on the staff-survey page: how many staff and volunteers the agency has. */
public class HeadcountForm {

    static final String RANGE = "Headcount must be between 1 and 500,000";

    @RestForm
    public String headcount;

    /** What was typed, without spaces around it and thousands separators: "1,250" is 1250. */
    record Typed(
            @NotBlank(message = "Enter how many staff and volunteers your agency has")
            @Pattern(regexp = "-?[0-9]+", message = "Headcount must be a whole number, like 250") String headcount) {
    }

    /** The number, once it is one; however many digits were typed. */
    record Number(
            @Min(value = Agency.MIN_HEADCOUNT, message = RANGE)
            @Max(value = Agency.MAX_HEADCOUNT, message = RANGE) BigInteger headcount) {
    }

    /** The form's problems: a number is checked for its range only once it is a whole number. */
    FormErrors errors(Validator validator) {
        Typed typed = new Typed(headcount == null ? "" : headcount.strip().replace(",", ""));
        List<InputProblem> problems = Violations.problems(validator.validate(typed));
        if (problems.isEmpty()) {
            problems = Violations.problems(validator.validate(new Number(new BigInteger(typed.headcount()))));
        }
        return Violations.page(HeadcountForm.class, problems);
    }

    /** The headcount; only once {@link #errors} found none. */
    int value() {
        return Integer.parseInt(headcount.strip().replace(",", ""));
    }
}
