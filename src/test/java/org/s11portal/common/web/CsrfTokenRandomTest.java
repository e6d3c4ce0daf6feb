package org.s11portal.common.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

@QuarkusTest
class CsrfTokenRandomTest {

    /** Fails when a Quarkus upgrade renames the field: the portal would be back to one shared, contended generator. */
    @Test
    void restCsrfDrawsItsTokensFromAGeneratorPerThread() throws Exception {
        assertSame(PerThreadSecureRandom.get(), CsrfTokenRandom.current());
    }

    @Test
    void everyFirstVisitStillGetsItsOwnToken() {
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            String token = RestAssured.given().get("/sign-in").then().statusCode(200).extract().cookie("csrf-token");
            assertEquals(22, token.length(), "16 random bytes in base64url, as rest-csrf expects");
            tokens.add(token);
        }
        assertEquals(20, tokens.size());
    }

    @Test
    void threadsDrawDifferentBytes() throws Exception {
        Set<String> seen = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (int i = 0; i < 400; i++) {
            pool.submit(() -> {
                byte[] bytes = new byte[16];
                PerThreadSecureRandom.get().nextBytes(bytes);
                seen.add(java.util.HexFormat.of().formatHex(bytes));
            });
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
        assertEquals(400, seen.size());
        assertNotEquals(0, PerThreadSecureRandom.get().nextLong());
    }
}
