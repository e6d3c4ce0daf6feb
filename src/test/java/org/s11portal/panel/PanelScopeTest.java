package org.s11portal.panel;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
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

/**
 * Who may see and run which panel: moderators of each of the four partnerships see the joint panel and their own
 * partnership's local panel; every other panel, item, form and API answer is 404, as it is for leads and admins.
 */
@QuarkusTest
class PanelScopeTest {

    @Inject
    Fixtures fixtures;

    @Inject
    PanelTestData data;

    @Inject
    PortalClock clock;

    @Test
    void eachPartnershipsModeratorsRunTheJointPanelAndTheirOwnLocalPanelOnly() {
        Cycle cycle = fixtures.aCycle().withTool().create();
        Agency joint = fixtures.anAgency().inAreas(Area.HAMPSHIRE, Area.SOUTHAMPTON).create();
        Assessment jointAssessment = fixtures.anAssessment().forAgency(joint).inCycle(cycle).submitted().create();
        Map<Area, Assessment> local = new EnumMap<>(Area.class);
        Map<Area, User> moderators = new EnumMap<>(Area.class);
        Map<Area, WebSession> sessions = new EnumMap<>(Area.class);
        for (Area area : Area.values()) {
            local.put(area, fixtures.anAssessment().forAgency(fixtures.anAgency().inAreas(area).create()).inCycle(cycle)
                    .submitted().create());
            moderators.put(area, fixtures.moderator(area));
            sessions.put(area, WebSession.signedIn(moderators.get(area).email));
        }
        LocalDate day = clock.today().plusDays(20);
        long jointPanel = PanelTestData.plan(sessions.get(Area.HAMPSHIRE), day, "JOINT", moderators.get(Area.HAMPSHIRE).id,
                moderators.get(Area.PORTSMOUTH).id);
        assertEquals(List.of(jointAssessment.id), data.items(jointPanel).stream().map(i -> i.assessment.id).toList());
        Map<Area, Long> localPanels = new EnumMap<>(Area.class);
        for (Area area : Area.values()) {
            long panel = PanelTestData.plan(sessions.get(area), day, "LOCAL", moderators.get(area).id);
            localPanels.put(area, panel);
            assertEquals(List.of(local.get(area).id), data.items(panel).stream().map(i -> i.assessment.id).toList(),
                    area + "'s local panel holds only its own single-area agency");
        }

        List<String> wrong = new ArrayList<>();
        for (Area who : Area.values()) {
            WebSession session = sessions.get(who);
            check(wrong, session, who + " joint", jointPanel, 200);
            for (Area whose : Area.values()) {
                check(wrong, session, who + " on " + whose + " local", localPanels.get(whose), who == whose ? 200 : 404);
            }
        }
        assertEquals(List.of(), wrong);

        // a moderator of no partnership (HIPS): joint only, and no local panel to plan
        WebSession hips = WebSession.signedIn(fixtures.moderator(null).email);
        check(wrong, hips, "HIPS joint", jointPanel, 200);
        check(wrong, hips, "HIPS local", localPanels.get(Area.PORTSMOUTH), 404);
        assertEquals(List.of(), wrong);
        hips.get("/panels/new").then().statusCode(200);
        hips.post("/panels/new", Map.of("heldOn-day", String.valueOf(day.getDayOfMonth()), "heldOn-month",
                String.valueOf(day.getMonthValue()), "heldOn-year", String.valueOf(day.getYear()), "kind", "LOCAL"))
                .then().statusCode(400).body(containsString("Select joint panel"));

        // leads and admins have no panels at all: 404, even for the list
        WebSession lead = WebSession.signedIn(fixtures.lead(joint).email);
        WebSession admin = WebSession.signedIn(fixtures.admin(Area.HAMPSHIRE).email);
        for (WebSession other : List.of(lead, admin)) {
            other.get("/panels").then().statusCode(404);
            other.get("/panels/new").then().statusCode(404);
            check(wrong, other, "lead/admin", jointPanel, 404);
            other.api().get("/api/v1/panels").then().statusCode(404);
        }
        assertEquals(List.of(), wrong);

        // an item of one panel under another panel's address is not found either
        long portsmouthItem = data.items(localPanels.get(Area.PORTSMOUTH)).get(0).id;
        sessions.get(Area.HAMPSHIRE).get("/panels/" + localPanels.get(Area.HAMPSHIRE) + "/items/" + portsmouthItem)
                .then().statusCode(404);
        sessions.get(Area.HAMPSHIRE).get("/panels/" + Long.MAX_VALUE).then().statusCode(404);

        // the list shows only what is in scope
        String list = sessions.get(Area.ISLE_OF_WIGHT).get("/panels").then().statusCode(200).extract().asString();
        assertEquals(true, list.contains("/panels/" + jointPanel + "\""));
        assertEquals(true, list.contains("/panels/" + localPanels.get(Area.ISLE_OF_WIGHT) + "\""));
        assertEquals(false, list.contains("/panels/" + localPanels.get(Area.SOUTHAMPTON) + "\""));
    }

    /** Every page, form and API of one panel answers the expected status for this session. */
    private void check(List<String> wrong, WebSession session, String label, long panelId, int expected) {
        long itemId = data.items(panelId).get(0).id;
        String panel = "/panels/" + panelId;
        String item = panel + "/items/" + itemId;
        session.get("/home");
        record(wrong, label + " agenda", session.get(panel).statusCode(), expected);
        record(wrong, label + " item", session.get(item).statusCode(), expected);
        // a form sent from outside scope changes nothing and says nothing (a refused form in scope is 400)
        int form = session.post(item + "/findings/T1", PanelTestData.finding("T1", "no", null, "", "x", "")).statusCode();
        record(wrong, label + " finding", form, expected == 200 ? 400 : 404);
        int outcome = session.post(item + "/outcome", Map.of("seen", "")).statusCode();
        record(wrong, label + " outcome", outcome, expected == 200 ? 400 : 404);
        int move = session.post(item + "/move", Map.of("direction", "up")).statusCode();
        record(wrong, label + " move", move, expected == 200 ? 303 : 404);
        record(wrong, label + " api agenda", session.api().get("/api/v1" + panel + "/agenda").statusCode(), expected);
        record(wrong, label + " api outcomes", session.api().get("/api/v1" + panel + "/outcomes").statusCode(), expected);
    }

    private static void record(List<String> wrong, String what, int actual, int expected) {
        if (actual != expected) {
            wrong.add(what + ": " + actual + " instead of " + expected);
        }
    }
}
