package org.s11portal.common.config;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The portal's only source of time: every instant recorded and every deadline reckoned asks it, in the partnerships'
 * time zone, never the JVM's. Tests replace it to move time (support/TestClock).
 */
@ApplicationScoped
public class PortalClock {

    @Inject
    PortalConfig config;

    /**
     * The clock for code that the container does not build, such as entity callbacks
     * ({@link org.s11portal.common.persistence.EditableEntity}).
     */
    public static PortalClock current() {
        return Arc.container().instance(PortalClock.class).get();
    }

    public Clock clock() {
        return Clock.system(config.timezone());
    }

    public Instant now() {
        return clock().instant();
    }

    public LocalDate today() {
        return LocalDate.now(clock());
    }

    /** Whole days from today until the date: 0 on the day itself, negative once it has passed. */
    public long daysUntil(LocalDate date) {
        return ChronoUnit.DAYS.between(today(), date);
    }
}
