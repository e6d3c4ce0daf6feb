package org.s11portal.account;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.jboss.resteasy.reactive.RestForm;
import org.s11portal.common.web.ClientAddress;
import org.s11portal.common.web.FormErrors;
import org.s11portal.common.web.Redirects;
import org.s11portal.common.web.SafeRedirect;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Two-step sign-in pages. Signing in ({@code /sign-in/two-step...}, before any session, on the pending sign-in's
 * cookie): the code, or for a required role without an app, setting one up and seeing the recovery codes. The signed-in
 * user's own page ({@code /account/two-step...}): status, set up, new recovery codes, turn off where the role allows.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class TwoStepResource {

    /** The pending sign-in's cookie (its token; the row keeps only the hash). */
    public static final String PENDING_COOKIE = "s11_two_step";

    static final String ENTER_CODE = "Enter the code from your authenticator app";
    static final String WRONG_CODE = "The code is not right: enter the code your authenticator app shows now";
    static final String TOO_MANY = "You have entered too many wrong codes. Wait 15 minutes, then try again";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance code(String next, FormErrors errors);

        static native TemplateInstance setUp(TwoStepService.SetUp setUp, String action, String next, FormErrors errors,
                boolean atSignIn);

        static native TemplateInstance recoveryCodes(List<String> codes, String action, String next, boolean atSignIn);

        static native TemplateInstance account(TwoStepService.Status status, String done, boolean recoveryCodeUsed,
                String next);

        static native TemplateInstance turnOff(FormErrors errors);
    }

    @Inject
    TwoStepService twoStep;

    @Inject
    ClientAddress clientAddress;

    @Inject
    SessionCookies cookies;

    @Inject
    SessionCsrf csrf;

    @Inject
    CurrentUser currentUser;

    /** Where a right password leads when a second step is needed: the pending sign-in's cookie goes with it. */
    static Response toSecondStep(SignInService.SecondStep step, String next, SessionCookies cookies) {
        String path = step.need() == TwoStepService.Need.SET_UP ? "/sign-in/two-step/set-up" : "/sign-in/two-step";
        return Response.seeOther(URI.create(path + nextQuery("?", next)))
                .header(HttpHeaders.SET_COOKIE, cookies.issuePending(step.token()))
                .build();
    }

    // --- signing in -------------------------------------------------------------------------------------------

    @GET
    @Path("sign-in/two-step")
    public Response codePage(@CookieParam(PENDING_COOKIE) String token, @QueryParam("next") String next) {
        TwoStepService.Pending pending = twoStep.pending(token).orElse(null);
        if (pending == null) {
            return ended(next);
        }
        if (!pending.setUp() || pending.setUpNow()) {
            return Redirects.seeOther((pending.setUp() ? "/sign-in/two-step/recovery-codes" : "/sign-in/two-step/set-up")
                    + nextQuery("?", next));
        }
        return Response.ok(Templates.code(SignInResource.safeNext(next), FormErrors.none())).build();
    }

    @POST
    @Path("sign-in/two-step")
    public Response code(@CookieParam(PENDING_COOKIE) String token, @RestForm String code, @RestForm String next,
            RoutingContext routing) {
        String safeNext = SignInResource.safeNext(next);
        if (code == null || code.isBlank()) {
            return Response.status(400).entity(Templates.code(safeNext,
                    FormErrors.none().add("code", ENTER_CODE + ", or a recovery code"))).build();
        }
        TwoStepService.Checked checked = twoStep.signInWithCode(token, code, clientAddress.of(routing.request()));
        return switch (checked.outcome()) {
            case ACCEPTED -> signedIn(checked.session(), checked.recoveryCodeUsed()
                    ? URI.create("/account/two-step?recoveryCodeUsed=true" + nextQuery("&", safeNext))
                    : SafeRedirect.orHome(safeNext), routing);
            case WRONG -> Response.status(400).entity(Templates.code(safeNext,
                    FormErrors.none().add("code", WRONG_CODE + ", or a recovery code you have not used"))).build();
            case THROTTLED -> Response.status(429).entity(Templates.code(safeNext, FormErrors.none().add("code", TOO_MANY)))
                    .build();
            case ENDED -> ended(safeNext);
        };
    }

    @GET
    @Path("sign-in/two-step/set-up")
    public Response setUpAtSignInPage(@CookieParam(PENDING_COOKIE) String token, @QueryParam("next") String next) {
        TwoStepService.Pending pending = twoStep.pending(token).orElse(null);
        if (pending == null) {
            return ended(next);
        }
        if (pending.setUp()) {
            return Redirects.seeOther((pending.setUpNow() ? "/sign-in/two-step/recovery-codes" : "/sign-in/two-step")
                    + nextQuery("?", next));
        }
        return setUpAtSignIn(pending, next, FormErrors.none(), 200);
    }

    @POST
    @Path("sign-in/two-step/set-up")
    public Response setUpAtSignIn(@CookieParam(PENDING_COOKIE) String token, @RestForm String code,
            @RestForm String next, RoutingContext routing) {
        TwoStepService.Pending pending = twoStep.pending(token).orElse(null);
        if (pending == null) {
            return ended(next);
        }
        if (code == null || code.isBlank()) {
            return setUpAtSignIn(pending, next, FormErrors.none().add("code", ENTER_CODE), 400);
        }
        TwoStepService.Checked checked = twoStep.confirmAtSignIn(token, code, clientAddress.of(routing.request()));
        return switch (checked.outcome()) {
            case ACCEPTED -> Redirects.seeOther("/sign-in/two-step/recovery-codes" + nextQuery("?", next));
            case WRONG -> setUpAtSignIn(pending, next, FormErrors.none().add("code", WRONG_CODE), 400);
            case THROTTLED -> setUpAtSignIn(pending, next, FormErrors.none().add("code", TOO_MANY), 429);
            case ENDED -> ended(next);
        };
    }

    @GET
    @Path("sign-in/two-step/recovery-codes")
    public Response recoveryCodesAtSignInPage(@CookieParam(PENDING_COOKIE) String token, @QueryParam("next") String next) {
        TwoStepService.Pending pending = twoStep.pending(token).orElse(null);
        if (pending == null || !pending.setUpNow()) {
            return pending == null ? ended(next) : Redirects.seeOther("/sign-in/two-step" + nextQuery("?", next));
        }
        return Response.ok(Templates.recoveryCodes(twoStep.codesToShow(pending.userId()), "/sign-in/two-step/recovery-codes",
                SignInResource.safeNext(next), true)).build();
    }

    @POST
    @Path("sign-in/two-step/recovery-codes")
    public Response finishSetUpAtSignIn(@CookieParam(PENDING_COOKIE) String token, @RestForm String next,
            RoutingContext routing) {
        return twoStep.finishSetUp(token)
                .map(session -> signedIn(session, SafeRedirect.orHome(SignInResource.safeNext(next)), routing))
                .orElseGet(() -> ended(next));
    }

    // --- the signed-in user's own page ------------------------------------------------------------------------

    @GET
    @Path("account/two-step")
    @Authenticated
    public TemplateInstance account(@QueryParam("done") String done, @QueryParam("recoveryCodeUsed") boolean recoveryCodeUsed,
            @QueryParam("next") String next) {
        return Templates.account(twoStep.status(currentUser.user()), done == null ? "" : done, recoveryCodeUsed,
                SignInResource.safeNext(next));
    }

    @POST
    @Path("account/two-step/set-up/start")
    @Authenticated
    public Response startSetUp() {
        twoStep.startSetUp(currentUser.user().id);
        return Redirects.seeOther("/account/two-step/set-up");
    }

    @GET
    @Path("account/two-step/set-up")
    @Authenticated
    public Response setUpPage() {
        return setUp(FormErrors.none(), 200);
    }

    @POST
    @Path("account/two-step/set-up")
    @Authenticated
    public Response setUp(@RestForm String code, RoutingContext routing) {
        if (code == null || code.isBlank()) {
            return setUp(FormErrors.none().add("code", ENTER_CODE), 400);
        }
        return switch (twoStep.confirm(currentUser.user(), code, clientAddress.of(routing.request()))) {
            case ACCEPTED -> Redirects.seeOther("/account/two-step/recovery-codes");
            case WRONG -> setUp(FormErrors.none().add("code", WRONG_CODE), 400);
            case THROTTLED -> setUp(FormErrors.none().add("code", TOO_MANY), 429);
            case ENDED -> Redirects.seeOther("/account/two-step");
        };
    }

    @GET
    @Path("account/two-step/recovery-codes")
    @Authenticated
    public Response recoveryCodesPage() {
        List<String> codes = twoStep.codesToShow(currentUser.user().id);
        if (codes.isEmpty()) {
            return Redirects.seeOther("/account/two-step");
        }
        return Response.ok(Templates.recoveryCodes(codes, "/account/two-step/recovery-codes", "", false)).build();
    }

    @POST
    @Path("account/two-step/recovery-codes")
    @Authenticated
    public Response recoveryCodesSeen() {
        twoStep.codesSeen(currentUser.user().id);
        return Redirects.seeOther("/account/two-step?done=codes");
    }

    @POST
    @Path("account/two-step/recovery-codes/new")
    @Authenticated
    public Response newRecoveryCodes() {
        return Redirects.seeOther(twoStep.newRecoveryCodes(currentUser.user().id) ? "/account/two-step/recovery-codes"
                : "/account/two-step");
    }

    @GET
    @Path("account/two-step/turn-off")
    @Authenticated
    public TemplateInstance turnOffPage() {
        requireMayTurnOff();
        return Templates.turnOff(FormErrors.none());
    }

    @POST
    @Path("account/two-step/turn-off")
    @Authenticated
    public Response turnOff(@RestForm String code, RoutingContext routing) {
        requireMayTurnOff();
        if (code == null || code.isBlank()) {
            return Response.status(400).entity(Templates.turnOff(FormErrors.none().add("code", ENTER_CODE))).build();
        }
        return switch (twoStep.turnOff(currentUser.user(), code, clientAddress.of(routing.request()))) {
            case ACCEPTED -> Redirects.seeOther("/account/two-step?done=off");
            case WRONG -> Response.status(400).entity(Templates.turnOff(FormErrors.none().add("code",
                    WRONG_CODE + ", or a recovery code you have not used"))).build();
            case THROTTLED -> Response.status(429).entity(Templates.turnOff(FormErrors.none().add("code", TOO_MANY))).build();
            case ENDED -> Redirects.seeOther("/account/two-step");
        };
    }

    // ------------------------------------------------------------------------------------------------------------

    /** Turning off is only for a role that need not use two-step sign-in, and only when it is on: otherwise 404. */
    private void requireMayTurnOff() {
        if (!twoStep.status(currentUser.user()).mayTurnOff()) {
            throw new NotFoundException();
        }
    }

    private Response setUpAtSignIn(TwoStepService.Pending pending, String next, FormErrors errors, int status) {
        return twoStep.setUp(pending.userId(), pending.email())
                .map(setUp -> Response.status(status).entity(Templates.setUp(setUp, "/sign-in/two-step/set-up",
                        SignInResource.safeNext(next), errors, true)).build())
                .orElseGet(() -> ended(next));
    }

    private Response setUp(FormErrors errors, int status) {
        User user = currentUser.user();
        return twoStep.setUp(user.id, user.email)
                .map(setUp -> Response.status(status).entity(Templates.setUp(setUp, "/account/two-step/set-up", "", errors,
                        false)).build())
                .orElseGet(() -> Redirects.seeOther("/account/two-step"));
    }

    /** The session opens: its cookie and CSRF token are handed over, and the pending sign-in's cookie is dropped. */
    private Response signedIn(SessionService.OpenedSession session, URI target, RoutingContext routing) {
        csrf.renew(routing, session.csrfToken());
        return Response.seeOther(target)
                .header(HttpHeaders.SET_COOKIE, cookies.issue(session.token()))
                .header(HttpHeaders.SET_COOKIE, cookies.clearPending())
                .build();
    }

    /** The pending sign-in is over (timed out, too many wrong codes, or none): back to the sign-in page to start again. */
    private Response ended(String next) {
        return Response.seeOther(URI.create("/sign-in?twoStepEnded=true" + nextQuery("&", SignInResource.safeNext(next))))
                .header(HttpHeaders.SET_COOKIE, cookies.clearPending())
                .build();
    }

    private static String nextQuery(String separator, String next) {
        return next == null || next.isEmpty() || !SafeRedirect.isLocalPath(next) ? ""
                : separator + "next=" + URLEncoder.encode(next, StandardCharsets.UTF_8);
    }
}
