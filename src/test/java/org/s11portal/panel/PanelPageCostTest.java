package org.s11portal.panel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.s11portal.account.User;
import org.s11portal.agency.Area;
import org.s11portal.common.config.PortalClock;
import org.s11portal.cycle.Cycle;
import org.s11portal.support.Fixtures;
import org.s11portal.support.PageCost;
import org.s11portal.support.WebSession;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The agenda and item pages prepare as many SQL statements for an agenda of 2 as for one of 14, in one transaction. */
@QuarkusTest
class PanelPageCostTest {

    @Inject
    Fixtures fixtures;

    @Inject
    PanelTestData data;

    @Inject
    PageCost cost;

    @Inject
    PortalClock clock;

    private long panelOf(int submissions, User moderator, WebSession session) {
        Cycle cycle = fixtures.aCycle().withTool().create();
        for (int i = 0; i < submissions; i++) {
            Area second = Area.values()[1 + i % 3];
            fixtures.anAssessment().forAgency(fixtures.anAgency().inAreas(Area.HAMPSHIRE, second).create()).inCycle(cycle)
                    .submitted().create();
        }
        long panelId = PanelTestData.plan(session, clock.today().plusDays(7), "JOINT", moderator.id);
        assertEquals(submissions, data.items(panelId).size());
        return panelId;
    }

    @Test
    void theAgendaAndItemPagesCostTheSameWhateverTheAgendaSize() {
        User moderator = fixtures.moderator(Area.HAMPSHIRE);
        WebSession session = WebSession.signedIn(moderator.email);
        long small = panelOf(2, moderator, session);
        long large = panelOf(14, moderator, session);

        long smallAgenda = statements(session, "/panels/" + small);
        long largeAgenda = statements(session, "/panels/" + large);
        assertEquals(smallAgenda, largeAgenda, "agenda page: " + smallAgenda + " statements for 2, " + largeAgenda + " for 14");

        long smallItem = statements(session, "/panels/" + small + "/items/" + data.items(small).get(1).id);
        long largeItem = statements(session, "/panels/" + large + "/items/" + data.items(large).get(7).id);
        assertEquals(smallItem, largeItem, "item page: " + smallItem + " statements for 2, " + largeItem + " for 14");

        assertTrue(cost.transactions(() -> session.get("/panels/" + large).then().statusCode(200)) <= 1);
        String firstItem = "/panels/" + large + "/items/" + data.items(large).get(0).id;
        assertTrue(cost.transactions(() -> session.get(firstItem).then().statusCode(200)) <= 1);
    }

    private long statements(WebSession session, String path) {
        session.get(path).then().statusCode(200);
        return cost.statements(() -> session.get(path).then().statusCode(200));
    }
}
