package org.s11portal.support;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * A Quarkus run on a database of its own ({@link TestDatabase} makes a new one whenever Quarkus starts), shared by
 * the test classes that carry this profile and run one after the other. For tests of pages that list everything in
 * a scope (the home pages, every page as every role): in the shared database they would list every agency and
 * user the rest of the suite made, and check thousands of rows in the browser instead of their own few.
 */
public class OwnDatabase implements QuarkusTestProfile {
}
