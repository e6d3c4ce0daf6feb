package org.s11portal.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    @Test
    void acceptsLongUncommonPasswords() {
        assertTrue(PasswordPolicy.problemWith("tulip-kettle-harbour").isEmpty());
    }

    @Test
    void rejectsShortPasswords() {
        assertEquals("Password must be 12 characters or more", PasswordPolicy.problemWith("elevenchars").orElseThrow());
    }

    @Test
    void rejectsCommonPasswordsWhateverTheirCase() {
        assertTrue(PasswordPolicy.problemWith("Password1234").orElseThrow().startsWith("Password is too common"));
    }

    @Test
    void rejectsOverlongPasswords() {
        assertTrue(PasswordPolicy.problemWith("x".repeat(129)).isPresent());
    }
}
