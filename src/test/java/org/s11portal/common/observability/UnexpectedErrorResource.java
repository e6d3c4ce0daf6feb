package org.s11portal.common.observability;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** Test only: a page that fails as a bug would, so that the 500 page and its log line can be checked. */
@Path("/test-only/unexpected-error")
@PermitAll
public class UnexpectedErrorResource {

    @GET
    public String fail() {
        throw new IllegalStateException("a bug that the page must not show");
    }
}
