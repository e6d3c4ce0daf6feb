package org.s11portal.support;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * A Quarkus run on a database of its own ({@link TestDatabase} makes a new one whenever Quarkus starts), shared by
 * the test classes that carry this profile and run one after the other. For tests of pages that list everything in
 * a scope (the home pages, every page as every role): in the shared database they would list every agency and
 * user the rest of the suite made, and check thousands of rows in the browser instead of their own few.
 *
 * <p>It also gives the portal a production-length public address ({@link #PUBLIC_URL}), which the poster test needs
 * and no other test here minds: every profile is one more start of Quarkus and one more database for Liquibase to
 * build, so tests that need other settings share this one rather than having a profile each.
 */
public class OwnDatabase implements QuarkusTestProfile {

    /** As long as a real partnership's address: the survey poster has to break it at A4 width. */
    public static final String PUBLIC_URL = "https://s11portal.hipscp-partnerships.org.uk";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("portal.public-url", PUBLIC_URL);
    }
}
