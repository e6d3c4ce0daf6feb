package org.s11portal.common.web;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A {@link DateParts} that is empty or a real date from {@value DateParts#FIRST_YEAR} to {@value DateParts#LAST_YEAR}.
 * The violation is reported on the wrong part (property path {@code startDate.day}), so the error summary links to
 * that input, and the message starts with {@link #label()}: "Start date must be a real date: check the day".
 */
@Documented
@Constraint(validatedBy = GovUkDate.Validator.class)
@Target({ FIELD, METHOD, PARAMETER, RECORD_COMPONENT })
@Retention(RUNTIME)
public @interface GovUkDate {

    /** How messages name the date, e.g. "Start date". */
    String label();

    String message() default "Enter a real date";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<GovUkDate, DateParts> {

        private String label;

        @Override
        public void initialize(GovUkDate annotation) {
            label = annotation.label();
        }

        @Override
        public boolean isValid(DateParts value, ConstraintValidatorContext context) {
            DateParts.Fault fault = value == null ? null : value.fault();
            if (fault == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(Violations.literal(fault.message(label)))
                    .addPropertyNode(fault.part()).addConstraintViolation();
            return false;
        }
    }
}
