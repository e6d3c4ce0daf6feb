package org.s11portal.support;

import static io.restassured.RestAssured.given;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkus.arc.Arc;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * A browser-like client for REST Assured tests: keeps cookies, reads the CSRF token from the page's form,
 * and signs in through the real sign-in form.
 */
public final class WebSession {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");
    private static final String CSRF_COOKIE = "csrf-token";
    private static final Pattern NEXT_FIELD = Pattern.compile("name=\"next\" value=\"([^\"]*)\"");

    private final Map<String, String> cookies = new HashMap<>();
    private final Map<String, String> headers = new HashMap<>();
    private String csrfToken;
    private RestAssuredConfig config;
    private boolean completesTwoStep = true;

    public static WebSession anonymous() {
        return new WebSession();
    }

    /**
     * A browser on another machine: connects from another loopback address (Linux routes all of 127.0.0.0/8
     * to the loopback), so the portal sees a different remote address without any test-only header.
     */
    public static WebSession anonymousFrom(String loopbackAddress) {
        WebSession session = new WebSession();
        try {
            session.config = RestAssured.config().httpClient(HttpClientConfig.httpClientConfig()
                    .setParam("http.route.local-address", InetAddress.getByName(loopbackAddress)));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(loopbackAddress, e);
        }
        return session;
    }

    public static WebSession signedIn(String email) {
        WebSession session = new WebSession();
        Response response = session.signIn(email, Fixtures.PASSWORD);
        if (response.statusCode() != 303) {
            throw new AssertionError("sign-in failed for " + email + ": " + response.statusCode());
        }
        return session;
    }

    /**
     * This browser stops after the password: a test of two-step sign-in takes the second step itself. Otherwise a
     * sign-in post that leads to the code step is followed through with the code the user's app shows now
     * ({@link Fixtures#twoStepCode}), and answers as the code step does (303 to where the user was going, with the session).
     */
    public WebSession withoutTwoStepHelp() {
        completesTwoStep = false;
        return this;
    }

    /** Loads the sign-in page (for its CSRF cookie and token) and posts the form. */
    public Response signIn(String email, String password) {
        get("/sign-in");
        return post("/sign-in", Map.of("email", email, "password", password));
    }

    /**
     * Every request from now on carries this X-Forwarded-For, as a load balancer in front would send it (or a client
     * forging one).
     */
    public WebSession forwardedFor(String addresses) {
        headers.put("X-Forwarded-For", addresses);
        return this;
    }

    public RequestSpecification request() {
        RequestSpecification request = given().redirects().follow(false).cookies(cookies).headers(headers);
        return config == null ? request : request.config(config);
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
        Response response = postOnly(path, form);
        String location = response.header("Location");
        if (completesTwoStep && "/sign-in".equals(path) && response.statusCode() == 303 && location != null
                && location.contains("/sign-in/two-step") && !location.contains("/set-up")) {
            return secondStep(form.get("email"), location.substring(location.indexOf("/sign-in/two-step")));
        }
        return response;
    }

    /** The code step, as a person with the authenticator app would take it. */
    private Response secondStep(String email, String codePage) {
        Response page = request().urlEncodingEnabled(false).get(codePage);
        remember(page);
        Matcher csrf = CSRF_FIELD.matcher(page.asString());
        if (csrf.find()) {
            csrfToken = csrf.group(1);
        }
        Matcher next = NEXT_FIELD.matcher(page.asString());
        String code = Arc.container().instance(Fixtures.class).get().twoStepCode(email);
        return postOnly("/sign-in/two-step", Map.of("code", code, "next", next.find() ? next.group(1) : ""));
    }

    private Response postOnly(String path, Map<String, String> form) {
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

    /** The CSRF token the next form post sends (the one the last page's form held, or the renewed cookie's). */
    public String csrfToken() {
        return csrfToken;
    }

    private void remember(Response response) {
        response.getDetailedCookies().asList().forEach(cookie -> {
            if (cookie.getMaxAge() == 0 || cookie.getValue().isEmpty()) {
                cookies.remove(cookie.getName());
            } else {
                cookies.put(cookie.getName(), cookie.getValue());
                if (CSRF_COOKIE.equals(cookie.getName())) {
                    // double submit: a form's token is the cookie's value; a browser would read it from the next page
                    csrfToken = cookie.getValue();
                }
            }
        });
    }
}
