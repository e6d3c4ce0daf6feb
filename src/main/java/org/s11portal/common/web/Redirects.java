package org.s11portal.common.web;

import java.net.URI;

import jakarta.ws.rs.core.Response;

/** POST-redirect-GET: every successful form post answers 303 See Other. */
public final class Redirects {

    private Redirects() {
    }

    public static Response seeOther(String localPath) {
        return Response.seeOther(URI.create(localPath)).build();
    }
}
