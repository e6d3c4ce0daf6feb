package org.s11portal.demo;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The demo data tests run in a database of their own: a test profile restarts the application, and each start has
 * {@link org.s11portal.support.TestDatabase} create a fresh database, so the demo's rows never reach the database the
 * rest of the suite shares (and no other test's rows reach the demo's). One profile for every demo test: one restart.
 */
public class DemoDatabase implements QuarkusTestProfile {
}
