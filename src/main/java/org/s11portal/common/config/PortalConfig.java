package org.s11portal.common.config;

import java.time.Duration;
import java.time.ZoneId;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Typed settings under {@code portal.*}; application.properties documents each one. */
@ConfigMapping(prefix = "portal")
public interface PortalConfig {

    Session session();

    SignIn signIn();

    DemoData demoData();

    Evidence evidence();

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
        int maxFailuresPerAccount();

        int maxFailuresPerAddress();

        /** The sliding window the failure limits count over. */
        Duration window();
    }

    interface Evidence {
        /** The largest evidence file accepted, in bytes. */
        long maxBytes();
    }

    interface DemoData {
        /** Load the demo partnerships' agencies, users and cycles at start-up (never honoured in prod). */
        boolean enabled();
    }
}
