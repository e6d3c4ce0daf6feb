package org.s11portal.letter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.s11portal.agency.Area;
import org.s11portal.support.Metrics;
import org.s11portal.support.WebSession;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** Each letter a moderator issues counts once in s11_letters_issued_total; a refused second issue does not. */
@QuarkusTest
class LetterMetricsTest {

    static final String ISSUED = "s11_letters_issued_total";

    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    @Inject
    LetterFixtures letters;

    @Test
    void anIssuedLetterCountsOnce() {
        LetterFixtures.Scenario s = letters.moderatedWithDraft(Area.HAMPSHIRE);
        String letter = "/letters/" + s.draft().id;
        WebSession moderator = WebSession.signedIn(s.moderator().email);
        double before = Metrics.scrape(metrics).value(ISSUED);

        moderator.get(letter);
        moderator.post(letter + "/issue", Map.of()).then().statusCode(303);
        assertEquals(before + 1, Metrics.scrape(metrics).value(ISSUED));

        moderator.post(letter + "/issue", Map.of()).then().statusCode(409);
        assertEquals(before + 1, Metrics.scrape(metrics).value(ISSUED));
    }
}
