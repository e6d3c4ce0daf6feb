package org.s11portal.support;

import io.quarkus.test.common.QuarkusTestResource;

/** Registers {@link TestDatabase} once for every {@code @QuarkusTest} in the run. */
@QuarkusTestResource(TestDatabase.class)
public final class TestDatabaseRegistration {

    private TestDatabaseRegistration() {
    }
}
