package org.s11portal.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a new password must be (OWASP ASVS 2.1.1, 2.1.7): at least 12 characters, at most 128, and not on
 * the list of commonly used passwords. No composition rules: they make passwords worse, not better.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;

    private static final Set<String> COMMON = loadCommonPasswords();

    private PasswordPolicy() {
    }

    /** The problem with the password, in words for the person choosing it, or empty when it is acceptable. */
    public static Optional<String> problemWith(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("Password must be " + MIN_LENGTH + " characters or more");
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of("Password must be " + MAX_LENGTH + " characters or fewer");
        }
        if (COMMON.contains(password.toLowerCase(Locale.ROOT))) {
            return Optional.of("Password is too common: choose one that is harder to guess, such as three random words");
        }
        return Optional.empty();
    }

    private static Set<String> loadCommonPasswords() {
        try (var in = PasswordPolicy.class.getResourceAsStream("/security/common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("security/common-passwords.txt is missing from the classpath");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::trim)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.toLowerCase(Locale.ROOT))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
