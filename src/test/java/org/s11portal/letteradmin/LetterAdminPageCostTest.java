package org.s11portal.letteradmin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.s11portal.agency.Area;
import org.s11portal.panel.Theme;
import org.s11portal.support.Fixtures;
import org.s11portal.support.PageCost;
import org.s11portal.support.WebSession;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** What the editor and the themes list cost the database: the same statements with one record or several. */
@QuarkusTest
class LetterAdminPageCostTest {

    @Inject
    Fixtures fixtures;

    @Inject
    LetterAdminTestData data;

    @Inject
    PageCost cost;

    @Test
    void theEditorCostsTheSameWithOneOrFourRecordsToPreviewOn() {
        LetterAdminTestData.PanelRecord first = data.withOutcome(LocalDate.of(2026, 5, 1), Area.SOUTHAMPTON);
        WebSession admin = WebSession.signedIn(fixtures.admin(Area.SOUTHAMPTON).email);
        String edit = "/admin/letter-templates/LOCAL-SOUTHAMPTON/edit";
        admin.get(edit).then().statusCode(200);
        long withOne = cost.statements(() -> admin.get(edit).then().statusCode(200));
        LetterAdminTestData.PanelRecord last = null;
        for (int i = 0; i < 3; i++) {
            last = data.withOutcome(LocalDate.of(2026, 5, 2 + i), Area.SOUTHAMPTON);
        }
        String page = admin.get(edit).then().statusCode(200).extract().asString();
        assertTrue(page.contains(first.agency().name) && page.contains(last.agency().name));
        long withFour = cost.statements(() -> admin.get(edit).then().statusCode(200));
        assertEquals(withOne, withFour, "no statement per record");
        assertTrue(withFour <= 10, "the editor: " + withFour + " statements");
    }

    @Test
    void theThemesListCostsTheSameWithMoreThemesAndFindings() {
        WebSession admin = WebSession.signedIn(fixtures.admin(null).email);
        admin.get("/admin/themes").then().statusCode(200);
        long before = cost.statements(() -> admin.get("/admin/themes").then().statusCode(200));
        admin.post("/admin/themes", java.util.Map.of("name", Fixtures.unique("Cost theme"))).then().statusCode(303);
        Theme theme = data.themeNamed(admin.get("/admin/themes").asString().replaceAll("(?s).*(Cost theme [0-9a-f]+).*", "$1"));
        data.withOutcome(LocalDate.of(2026, 5, 9), List.of(theme), Area.HAMPSHIRE);
        long after = cost.statements(() -> admin.get("/admin/themes").then().statusCode(200));
        assertEquals(before, after, "no statement per theme or finding");
        assertTrue(after <= 6, "the themes list: " + after + " statements");
    }
}
