package org.s11portal.useradmin;

import org.jboss.resteasy.reactive.RestForm;

/** A new password, typed twice. */
public class PasswordForm {

    @RestForm
    public String password;

    @RestForm
    public String confirmPassword;
}
