package org.s11portal.survey;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.s11portal.agency.Agency;
import org.s11portal.agency.Area;
import org.s11portal.cycle.Cycle;
import org.s11portal.support.Fixtures;
import org.s11portal.support.WebSession;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * One headcount per agency (issue 10.5): the number a lead gives on the staff-survey page is the agency's headcount,
 * shown on its profile and home page and used for take-up; and one agency's take-up counts its own answers only.
 */
@QuarkusTest
class SurveyHeadcountTest {

    @Inject
    Fixtures fixtures;

    @Inject
    SurveyWriter writer;

    @Test
    void theHeadcountSetOnTheSurveyPageIsTheAgencysHeadcountEverywhere() {
        Cycle cycle = fixtures.aCycle().create();
        Agency agency = fixtures.anAgency().inAreas(Area.PORTSMOUTH).create();
        Agency other = fixtures.anAgency().inAreas(Area.PORTSMOUTH).create();
        WebSession lead = WebSession.signedIn(fixtures.lead(agency).email);
        answers(other, cycle, 4);
        answers(agency, cycle, 3);

        lead.get("/staff-survey").then().statusCode(200).body(containsString("3 answers; headcount not given yet"));
        lead.get("/agencies/" + agency.id).then().statusCode(200).body(staffHeadcount("Not given yet"));

        lead.post("/staff-survey/headcount", Map.of("headcount", "1,234")).then().statusCode(303);

        lead.get("/staff-survey").then().statusCode(200)
                .body(containsString("value=\"1234\""))
                .body(containsString("3 of 1234 staff (0%), target 40%"))
                .body(not(containsString("7 of 1234")));
        lead.get("/agencies/" + agency.id).then().statusCode(200).body(staffHeadcount("1234"));
        lead.get("/home").then().statusCode(200).body(staffHeadcount("1234"));
        WebSession.signedIn(fixtures.moderator(Area.PORTSMOUTH).email).get("/survey-take-up").then().statusCode(200)
                .body(containsString("3 of 1234 staff (0%)"));

        lead.post("/staff-survey/headcount", Map.of("headcount", "6")).then().statusCode(303);
        lead.get("/staff-survey").then().body(containsString("3 of 6 staff (50%), target 40%"));
        lead.get("/agencies/" + agency.id).then().body(staffHeadcount("6"));
    }

    private static org.hamcrest.Matcher<String> staffHeadcount(String value) {
        return matchesPattern("(?s).*Staff headcount</dt>\\s*<dd class=\"govuk-summary-list__value\">" + value + "</dd>.*");
    }

    private void answers(Agency agency, Cycle cycle, int count) {
        writer.storeAsOneBatch(IntStream.range(0, count)
                .mapToObj(i -> SurveyWriterTest.pending(agency.id, cycle.id, UUID.randomUUID().toString().replace("-", "") + "h".repeat(32)))
                .toList()).forEach(stored -> org.junit.jupiter.api.Assertions.assertTrue(stored));
    }
}
