package org.s11portal.common.config;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Typed settings under {@code portal.*}; application.properties documents each one. */
@ConfigMapping(prefix = "portal")
public interface PortalConfig {

    Session session();

    SignIn signIn();

    DemoData demoData();

    Evidence evidence();

    Survey survey();

    Housekeeping housekeeping();

    Letters letters();

    Reminders reminders();

    Mail mail();

    Bootstrap bootstrap();

    TwoStep twoStep();

    /** The address staff use to reach the portal, for survey links, QR codes and posters. */
    String publicUrl();

    /**
     * The load balancers and proxies in front of the portal (S11_TRUSTED_PROXIES: addresses or CIDRs, IPv4 or IPv6):
     * only a request from one of them has its client address taken from X-Forwarded-For (common/web/ClientAddress).
     * None: the headers are never read.
     */
    Optional<java.util.List<String>> trustedProxies();

    /** Where dates and deadlines are reckoned: the partnerships work in UK time. */
    @WithDefault("Europe/London")
    ZoneId timezone();

    interface Session {
        /** Signed out after this long without a request. */
        Duration idleTimeout();

        /** Signed out after this long however active. */
        Duration absoluteLifetime();

        /** How long before the idle timeout the page warns and offers to stay signed in. */
        Duration warningBefore();

        /** Mark the session cookie Secure: true everywhere but plain-HTTP development and tests. */
        boolean secureCookie();
    }

    interface SignIn {
        /** Wrong passwords for one account from one address: that pair is refused for the rest of the window. */
        int maxFailuresPerAccountAndAddress();

        /** Wrong passwords from one address, whatever the accounts: that address is refused. */
        int maxFailuresPerAddress();

        /**
         * Wrong passwords for one account from every address together: only addresses that have never signed
         * in to that account are then refused, so guessing cannot lock its owner out (ASVS 2.2.1).
         */
        int maxFailuresPerAccount();

        /** The sliding window the failure limits count over. */
        Duration window();
    }

    interface Evidence {
        /** The largest evidence file accepted, in bytes. */
        long maxBytes();
    }

    interface Survey {
        /** Signs the one-time form nonces; set S11_SURVEY_NONCE_KEY in production (32+ random characters). */
        String nonceKey();

        /** How long an opened survey form stays valid. */
        @WithDefault("2")
        int nonceDays();

        /** No result is shown for a group smaller than this. */
        @WithDefault("5")
        int suppressionThreshold();

        /** Free text is shown only when the agency has at least this many responses. */
        @WithDefault("10")
        int freeTextThreshold();

        /** Survey answers one address may send at once (the token bucket's size); see SurveySubmitLimit. */
        @WithDefault("1000")
        long submitBurst();

        /** Survey answers per minute one address may send once its burst is spent (the bucket's refill rate). */
        @WithDefault("600")
        long submitsPerMinute();
    }

    interface Housekeeping {
        /** When the nightly clean-up runs (Quarkus cron, in the portal's time zone), or "off". */
        @WithDefault("0 17 3 * * ?")
        String cron();

        /** How long a session's record is kept after it expired, for investigating a security incident. */
        @WithDefault("30d")
        Duration sessionRetention();

        /** How long sign-in attempts are kept, for investigating a security incident. */
        @WithDefault("90d")
        Duration signInAttemptRetention();
    }

    interface DemoData {
        /** Load the demo partnerships' agencies, users and cycles at start-up (never honoured in prod). */
        boolean enabled();
    }

    interface Letters {
        /** Threads that make the PDFs when many letters are issued at once (LetterBatch; docs/performance.md). */
        @WithDefault("2")
        int issueThreads();
    }

    interface Reminders {
        /** When the daily reminders run (Quarkus cron, in the portal's time zone), or "off". */
        @WithDefault("0 0 7 * * ?")
        String cron();
    }

    interface Mail {
        /** How often the sender delivers due emails from the outbox (a Quarkus "every" period), or "off". */
        @WithDefault("10s")
        String sendEvery();

        /** Emails one sender claims and delivers at a time. */
        @WithDefault("20")
        int batchSize();

        /**
         * How long a sender's claim on its batch holds: another sender takes over emails left claimed longer (a
         * sender that died). Well above the time a batch takes to send, or an email could be sent twice.
         */
        @WithDefault("5M")
        Duration claimLease();

        /** The wait before the first retry of an email the mail server refused or could not be reached for. */
        @WithDefault("1M")
        Duration firstRetryAfter();

        /** Each further retry waits twice as long as the one before, up to this. */
        @WithDefault("1H")
        Duration longestRetryAfter();
    }

    interface Bootstrap {
        /**
         * The email of the first HIPS admin: while no partnership admin has a password, each start invites this address
         * and logs the one-time link once (useradmin.FirstAdminBootstrap); ignored once any admin has a password.
         */
        Optional<String> adminEmail();
    }

    interface TwoStep {
        /**
         * Roles that must use two-step sign-in (an authenticator app) before any session opens; other roles may
         * choose to. Role names as in {@code Roles}.
         */
        java.util.List<String> requiredRoles();

        /** Encrypts authenticator secrets at rest; set S11_TWO_STEP_KEY in production (32+ random characters). */
        String key();
    }
}
