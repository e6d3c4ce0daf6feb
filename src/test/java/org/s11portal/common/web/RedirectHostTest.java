package org.s11portal.common.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.s11portal.agency.Area;
import org.s11portal.support.Fixtures;
import org.s11portal.support.WebSession;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** A forged Host header never reaches a redirect: every Location is a relative path of ours. */
@QuarkusTest
class RedirectHostTest {

    @Inject
    Fixtures fixtures;

    @Test
    void signInRedirectsRelativelyWhateverTheHostHeader() {
        WebSession session = WebSession.anonymous();
        session.get("/sign-in");
        String email = fixtures.moderator(Area.HAMPSHIRE).email;
        session.request().header("Host", "evil.example").contentType("application/x-www-form-urlencoded")
                .formParam("email", email).formParam("password", Fixtures.PASSWORD)
                .formParam("csrf-token", session.csrfToken()).formParam("next", "/home")
                .post("/sign-in")
                .then().statusCode(303)
                // a moderator's next step is the two-step code, still on a relative address
                .header("Location", equalTo("/sign-in/two-step?next=%2Fhome"));
    }

    @Test
    void aSignedInVisitToTheSignInPageRedirectsRelatively() {
        WebSession lead = WebSession.signedIn(fixtures.moderator(Area.HAMPSHIRE).email);
        lead.request().header("Host", "evil.example").get("/sign-in?next=/home")
                .then().statusCode(303)
                .header("Location", equalTo("/home"))
                .header("Location", not(containsString("evil")));
    }

    @Test
    void signOutRedirectsRelativelyWithAQuery() {
        WebSession lead = WebSession.signedIn(fixtures.moderator(Area.HAMPSHIRE).email);
        lead.get("/home");
        lead.request().header("Host", "evil.example:8443").contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", lead.csrfToken()).post("/sign-out")
                .then().statusCode(303)
                .header("Location", equalTo("/sign-in?signedOut=true"));
    }

    @Test
    void anUnauthenticatedPageRedirectsToSignInRelatively() {
        given().redirects().follow(false).header("Host", "evil.example").get("/home")
                .then().statusCode(302)
                .header("Location", equalTo("/sign-in?next=%2Fhome"));
    }

    static Map<String, String> none() {
        return Map.of();
    }
}
