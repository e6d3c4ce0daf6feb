package org.s11portal.common.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.s11portal.common.web.TestValidator.VALIDATOR;

import java.util.List;

import org.junit.jupiter.api.Test;

class OneOfTest {

    enum Colour {
        RED, GREEN
    }

    record Input(@OneOf(value = Colour.class, message = "Select a colour from the list") String colour) {
    }

    private static List<InputProblem> problems(String value) {
        return Violations.problems(VALIDATOR.validate(new Input(value)));
    }

    @Test
    void nothingChosenOrAConstantsNameIsAllowed() {
        assertTrue(problems(null).isEmpty());
        assertTrue(problems(" ").isEmpty());
        assertTrue(problems("GREEN").isEmpty());
    }

    @Test
    void anythingElseIsAProblem() {
        for (String value : new String[] { "BLUE", "green", " RED", "0" }) {
            assertEquals(List.of(new InputProblem("colour", "Select a colour from the list")), problems(value), value);
        }
    }
}
