package org.s11portal.common.config;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * What the {@code prod} profile must be given, checked in one place: a missing or unsafe setting stops the start with
 * one message that names every such environment variable and what it is for, instead of running on a development
 * default (docs/security.md, "Production settings fail closed").
 *
 * <p>The check is a constraint on this configuration mapping, so it runs while Quarkus reads its configuration: before
 * Liquibase connects to the database, before any bean starts. application.properties copies into
 * {@code portal.production-settings.*} the settings it looks at; {@code enforced} is true in the {@code prod} profile
 * only, so dev, test and {@code cluster} keep their defaults.
 *
 * <p>There is no session or CSRF encryption key to check: a session is an opaque random token stored hashed in the
 * database, and the CSRF token is bound to the session there (docs/adr/0002-server-side-sessions.md), so nothing has
 * to be shared between instances or kept across restarts but the database itself.
 */
@ConfigMapping(prefix = "portal.production-settings")
@ProductionSettings.Complete
public interface ProductionSettings {

    /** Keys shorter than this are refused: 32 random characters carry well over the 128 bits the keys need. */
    int MIN_KEY_LENGTH = 32;

    /** Both development keys in application.properties start with this, so no published key passes. */
    String DEV_KEY_PREFIX = "dev-only";

    /** Whether the check applies: true in the {@code prod} profile only. */
    boolean enforced();

    /** The database user the portal connects as (S11_DB_USER; no default in prod). */
    Optional<String> dbUser();

    /** That user's password (S11_DB_PASSWORD). */
    Optional<String> dbPassword();

    /** The staff survey's nonce key as configured (S11_SURVEY_NONCE_KEY, else the dev default). */
    Optional<String> surveyNonceKey();

    /** The two-step key as configured (S11_TWO_STEP_KEY, else the dev default). */
    Optional<String> twoStepKey();

    /** S11_PUBLIC_URL itself: elsewhere the public address falls back to localhost. */
    Optional<String> publicUrl();

    /** S11_SMTP_HOST itself: elsewhere the SMTP host falls back to localhost. */
    Optional<String> smtpHost();

    /** The From address of every email (S11_MAIL_FROM). */
    Optional<String> mailFrom();

    /** Whether cookies are marked Secure (S11_SECURE_COOKIES). */
    boolean secureCookies();

    /**
     * Every missing or unsafe setting, one line each naming its environment variable and what it is for; empty when
     * production may start (or when the check is not enforced).
     */
    static List<String> problems(ProductionSettings settings) {
        List<String> problems = new ArrayList<>();
        if (!settings.enforced()) {
            return problems;
        }
        Optional<String> user = settings.dbUser().filter(value -> !value.isBlank());
        if (user.isEmpty()) {
            problems.add("S11_DB_USER is not set: the MariaDB user the portal connects as (production has no default user).");
        } else if ("root".equalsIgnoreCase(user.get().strip())) {
            problems.add("S11_DB_USER is root: give the portal a user of its own, with rights on its database only.");
        }
        if (settings.dbPassword().filter(value -> !value.isEmpty()).isEmpty()) {
            problems.add("S11_DB_PASSWORD is not set: the password of that MariaDB user.");
        }
        key(problems, "S11_SURVEY_NONCE_KEY", "signs the staff survey's one-time form nonces", settings.surveyNonceKey());
        key(problems, "S11_TWO_STEP_KEY", "encrypts the two-step sign-in secrets stored in the database",
                settings.twoStepKey());
        Optional<String> publicUrl = settings.publicUrl().filter(value -> !value.isBlank());
        if (publicUrl.isEmpty()) {
            problems.add("S11_PUBLIC_URL is not set: the https:// address people use, for the links in emails and on survey"
                    + " posters.");
        } else if (!isHttpsAddress(publicUrl.get().strip())) {
            problems.add("S11_PUBLIC_URL is not an https:// address: the links in emails and on survey posters must use it.");
        }
        if (settings.smtpHost().filter(value -> !value.isBlank()).isEmpty()) {
            problems.add("S11_SMTP_HOST is not set: the SMTP server every email goes through.");
        }
        if (settings.mailFrom().filter(value -> !value.isBlank()).isEmpty()) {
            problems.add("S11_MAIL_FROM is not set: the From address of every email, e.g. S11 Portal <s11@partnership.example>.");
        }
        if (!settings.secureCookies()) {
            problems.add("S11_SECURE_COOKIES is false: production is served over https and its session cookie must be"
                    + " Secure (remove the setting).");
        }
        return problems;
    }

    private static void key(List<String> problems, String variable, String purpose, Optional<String> configured) {
        String key = configured.map(String::strip).orElse("");
        if (key.isEmpty()) {
            problems.add(variable + " is not set: it " + purpose + "; set " + MIN_KEY_LENGTH
                    + " or more random characters, the same on every instance.");
        } else if (key.startsWith(DEV_KEY_PREFIX)) {
            problems.add(variable + " is not set: it " + purpose + ", and production cannot use the development key"
                    + " published in application.properties; set " + MIN_KEY_LENGTH + " or more random characters, the same"
                    + " on every instance.");
        } else if (key.length() < MIN_KEY_LENGTH) {
            problems.add(variable + " is too short (" + key.length() + " characters): it " + purpose + "; set "
                    + MIN_KEY_LENGTH + " or more random characters.");
        }
    }

    private static boolean isHttpsAddress(String value) {
        try {
            URI uri = URI.create(value);
            return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The whole report, as the start shows it. */
    static String message(List<String> problems) {
        StringBuilder message = new StringBuilder("The portal cannot start in the prod profile: ")
                .append(problems.size() == 1 ? "one setting is" : problems.size() + " settings are")
                .append(" missing or unsafe (docs/security.md, \"Production settings fail closed\"):");
        problems.forEach(problem -> message.append("\n  - ").append(problem));
        return message.toString();
    }

    /** The constraint Quarkus checks when it reads the configuration. */
    @Documented
    @Constraint(validatedBy = Check.class)
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @interface Complete {
        String message() default "production settings are incomplete";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    /** Reports all problems as one violation, so the start shows one message with every setting in it. */
    class Check implements ConstraintValidator<Complete, ProductionSettings> {

        @Override
        public boolean isValid(ProductionSettings settings, ConstraintValidatorContext context) {
            List<String> problems = problems(settings);
            if (problems.isEmpty()) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(escape(message(problems))).addConstraintViolation();
            return false;
        }

        /** Message templates read braces, dollars and backslashes as expressions: the report is plain text. */
        private static String escape(String text) {
            return text.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
        }
    }
}
