package org.s11portal.home;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.s11portal.home.EveryPage.MAIN;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.s11portal.home.EveryPage.Records;
import org.s11portal.home.EveryPage.Route;
import org.s11portal.support.OwnDatabase;
import org.s11portal.support.WebSession;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/**
 * Issue 9.1: each role GETs every page of a minimal and a maximal record set ({@link EveryPage}): 200 or 303 (a
 * redirect is followed once and must land on a page), never a 5xx, and every HTML page has the layout's main.
 */
@QuarkusTest
@TestProfile(OwnDatabase.class)
class EveryPageRendersTest {

    @Inject
    EveryPage everyPage;

    @Test
    void everyPageRendersForAMinimalRecord() {
        Records r = everyPage.minimal();
        walk(r);
        // the survey closed with no answers at all: results pages with nothing to show
        walk(everyPage.withSurveyClosed(r, ", survey closed"));
    }

    @Test
    void everyPageRendersForAMaximalRecord() {
        Records r = everyPage.maximal();
        walk(r);
        walk(everyPage.returnedAgainWithSurveyClosed(r));
    }

    void walk(Records r) {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<String, WebSession> role : r.sessions().entrySet()) {
            for (Route route : everyPage.routes(r)) {
                String where = r.label() + " / " + role.getKey() + " GET " + route.path() + ": ";
                Response response = role.getValue().get(route.path());
                int status = response.statusCode();
                checked++;
                if (status >= 500) {
                    failures.add(where + status + " (a crash)");
                    continue;
                }
                if (!route.roles().contains(role.getKey())) {
                    // not theirs: refused or sent elsewhere, never a crash
                    if (!Set.of(200, 303, 403, 404).contains(status)) {
                        failures.add(where + "expected a refusal, got " + status);
                    }
                    continue;
                }
                if (status == 303) {
                    String location = response.header("Location");
                    Response landed = role.getValue().get(location.replaceFirst("^https?://[^/]+", "").replaceFirst("#.*$", ""));
                    if (landed.statusCode() != 200 || !landed.asString().contains(MAIN)) {
                        failures.add(where + "303 to " + location + " which answered " + landed.statusCode());
                    }
                } else if (status != 200) {
                    failures.add(where + status);
                } else if (route.page() && !response.asString().contains(MAIN)) {
                    failures.add(where + "200 without the layout's <main>");
                }
            }
        }
        assertTrue(checked > 100, "walked " + checked + " requests");
        assertEquals(List.of(), failures, failures.size() + " of " + checked + " requests failed");
    }

}
