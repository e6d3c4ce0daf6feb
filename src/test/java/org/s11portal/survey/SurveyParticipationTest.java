package org.s11portal.survey;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.s11portal.agency.Agency;
import org.s11portal.agency.Area;
import org.s11portal.cycle.Cycle;
import org.s11portal.support.Fixtures;
import org.s11portal.support.WebSession;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * Only agencies taking part in a cycle have its staff survey: the lead of any other agency is offered no link (and
 * cannot make one), and take-up, the results and their CSV list and count only the agencies taking part. Answers of an
 * agency that does not take part (a link made before it was taken out) are in no figure, as rule 1 leaves out a small
 * agency, so every figure is still a sum of published cells.
 */
@QuarkusTest
class SurveyParticipationTest {

    @Inject
    Fixtures fixtures;

    @Test
    void theLeadOfAnAgencyNotTakingPartIsOfferedNoSurveyLinkAndCannotMakeOne() {
        fixtures.aCycle().create(); // the live cycle
        Agency outsider = fixtures.anAgency().inAreas(Area.PORTSMOUTH).inNoCycle().create();
        Agency taking = fixtures.anAgency().inAreas(Area.PORTSMOUTH).create();
        WebSession lead = WebSession.signedIn(fixtures.lead(outsider).email);

        lead.get("/staff-survey").then().statusCode(200)
                .body(containsString("id=\"not-taking-part\""))
                .body(containsString("Your agency is not taking part in the"))
                .body(not(containsString("Create your survey link")))
                .body(not(containsString("action=\"/staff-survey/link\"")));
        lead.post("/staff-survey/link", Map.of()).then().statusCode(409).body(containsString("id=\"not-taking-part\""));
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> SurveyLink.count("agency.id", outsider.id)));
        lead.get("/staff-survey/poster").then().statusCode(404);
        lead.get("/staff-survey/qr.svg").then().statusCode(404);

        // an agency taking part makes its link as before
        WebSession takingLead = WebSession.signedIn(fixtures.lead(taking).email);
        takingLead.get("/staff-survey").then().statusCode(200).body(containsString("Create your survey link"));
        takingLead.post("/staff-survey/link", Map.of()).then().statusCode(303);
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> SurveyLink.count("agency.id", taking.id)));
    }

    @Test
    void takeUpListsOnlyTheAgenciesTakingPartNeverOneNotTakingPartAtZeroPercent() {
        fixtures.aCycle().create(); // the live cycle
        Agency taking = fixtures.anAgency().inAreas(Area.ISLE_OF_WIGHT).create();
        Agency outsider = fixtures.anAgency().inAreas(Area.ISLE_OF_WIGHT).inNoCycle().create();
        WebSession.signedIn(fixtures.moderator(Area.ISLE_OF_WIGHT).email).get("/survey-take-up").then().statusCode(200)
                .body(containsString(taking.name))
                .body(not(containsString(outsider.name)));
    }

    @Test
    void resultsAndTheirCsvCountOnlyTheAgenciesTakingPart() {
        Cycle cycle = fixtures.aCycleWithSurveyResults();
        Agency taking = fixtures.anAgency().inAreas(Area.HAMPSHIRE).create();
        Agency outsider = fixtures.anAgency().inAreas(Area.HAMPSHIRE).create();
        fixtures.surveyResponses(6).forAgency(taking).inCycle(cycle).create();
        fixtures.surveyResponses(11).forAgency(outsider).inCycle(cycle).freeText("A comment from an agency not taking part").create();
        fixtures.takeOutOf(cycle, outsider);
        WebSession moderator = WebSession.signedIn(fixtures.moderator(Area.HAMPSHIRE).email);

        String page = moderator.get("/survey-results?cycle=" + cycle.id).then().statusCode(200).extract().asString();
        assertTrue(page.contains("6 responses"), "the scope counts the agency taking part");
        assertFalse(page.contains("17 responses"), "and not the one that does not");
        assertFalse(page.contains("A comment from an agency not taking part"));
        assertTrue(page.contains(">" + taking.name + "</option>"), "the agency chooser offers the agency taking part");
        assertFalse(page.contains(outsider.name), "and not the other");

        String csv = moderator.get("/survey-results/results.csv?cycle=" + cycle.id).then().statusCode(200).extract().asString();
        List<String> all = csv.lines().filter(l -> l.contains(",\"All\",")).toList();
        assertFalse(all.isEmpty(), csv);
        all.forEach(line -> assertEquals("\"6\"", line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")[4], line));

        // the agency's own view (its HIPS column too) leaves the other agency's answers out
        String own = moderator.get("/survey-results/results.csv?cycle=" + cycle.id + "&agency=" + taking.id).then()
                .statusCode(200).extract().asString();
        assertEquals(csv.replace("All agencies in your scope", taking.name).lines().filter(l -> l.contains(",\"All\",")).toList(),
                own.lines().filter(l -> l.contains(",\"All\",")).toList());

        // asked for by its id, the agency not taking part has no results, and no CSV
        moderator.get("/survey-results?cycle=" + cycle.id + "&agency=" + outsider.id).then().statusCode(200)
                .body(containsString("This agency did not take part in the " + cycle.name + " cycle"))
                .body(not(containsString("app-chart__bar")));
        moderator.get("/survey-results/results.csv?cycle=" + cycle.id + "&agency=" + outsider.id).then().statusCode(404);
        WebSession.signedIn(fixtures.lead(outsider).email).get("/survey-results?cycle=" + cycle.id).then().statusCode(200)
                .body(containsString("Your agency did not take part in the " + cycle.name + " cycle"));
    }
}
