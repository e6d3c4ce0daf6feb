package org.s11portal.account;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** The session cookie's value, on its way to {@link SessionIdentityProvider}. */
final class SessionTokenRequest extends BaseAuthenticationRequest {

    final String token;

    SessionTokenRequest(String token) {
        this.token = token;
    }
}
