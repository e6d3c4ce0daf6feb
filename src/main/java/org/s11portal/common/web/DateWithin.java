package org.s11portal.common.web;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.time.LocalDate;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A {@link LocalDate} (or none) in the years the portal accepts, the same range a {@link GovUkDate} allows: for
 * typed input such as the JSON API, where the date is already a date and only its range is checked.
 */
@Documented
@Constraint(validatedBy = DateWithin.Validator.class)
@Target({ FIELD, METHOD, PARAMETER, RECORD_COMPONENT })
@Retention(RUNTIME)
public @interface DateWithin {

    /** How the message names the date, e.g. "Start date". */
    String label();

    String message() default "Enter a date from " + DateParts.FIRST_YEAR + " to " + DateParts.LAST_YEAR;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<DateWithin, LocalDate> {

        private String label;

        @Override
        public void initialize(DateWithin annotation) {
            label = annotation.label();
        }

        @Override
        public boolean isValid(LocalDate value, ConstraintValidatorContext context) {
            if (value == null || (value.getYear() >= DateParts.FIRST_YEAR && value.getYear() <= DateParts.LAST_YEAR)) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(Violations.literal(label + " must be a date from "
                    + DateParts.FIRST_YEAR + " to " + DateParts.LAST_YEAR)).addConstraintViolation();
            return false;
        }
    }
}
