package org.s11portal.account;

import java.net.URI;

import org.s11portal.common.config.PortalClock;
import org.s11portal.common.persistence.DatabaseUnavailable;
import org.s11portal.common.web.ClientAddress;
import org.s11portal.common.web.FormErrors;
import org.s11portal.common.web.SafeRedirect;
import org.s11portal.common.web.Violations;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Sign in, sign out, and "stay signed in" from the session-timeout warning. */
@Path("/")
public class SignInResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance signIn(String email, String next, FormErrors errors, String notice);
    }

    @Inject
    PortalClock clock;

    @Inject
    Validator validator;

    @Inject
    SignInService signInService;

    @Inject
    SessionService sessions;

    @Inject
    SessionCookies cookies;

    @Inject
    SessionCsrf csrf;

    @Inject
    CurrentUser currentUser;

    @Inject
    DatabaseUnavailable database;

    @Inject
    ClientAddress clientAddress;

    @GET
    @Path("sign-in")
    @Produces(MediaType.TEXT_HTML)
    public Response signInPage(@QueryParam("next") String next, @QueryParam("ended") boolean ended,
            @QueryParam("signedOut") boolean signedOut, @QueryParam("ready") boolean ready,
            @QueryParam("passwordChanged") boolean passwordChanged, @QueryParam("twoStepEnded") boolean twoStepEnded) {
        // the form reads nothing, but a password typed during an outage could not be checked: say so now
        database.check();
        if (currentUser.isSignedIn()) {
            return Response.seeOther(SafeRedirect.orHome(next)).build();
        }
        String notice = ready ? "Your account is ready: sign in" // useradmin's invitation and password-reset pages
                : passwordChanged ? "Your password has been changed: sign in with your new password"
                : signedOut ? "You have signed out."
                : ended ? "Your session has ended, so you have been signed out. Sign in again to continue."
                : twoStepEnded ? "Your sign-in was not finished: it timed out after 5 minutes or had too many wrong codes."
                        + " Sign in again to continue." : null;
        return Response.ok(Templates.signIn("", safeNext(next), FormErrors.none(), notice)).build();
    }

    @POST
    @Path("sign-in")
    @Produces(MediaType.TEXT_HTML)
    public Response signIn(@BeanParam SignInForm form, RoutingContext routing) {
        SignInForm.Credentials credentials = form.credentials();
        String email = credentials.email();
        FormErrors errors = Violations.page(SignInForm.class, Violations.problems(validator.validate(credentials)));
        int status = 400;
        if (errors.isEmpty()) {
            SignInService.Result result = signInService.signIn(email, form.password, clientAddress.of(routing.request()));
            switch (result.outcome()) {
                case SIGNED_IN -> {
                    if (result.secondStep() != null) {
                        return TwoStepResource.toSecondStep(result.secondStep(), safeNext(form.next), cookies);
                    }
                    csrf.renew(routing, result.session().csrfToken());
                    return Response.seeOther(SafeRedirect.orHome(form.next))
                            .header(HttpHeaders.SET_COOKIE, cookies.issue(result.session().token()))
                            .build();
                }
                case THROTTLED -> {
                    status = 429;
                    errors.add("email", "You have tried to sign in too many times. Wait 15 minutes, then try again");
                }
                case REJECTED -> errors.add("email", "Enter a correct email address and password");
            }
        }
        return Response.status(status).entity(Templates.signIn(email, safeNext(form.next), errors, null)).build();
    }

    @POST
    @Path("sign-out")
    public Response signOut(@CookieParam(SessionService.COOKIE_NAME) String token) {
        if (token != null) {
            sessions.revoke(token);
        }
        return Response.seeOther(URI.create("/sign-in?signedOut=true"))
                .header(HttpHeaders.SET_COOKIE, cookies.clear())
                .build();
    }

    /** Restarts the idle clock; answers how many seconds remain, for the timeout warning's script. */
    @POST
    @Path("session/keep-alive")
    @Authenticated
    @Produces(MediaType.APPLICATION_JSON)
    public Response keepAlive(@CookieParam(SessionService.COOKIE_NAME) String token) {
        return sessions.extend(token)
                .map(expires -> Response.ok("{\"secondsLeft\":"
                        + Math.max(0, expires.getEpochSecond() - clock.now().getEpochSecond()) + "}").build())
                .orElseGet(() -> Response.status(401).build());
    }

    static String safeNext(String next) {
        return SafeRedirect.isLocalPath(next) ? next : "";
    }
}
