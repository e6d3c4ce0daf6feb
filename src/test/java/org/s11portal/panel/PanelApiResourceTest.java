package org.s11portal.panel;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.s11portal.account.User;
import org.s11portal.agency.Agency;
import org.s11portal.agency.Area;
import org.s11portal.assessment.Assessment;
import org.s11portal.common.config.PortalClock;
import org.s11portal.cycle.Cycle;
import org.s11portal.support.Fixtures;
import org.s11portal.support.WebSession;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The panels, agenda and outcomes as JSON, and in the OpenAPI document. */
@QuarkusTest
class PanelApiResourceTest {

    @Inject
    Fixtures fixtures;

    @Inject
    PanelTestData data;

    @Inject
    PortalClock clock;

    @Test
    void panelsAgendaAndOutcomesAsJsonWithoutPrivateNotes() {
        Cycle cycle = fixtures.aCycle().withTool().create();
        Agency agency = fixtures.anAgency().inAreas(Area.PORTSMOUTH, Area.SOUTHAMPTON).create();
        Assessment assessment = data.submittedThroughThePages(agency, cycle);
        User moderator = fixtures.moderator(Area.SOUTHAMPTON);
        WebSession session = WebSession.signedIn(moderator.email);
        LocalDate day = clock.today().plusDays(5);
        long panelId = PanelTestData.plan(session, day, "JOINT", moderator.id);
        long itemId = data.items(panelId).get(0).id;
        String item = "/panels/" + panelId + "/items/" + itemId;
        session.get(item);
        Map<String, String> finding = new java.util.HashMap<>(PanelTestData.finding("T1", "no", "NOT", "No board oversight",
                "Clear policies", ""));
        finding.put("T1-privateNotes", "Secret panel remark");
        session.post(item + "/findings/T1", finding).then().statusCode(303);
        LocalDate due = clock.today().plusMonths(2);
        session.post(item + "/outcome", Map.of("outcome", "ACCEPTED_WITH_ACTIONS", "seen", "", "action1-standard", "T1",
                "action1-description", "Set up board oversight", "action1-due-day", String.valueOf(due.getDayOfMonth()),
                "action1-due-month", String.valueOf(due.getMonthValue()), "action1-due-year", String.valueOf(due.getYear())))
                .then().statusCode(303);

        session.api().get("/api/v1/panels").then().statusCode(200)
                .body("id", hasItem((int) panelId))
                .body("find { it.id == " + panelId + " }.kind", equalTo("JOINT"))
                .body("find { it.id == " + panelId + " }.heldOn", equalTo(day.toString()))
                .body("find { it.id == " + panelId + " }.partnership", nullValue())
                .body("find { it.id == " + panelId + " }.items", equalTo(1))
                .body("find { it.id == " + panelId + " }.outcomes", equalTo(1));
        session.api().get("/api/v1/panels/" + panelId + "/agenda").then().statusCode(200)
                .body("panel.title", equalTo("Joint (HIPS) panel"))
                .body("items[0].agency", equalTo(agency.name))
                .body("items[0].assessmentId", equalTo(assessment.id.intValue()))
                .body("items[0].state", equalTo("MODERATED"))
                .body("items[0].outcome", equalTo("ACCEPTED_WITH_ACTIONS"));
        String outcomes = session.api().get("/api/v1/panels/" + panelId + "/outcomes").then().statusCode(200)
                .body("[0].outcome", equalTo("ACCEPTED_WITH_ACTIONS"))
                .body("[0].recordedBy", equalTo(moderator.displayName))
                .body("[0].findings[0].standard", equalTo("T1"))
                .body("[0].findings[0].panelRating", equalTo("NOT"))
                .body("[0].findings[0].strengths", equalTo("Clear policies"))
                .body("[0].requiredActions[0].description", equalTo("Set up board oversight"))
                .body("[0].requiredActions[0].due", equalTo(due.toString()))
                .extract().asString();
        org.junit.jupiter.api.Assertions.assertFalse(outcomes.contains("Secret panel remark"), "private notes never leave the panel");

        given().get("/q/openapi").then().statusCode(200)
                .body(containsString("/api/v1/panels"))
                .body(containsString("/api/v1/panels/{id}/agenda"))
                .body(containsString("/api/v1/panels/{id}/outcomes"))
                .body(not(containsString("privateNotes")));
    }
}
