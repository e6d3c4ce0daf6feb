package org.s11portal.demo;

import java.util.Map;

import org.s11portal.support.TestClock;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The demo data tests run in a database of their own: a test profile restarts the application, and each start has
 * {@link org.s11portal.support.TestDatabase} create a fresh database, so the demo's rows never reach the database the
 * rest of the suite shares (and no other test's rows reach the demo's). One profile for every demo test: one restart.
 */
public class DemoDatabase implements QuarkusTestProfile {

    /** The demo is loaded once, on the first class's day: every demo class reads it on that same day. */
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(TestClock.ONE_DAY, "true");
    }
}
