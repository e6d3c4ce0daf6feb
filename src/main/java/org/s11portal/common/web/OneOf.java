package org.s11portal.common.web;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.Arrays;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A text that is empty (nothing chosen) or exactly the name of one constant of {@link #value()}: a choice from a
 * list posted as text (a select, radios) before it becomes the enum.
 */
@Documented
@Constraint(validatedBy = OneOf.Validator.class)
@Target({ FIELD, METHOD, PARAMETER, RECORD_COMPONENT })
@Retention(RUNTIME)
public @interface OneOf {

    Class<? extends Enum<?>> value();

    String message() default "Select an option from the list";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<OneOf, String> {

        private Enum<?>[] constants;

        @Override
        public void initialize(OneOf annotation) {
            constants = annotation.value().getEnumConstants();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || value.isBlank() || Arrays.stream(constants).anyMatch(c -> c.name().equals(value));
        }
    }
}
