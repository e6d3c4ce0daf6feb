package org.s11portal.support;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;

import org.s11portal.common.config.PortalClock;

import io.quarkus.arc.Arc;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

/**
 * The portal's clock in tests: each test class runs on a day of its own, later than every class before it, so that
 * the cycle a class makes live is the one running "today" whatever other classes left in the shared database
 * ({@code Cycle.liveOn} picks the most recently opened). Time keeps running; a test may move it, and it goes back to
 * the class's day after each test ({@link TestClockCallbacks}).
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class TestClock extends PortalClock {

    /**
     * Days between two classes' days: more than any cycle a test makes opens ahead of today, so that no class's cycles
     * open on a later class's day.
     */
    static final int DAYS_PER_CLASS = 30;

    private int classesStarted;
    private volatile Duration classOffset = Duration.ZERO;
    private volatile Duration offset = Duration.ZERO;

    public static TestClock get() {
        return Arc.container().instance(TestClock.class).get();
    }

    @Override
    public Clock clock() {
        return Clock.offset(super.clock(), offset);
    }

    /** Today becomes the given day; the time of day stays the real one and keeps running. */
    public void setToday(LocalDate day) {
        ZonedDateTime real = ZonedDateTime.now(super.clock());
        offset = Duration.between(real, real.with(day));
    }

    /** Moves the clock on by the duration (until the end of the test), e.g. just past a link's validity. */
    public void advance(Duration by) {
        offset = offset.plus(by);
    }

    synchronized void startClass() {
        classesStarted++;
        setToday(LocalDate.now(super.clock()).plusDays((long) DAYS_PER_CLASS * classesStarted));
        classOffset = offset;
    }

    void endTest() {
        offset = classOffset;
    }
}
