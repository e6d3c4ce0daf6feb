package org.s11portal.account;

import org.jboss.resteasy.reactive.RestForm;

/** What the sign-in page posts. The password is never echoed back into a page. */
public class SignInForm {

    @RestForm
    public String email;

    @RestForm
    public String password;

    @RestForm
    public String next;
}
