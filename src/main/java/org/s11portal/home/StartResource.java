package org.s11portal.home;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The public pages: the start page and the accessibility statement. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class StartResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance start();

        static native TemplateInstance accessibility();
    }

    @GET
    public TemplateInstance start() {
        return Templates.start();
    }

    @GET
    @Path("accessibility")
    public TemplateInstance accessibility() {
        return Templates.accessibility();
    }
}
