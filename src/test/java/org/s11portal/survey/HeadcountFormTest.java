package org.s11portal.survey;

import static org.hamcrest.Matchers.containsString;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.s11portal.agency.Agency;
import org.s11portal.agency.Area;
import org.s11portal.support.Fixtures;
import org.s11portal.support.WebSession;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The headcount form: each problem said once, next to the field, with what was typed kept; nothing saved. */
@QuarkusTest
class HeadcountFormTest {

    @Inject
    Fixtures fixtures;

    @Test
    void eachProblemIsSaidAndNothingIsSaved() {
        fixtures.aCycle().create();
        Agency agency = fixtures.anAgency().inAreas(Area.SOUTHAMPTON).create();
        WebSession lead = WebSession.signedIn(fixtures.lead(agency).email);
        lead.get("/staff-survey");

        refused(lead, "", "Enter how many staff and volunteers your agency has");
        refused(lead, "   ", "Enter how many staff and volunteers your agency has");
        refused(lead, "ten", "Headcount must be a whole number, like 250");
        refused(lead, "12.5", "Headcount must be a whole number, like 250");
        refused(lead, "-", "Headcount must be a whole number, like 250");
        refused(lead, "-3", "Headcount must be between 1 and 500,000");
        refused(lead, "0", "Headcount must be between 1 and 500,000");
        refused(lead, "500001", "Headcount must be between 1 and 500,000");
        refused(lead, "99999999999999999999", "Headcount must be between 1 and 500,000");
        lead.get("/staff-survey").then().body(containsString("headcount not given yet"));

        lead.post("/staff-survey/headcount", Map.of("headcount", " 1,250 ")).then().statusCode(303);
        lead.get("/staff-survey").then().body(containsString("value=\"1250\""));
        lead.post("/staff-survey/headcount", Map.of("headcount", "500000")).then().statusCode(303);
        lead.get("/staff-survey").then().body(containsString("value=\"500000\""));
    }

    private static void refused(WebSession lead, String typed, String message) {
        lead.post("/staff-survey/headcount", Map.of("headcount", typed)).then().statusCode(400)
                .body(containsString("href=\"#headcount\">" + message + "</a>"))
                .body(containsString("<span class=\"govuk-visually-hidden\">Error:</span> " + message))
                .body(containsString("value=\"" + typed + "\""));
    }
}
