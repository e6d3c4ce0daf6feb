package org.s11portal.support;

import io.quarkus.test.junit.callback.QuarkusTestAfterEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestBeforeClassCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;

/** Gives each {@code @QuarkusTest} class its own day and puts the clock back on it after each test. */
public class TestClockCallbacks implements QuarkusTestBeforeClassCallback, QuarkusTestAfterEachCallback {

    @Override
    public void beforeClass(Class<?> testClass) {
        if (io.quarkus.arc.Arc.container() == null) {
            return; // Quarkus failed to start: let JUnit report why, not this callback's NullPointerException
        }
        TestClock.get().startClass();
    }

    @Override
    public void afterEach(QuarkusTestMethodContext context) {
        TestClock.get().endTest();
    }
}
