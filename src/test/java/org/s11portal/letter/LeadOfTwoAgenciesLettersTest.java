package org.s11portal.letter;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.s11portal.agency.Area;
import org.s11portal.support.Fixtures;
import org.s11portal.support.WebSession;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** "Your feedback letter" of a lead of two agencies lists the letters of the agency they work for; both stay theirs. */
@QuarkusTest
class LeadOfTwoAgenciesLettersTest {

    @Inject
    LetterFixtures letters;

    @Inject
    Fixtures fixtures;

    @Test
    void theLettersAreThoseOfTheAgencyTheLeadWorksFor() {
        LetterFixtures.Scenario one = letters.moderatedWithDraft(Area.HAMPSHIRE);
        LetterFixtures.Scenario two = letters.moderatedWithDraft(Area.HAMPSHIRE);
        WebSession moderator = WebSession.signedIn(one.moderator().email);
        for (LetterFixtures.Scenario s : new LetterFixtures.Scenario[] { one, two }) {
            moderator.get(s.draft().path()).then().statusCode(200);
            moderator.post(s.draft().path() + "/issue", Map.of()).then().statusCode(303);
        }
        boolean oneFirst = one.agency().name.compareTo(two.agency().name) < 0;
        LetterFixtures.Scenario first = oneFirst ? one : two;
        LetterFixtures.Scenario second = oneFirst ? two : one;
        WebSession lead = WebSession.signedIn(fixtures.leadOf(one.agency(), two.agency()).email);

        lead.get("/feedback-letter").then().statusCode(200)
                .body(containsString(first.draft().path() + "/pdf"))
                .body(not(containsString(second.draft().path() + "/pdf")));
        lead.get(second.draft().path() + "/pdf").then().statusCode(200); // still theirs, by its address

        lead.post("/account/agency", Map.of("agencyId", String.valueOf(second.agency().id))).then().statusCode(303);

        lead.get("/feedback-letter").then().statusCode(200)
                .body(containsString(second.draft().path() + "/pdf"))
                .body(not(containsString(first.draft().path() + "/pdf")));
    }
}
