package org.s11portal.common.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.s11portal.common.web.TestValidator.VALIDATOR;

import java.util.List;

import org.jboss.resteasy.reactive.RestForm;
import org.junit.jupiter.api.Test;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

class ViolationsTest {

    /** A form as posted: its own check is that the date parts make a real date. */
    static class Form {
        @RestForm
        public String name;

        @RestForm("due-day")
        public String day;

        @RestForm("due-month")
        public String month;

        @RestForm("due-year")
        public String year;

        @RestForm
        public String reason;

        Form(String name, String day, String month, String year, String reason) {
            this.name = name;
            this.day = day;
            this.month = month;
            this.year = year;
            this.reason = reason;
        }

        Parts parts() {
            return new Parts(new DateParts(day, month, year));
        }

        Typed typed() {
            return new Typed(reason, parts().due().toDate(), name);
        }
    }

    record Parts(@GovUkDate(label = "Due date") DateParts due) {
    }

    /** The typed values, components deliberately in another order than the page. */
    record Typed(
            @NotBlank(message = "Enter the reason") @Size(max = 5, message = "Reason too long") String reason,
            @jakarta.validation.constraints.NotNull(message = "Enter the due date") java.time.LocalDate due,
            @Size(max = 3, message = "Name too long") String name) {
    }

    private static FormErrors page(Form form) {
        return Violations.page(Form.class, Violations.problems(VALIDATOR.validate(form.parts())),
                Violations.problems(VALIDATOR.validate(form.typed())));
    }

    @Test
    void pageErrorsLinkToTheInputAndFollowThePageOrder() {
        FormErrors errors = page(new Form("Long name", "1", "1", "2027", ""));
        assertEquals(List.of(new FormErrors.FieldError("name", "Name too long"),
                new FormErrors.FieldError("reason", "Enter the reason")), errors.list());
    }

    @Test
    void aWrongPartOfADateLinksToThatPartAndIsNotFollowedByEnterTheDate() {
        FormErrors errors = page(new Form("ok", "1", "14", "2027", "fine"));
        assertEquals(List.of(new FormErrors.FieldError("due-month", "Due date must be a real date: check the month")),
                errors.list());
    }

    @Test
    void aMissingWholeDateLinksToItsFirstPart() {
        FormErrors errors = page(new Form("ok", "", "", "", "fine"));
        assertEquals(List.of(new FormErrors.FieldError("due-day", "Enter the due date")), errors.list());
    }

    @Test
    void aMissingValueIsSaidBeforeAnythingElseAboutIt() {
        // blank and over the limit at once: say what is missing
        FormErrors errors = page(new Form("ok", "1", "1", "2027", "      "));
        assertEquals("Enter the reason", errors.get("reason"));
    }

    @Test
    void aServiceProblemByPropertyLinksToTheInputButAnEarlierSourceWins() {
        FormErrors errors = Violations.page(Form.class,
                List.of(new InputProblem("due.year", "Due date must include a year")),
                List.of(new InputProblem("due", "There is no live cycle"), new InputProblem("reason", "Not allowed"),
                        new InputProblem("name", "Taken")));
        assertEquals(List.of(new FormErrors.FieldError("name", "Taken"),
                new FormErrors.FieldError("due-year", "Due date must include a year"),
                new FormErrors.FieldError("reason", "Not allowed")), errors.list());
    }

    @Test
    void apiErrorsPutAServiceProblemInThePlaceOfItsProperty() {
        FormErrors errors = Violations.api(Typed.class, List.of(new InputProblem("name", "Name too long"),
                new InputProblem("reason", "Unknown reason")));
        assertEquals(List.of(new FormErrors.FieldError("reason", "Unknown reason"),
                new FormErrors.FieldError("name", "Name too long")), errors.list());
    }

    @Test
    void apiErrorsUseThePropertyNamesInTheOrderOfTheTypedValues() {
        FormErrors errors = Violations.api(Typed.class, Violations.problems(VALIDATOR.validate(new Typed(null, null, "Long"))));
        assertEquals(List.of(new FormErrors.FieldError("reason", "Enter the reason"),
                new FormErrors.FieldError("due", "Enter the due date"),
                new FormErrors.FieldError("name", "Name too long")), errors.list());
    }
}
