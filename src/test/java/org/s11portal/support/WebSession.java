package org.s11portal.support;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * A browser-like client for REST Assured tests: keeps cookies, reads the CSRF token from the page's form,
 * and signs in through the real sign-in form.
 */
public final class WebSession {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    private final Map<String, String> cookies = new HashMap<>();
    private String csrfToken;

    public static WebSession anonymous() {
        return new WebSession();
    }

    public static WebSession signedIn(String email) {
        WebSession session = new WebSession();
        Response response = session.signIn(email, Fixtures.PASSWORD);
        if (response.statusCode() != 303) {
            throw new AssertionError("sign-in failed for " + email + ": " + response.statusCode());
        }
        return session;
    }

    /** Loads the sign-in page (for its CSRF cookie and token) and posts the form. */
    public Response signIn(String email, String password) {
        get("/sign-in");
        return post("/sign-in", Map.of("email", email, "password", password));
    }

    public RequestSpecification request() {
        return given().redirects().follow(false).cookies(cookies);
    }

    public Response get(String path) {
        Response response = request().get(path);
        remember(response);
        Matcher matcher = CSRF_FIELD.matcher(response.asString());
        if (matcher.find()) {
            csrfToken = matcher.group(1);
        }
        return response;
    }

    public Response post(String path, Map<String, String> form) {
        RequestSpecification request = request().contentType("application/x-www-form-urlencoded; charset=UTF-8");
        form.forEach(request::formParam);
        if (csrfToken != null) {
            request.formParam("csrf-token", csrfToken);
        }
        Response response = request.post(path);
        remember(response);
        return response;
    }

    /** A JSON API request with the session cookie and the CSRF header, as an agency's own tool would send. */
    public RequestSpecification api() {
        RequestSpecification request = request().contentType("application/json").accept("application/json");
        if (cookies.containsKey("csrf-token")) {
            request.header("X-CSRF-TOKEN", cookies.get("csrf-token"));
        }
        return request;
    }

    public String cookie(String name) {
        return cookies.get(name);
    }

    public Map<String, String> cookies() {
        return Map.copyOf(cookies);
    }

    private void remember(Response response) {
        response.getDetailedCookies().asList().forEach(cookie -> {
            if (cookie.getMaxAge() == 0 || cookie.getValue().isEmpty()) {
                cookies.remove(cookie.getName());
            } else {
                cookies.put(cookie.getName(), cookie.getValue());
            }
        });
    }
}
