package org.s11portal.account;

import org.jboss.resteasy.reactive.RestForm;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What the sign-in page posts. The password is never echoed back into a page. */
public class SignInForm {

    static final String EMAIL_FORMAT = "Enter an email address in the correct format, like name@example.org";

    @RestForm
    public String email;

    @RestForm
    public String password;

    @RestForm
    public String next;

    /** What is checked: the email address without surrounding spaces (never null), and the password as sent. */
    record Credentials(
            @NotBlank(message = "Enter your email address")
            @Size(max = 254, message = EMAIL_FORMAT)
            @Pattern(regexp = "(?s).*@.*", message = EMAIL_FORMAT) String email,
            @NotEmpty(message = "Enter your password") String password) {
    }

    Credentials credentials() {
        return new Credentials(email == null ? "" : email.trim(), password);
    }
}
