package org.s11portal.common.observability;

import java.util.regex.Pattern;

import org.jboss.logging.Logger;

/**
 * What a log line about a request may say (docs/observability.md). A path that carries a secret (a survey link, an
 * invitation or a password-reset link) is logged with the secret replaced by its name. A request to the anonymous
 * staff survey is logged at DEBUG only, whatever happened: a line at INFO or above would record, to the millisecond,
 * that someone with that agency's link was answering (production logs INFO and above). Its failures still show in
 * /q/metrics (http_server_requests by status for uri /survey/{token}).
 */
public final class RequestLogs {

    private static final Pattern SURVEY = Pattern.compile("^/survey/[^/]+");
    private static final Pattern INVITATION = Pattern.compile("^/invitations/[^/]+");
    private static final Pattern PASSWORD_RESET = Pattern.compile("^/password-reset/[^/]+");
    private static final int LONGEST = 200;

    private RequestLogs() {
    }

    /** Whether the path is the anonymous staff survey's (the form, its answers, the thank-you page). */
    public static boolean isSurvey(String path) {
        return path != null && path.startsWith("/survey/");
    }

    /** {@code normal} for most requests, DEBUG for the survey's. */
    public static Logger.Level level(String path, Logger.Level normal) {
        return isSurvey(path) ? Logger.Level.DEBUG : normal;
    }

    /** The path fit for a log line: secrets replaced by their names, cut to 200 characters. */
    public static String path(String path) {
        if (path == null) {
            return "";
        }
        String safe = SURVEY.matcher(path).replaceFirst("/survey/{token}");
        safe = INVITATION.matcher(safe).replaceFirst("/invitations/{token}");
        safe = PASSWORD_RESET.matcher(safe).replaceFirst("/password-reset/{token}");
        return safe.length() > LONGEST ? safe.substring(0, LONGEST) : safe;
    }
}
