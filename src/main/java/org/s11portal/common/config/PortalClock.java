package org.s11portal.common.config;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Today's date in the partnerships' time zone: every deadline is reckoned with it, never with the JVM zone. */
@ApplicationScoped
public class PortalClock {

    @Inject
    PortalConfig config;

    public Clock clock() {
        return Clock.system(config.timezone());
    }

    public LocalDate today() {
        return LocalDate.now(clock());
    }

    /** Whole days from today until the date: 0 on the day itself, negative once it has passed. */
    public long daysUntil(LocalDate date) {
        return ChronoUnit.DAYS.between(today(), date);
    }
}
