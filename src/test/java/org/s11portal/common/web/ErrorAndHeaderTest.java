package org.s11portal.common.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.net.URL;

import org.junit.jupiter.api.Test;

import org.s11portal.agency.Area;
import org.s11portal.support.Fixtures;
import org.s11portal.support.WebSession;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

@QuarkusTest
class ErrorAndHeaderTest {

    @Test
    void anUnknownPageGetsTheServicesOwn404WithSecurityHeaders() {
        given().get("/no-such-page").then().statusCode(404)
                .contentType(containsString("text/html"))
                .body(containsString("Page not found"))
                .body(containsString("/assets/govuk/govuk-frontend.min.css"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "same-origin");
    }

    @Test
    void apiErrorsAreProblemJson() {
        given().get("/api/v1/no-such-thing").then().statusCode(404)
                .contentType(containsString("application/problem+json"))
                .body("status", equalTo(404))
                .body("title", equalTo("Not found"));
    }

    @Test
    void pagesAndStaticFilesCarryTheSecurityHeaders() {
        given().get("/").then().statusCode(200)
                .header("Content-Security-Policy", containsString("default-src 'self'"))
                .header("X-Frame-Options", "DENY");
        given().get("/assets/portal.css").then().statusCode(200)
                .header("X-Content-Type-Options", "nosniff");
    }

    @Test
    void noGovukFontOrCrownIsServed() {
        given().get("/assets/govuk/govuk-frontend.min.css").then().statusCode(200)
                .body(not(containsString("GDS Transport")))
                .body(not(containsString("#1d70b8")));
        given().get("/assets/fonts/light-94a07e06a1-v2.woff2").then().statusCode(404);
        given().get("/webjars/govuk-frontend/5.14.0/dist/govuk/assets/images/govuk-crest.svg").then().statusCode(404);
    }

    @Test
    void browsersFindTheServicesOwnIcon() {
        given().get("/favicon.ico").then().statusCode(200).contentType(containsString("image/"));
        given().get("/assets/favicon.svg").then().statusCode(200).contentType(containsString("image/svg+xml"));
    }

    @Inject
    Fixtures fixtures;

    @Test
    void badPathParametersAreNotFoundAndNeverLeakDetails() {
        WebSession.signedIn(fixtures.moderator(Area.HAMPSHIRE).email).get("/agencies/not-a-number").then().statusCode(404)
                .body(not(containsString("Exception")))
                .body(not(containsString("NumberFormat")));
    }

    // relative to the management interface's root path, /q
    @TestHTTPResource(value = "health/ready", management = true)
    URL readiness;

    @Test
    void healthReportsTheDatabaseOnTheManagementPort() {
        given().get(readiness).then().statusCode(200)
                .body("status", equalTo("UP"))
                .body(containsString("Database connections health check"));
    }

    @Test
    void healthAndMetricsAreNotServedOnThePublicPort() {
        for (String path : new String[] {"/q/health", "/q/health/ready", "/q/health/live", "/q/metrics"}) {
            given().get(path).then().statusCode(404)
                    .body(not(containsString("\"status\"")))
                    .body(not(containsString("# TYPE")));
        }
    }
}
