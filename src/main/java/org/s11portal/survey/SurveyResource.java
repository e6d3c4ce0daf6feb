package org.s11portal.survey;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;
import org.s11portal.account.SessionService;
import org.s11portal.common.web.ClientAddress;
import org.s11portal.common.web.FormErrors;
import org.s11portal.common.web.Redirects;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The anonymous staff survey, reached through the agency's link: no account, nothing that identifies anyone. */
@Path("/survey/{token}")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class SurveyResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(String token, SurveyService.LinkView link, String nonce, Typed typed,
                FormErrors errors, String questionsHtml, String notice);

        /** The questions with what was typed and any errors: the part of the form that costs most to render. */
        static native TemplateInstance questions(Typed typed, FormErrors errors, List<SurveyDefinition.Question> questions);

        static native TemplateInstance status(SurveyService.LinkView link);

        static native TemplateInstance thanks();
    }

    /** What was typed, so a page with an error shows it all again. */
    public record Typed(List<String> areas, String roleBand, String worksWith, Map<Integer, List<String>> answers, String freeText) {

        public boolean chose(int question, String value) {
            return answers.getOrDefault(question, List.of()).contains(value);
        }
    }

    /**
     * Written from the writer's thread, where templates that look up the signed-in user cannot run: a plain
     * page in the service's style. The browser's Back button returns to the form with the answers still in it.
     */
    static final String NOT_SAVED = "<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\">"
            + "<title>Sorry, your answers were not saved – S11 Portal</title>"
            + "<link rel=\"stylesheet\" href=\"/assets/govuk/govuk-frontend.min.css\"></head>"
            + "<body class=\"govuk-template__body\"><div class=\"govuk-width-container\"><main class=\"govuk-main-wrapper\">"
            + "<h1 class=\"govuk-heading-l\">Sorry, your answers were not saved</h1>"
            + "<p class=\"govuk-body\">The service is busy or unavailable. Go back: your answers are still in the form."
            + " Wait a minute, then send them again.</p></main></div></body></html>";

    static final String TOO_MANY = "Too many answers have been sent from your network in the last minute. Your answers are"
            + " still here: wait a minute, then send them again.";

    private static final Logger LOG = Logger.getLogger(SurveyResource.class);
    private static final MediaType HTML = MediaType.TEXT_HTML_TYPE.withCharset("UTF-8");

    @Inject
    SurveyService surveys;

    @Inject
    SurveyNonces nonces;

    @Inject
    ManagedExecutor workers;

    @Inject
    SurveySubmitLimit limit;

    @Inject
    ClientAddress clientAddress;

    /**
     * The blank questions, rendered once: they are the same for every link and every visit (the questions are
     * fixed in {@link SurveyDefinition}; what differs per agency, its name and areas, is rendered around them).
     * Qute's output, escaped as usual, so inserting it unescaped into the form inserts nothing unescaped.
     */
    private volatile String blankQuestions;

    /**
     * The form, as staff open it from their link. Without a session cookie (staff have no account) and with the
     * link cached, it is answered on the IO thread like the submit: nothing here reads the database or the
     * session. Anyone else (a signed-in user trying the link, whose header shows their name; a link not yet
     * cached) is answered from a worker thread.
     */
    @GET
    public CompletionStage<Response> start(@PathParam("token") String token, HttpServerRequest request) {
        SurveyLinkCache.LinkInfo cached = surveys.cachedLink(token);
        if (cached != null && request.getCookie(SessionService.COOKIE_NAME) == null) {
            return CompletableFuture.completedFuture(blankForm(token, surveys.view(cached)));
        }
        return workers.supplyAsync(() -> blankForm(token, surveys.view(token)));
    }

    /**
     * Rendered here, on the thread that answers: the layout shows who is signed in only where the session can be
     * read (a worker thread), so the page must not be left to render on the IO thread that writes the response.
     */
    private Response blankForm(String token, SurveyService.LinkView link) {
        if (link.status() != SurveyService.LinkStatus.OPEN) {
            Response status = statusPage(link);
            return Response.status(status.getStatus()).type(HTML)
                    .entity(((TemplateInstance) status.getEntity()).render()).build();
        }
        Typed typed = new Typed(List.of(), null, null, Map.of(), null);
        FormErrors errors = FormErrors.none();
        return Response.ok(Templates.form(token, link, nonces.issue(token), typed, errors, questionsHtml(typed, errors), null)
                .render(), HTML).build();
    }

    /** The questions part of the form: the copy made once when nothing was typed and nothing is wrong. */
    private String questionsHtml(Typed typed, FormErrors errors) {
        boolean blank = !errors.any() && typed.areas().isEmpty() && typed.roleBand() == null && typed.worksWith() == null
                && typed.answers().isEmpty();
        if (!blank) {
            return Templates.questions(typed, errors, SurveyDefinition.QUESTIONS).render();
        }
        String html = blankQuestions;
        if (html == null) {
            html = Templates.questions(typed, errors, SurveyDefinition.QUESTIONS).render();
            blankQuestions = html;
        }
        return html;
    }

    /**
     * The busiest path of the portal. With the link's details cached it runs on the IO thread from start to
     * finish: the form is read without a worker thread waiting on it, and the response is written when the
     * answer's group commit completes. Only a link not yet cached is read on a worker thread first.
     */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public CompletionStage<Response> send(@PathParam("token") String token, @BeanParam SurveyForm form, HttpServerRequest request) {
        String address = clientAddress.of(request);
        SurveyLinkCache.LinkInfo cached = surveys.cachedLink(token);
        if (cached != null) {
            return answer(token, cached, form, address);
        }
        return workers.supplyAsync(() -> answer(token, surveys.link(token), form, address)).thenCompose(Function.identity());
    }

    private CompletionStage<Response> answer(String token, SurveyLinkCache.LinkInfo linkInfo, SurveyForm form, String address) {
        SurveyService.LinkView link = surveys.view(linkInfo);
        if (link.status() != SurveyService.LinkStatus.OPEN) {
            return CompletableFuture.completedFuture(statusPage(link));
        }
        Map<Integer, List<String>> answers = new LinkedHashMap<>();
        for (SurveyDefinition.Question question : SurveyDefinition.QUESTIONS) {
            List<String> values = form.answer(question);
            if (!values.isEmpty()) {
                answers.put(question.number(), values);
            }
        }
        String freeText = blankToNull(form.freeText);
        Typed typed = new Typed(new ArrayList<>(form.areas()), blankToNull(form.roleBand), blankToNull(form.worksWith), answers, freeText);
        SurveyService.SurveyInput input = new SurveyService.SurveyInput(typed.areas(), typed.roleBand(), typed.worksWith(),
                answers, freeText == null ? null : freeText.strip());
        FormErrors errors = surveys.validate(input, link.areaCodes());
        String nonce = form.nonce;
        if (errors.any()) {
            return CompletableFuture.completedFuture(Response.status(400)
                    .entity(Templates.form(token, link, nonce, typed, errors, questionsHtml(typed, errors), null)).build());
        }
        if (!limit.tryAcquire(address)) {
            // the same form and nonce again: nothing typed is lost, and sending it later stores it once
            return CompletableFuture.completedFuture(Response.status(429)
                    .header("Retry-After", limit.secondsUntilNext())
                    .entity(Templates.form(token, link, nonce, typed, errors, questionsHtml(typed, errors), TOO_MANY)).build());
        }
        // built here, on the request's thread: a stored answer's continuation runs on the writer's thread
        Response thanks = Redirects.seeOther("/survey/" + token + "/thanks");
        return surveys.submit(linkInfo, nonce, input).thenApply(outcome -> switch (outcome) {
            case STORED, ALREADY_RECEIVED -> thanks;
            // decided before the answer is queued, so still on the request's thread
            case EXPIRED_FORM -> Response.status(400).entity(Templates.form(token, link, nonces.issue(token), typed, errors,
                    questionsHtml(typed, errors), "This form had been open too long. Your answers are still here: check them and send again.")).build();
            case NOT_OPEN -> statusPage(surveys.view(linkInfo));
        }).exceptionally(failure -> {
            // the cause's class only: a driver's message can quote the answer's values or its nonce's hash
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            // DEBUG: a survey request never logs at INFO or above (common/observability/RequestLogs); the 503 is counted
            // in /q/metrics, and the writer logs a failed batch once, with no link, agency or address
            LOG.debugf("survey answer not saved: %s", cause.getClass().getName());
            return Response.status(503).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(NOT_SAVED).build();
        });
    }

    @GET
    @Path("thanks")
    public TemplateInstance thanks() {
        return Templates.thanks();
    }

    private static Response statusPage(SurveyService.LinkView link) {
        int status = switch (link.status()) {
            case UNKNOWN -> 404;
            case MOVED -> 410;
            default -> 200;
        };
        return Response.status(status).entity(Templates.status(link)).build();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
