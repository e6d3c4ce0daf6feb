package org.s11portal.common.template;

import io.quarkus.csrf.reactive.runtime.CsrfTokenParameterProvider;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The CSRF token for the form tag. Error pages can be rendered for requests the CSRF filter never saw
 * (a request refused before it ran); there the forms get an empty token, so the page still renders and
 * the next real page issues a token.
 */
@RequestScoped
@Named("formToken")
public class FormToken {

    @Inject
    CsrfTokenParameterProvider csrf;

    public String name() {
        return csrf.getParameterName();
    }

    public String value() {
        try {
            return csrf.getToken();
        } catch (IllegalStateException noTokenForThisRequest) {
            return "";
        }
    }
}
