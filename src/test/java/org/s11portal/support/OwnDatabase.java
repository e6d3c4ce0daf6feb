package org.s11portal.support;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * A Quarkus run on a database of its own ({@link TestDatabase} makes a new one whenever Quarkus starts), shared by
 * the test classes that carry this profile and run one after the other. For tests of pages that list everything in
 * a scope (the home pages, every page as every role): in the shared database they would list every agency and
 * user the rest of the suite made, and check thousands of rows in the browser instead of their own few.
 *
 * <p>It also gives the portal a production-length public address ({@link #PUBLIC_URL}), which the poster test needs,
 * and a trusted proxy ({@link #TRUSTED_PROXY}), which the sign-in test behind a load balancer needs; no other test here
 * minds either: every profile is one more start of Quarkus and one more database for Liquibase to
 * build, so tests that need other settings share this one rather than having a profile each.
 */
public class OwnDatabase implements QuarkusTestProfile {

    /** As long as a real partnership's address: the survey poster has to break it at A4 width. */
    public static final String PUBLIC_URL = "https://s11portal.hipscp-partnerships.org.uk";

    /**
     * The load balancer the tests pretend to be: every test connects from 127.0.0.1, and only requests from there have
     * their client address taken from X-Forwarded-For (account/SignInBehindProxyTest). The browser tests here send no
     * such header, so for them the peer is the client, as before.
     */
    public static final String TRUSTED_PROXY = "127.0.0.1";

    @Override
    public Map<String, String> getConfigOverrides() {
        // the production limit per address (the shared test database allows more, as every REST test signs in from
        // 127.0.0.1): no test here gets a password wrong but the one behind a proxy, which counts it per client
        return Map.of("portal.public-url", PUBLIC_URL, "portal.trusted-proxies", TRUSTED_PROXY,
                "portal.sign-in.max-failures-per-address", "20");
    }
}
