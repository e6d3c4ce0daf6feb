package org.s11portal.agencyadmin;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.s11portal.account.User;
import org.s11portal.agency.Agency;
import org.s11portal.agency.Area;
import org.s11portal.agency.Partnership;
import org.s11portal.agency.Sector;
import org.s11portal.audit.AdminChange;
import org.s11portal.support.Fixtures;
import org.s11portal.support.PageCost;
import org.s11portal.support.WebSession;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.response.Response;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** Creating, editing (with lost-update detection), archiving, restoring and deleting agencies, and the log of each. */
@QuarkusTest
class AgencyAdminResourceTest {

    @Inject
    Fixtures fixtures;

    @Inject
    PageCost cost;

    private static long partnershipId(Area area) {
        return QuarkusTransaction.requiringNew().call(() -> Partnership.of(area).id);
    }

    /** Posts the new-agency form and expects it refused with the message, everything typed shown back, nothing made. */
    private void refused(WebSession admin, Map<String, String> form, List<String> areas, String message) {
        Response response = AgencyAdminData.post(admin, "/admin/agencies/new", form, areas);
        response.then().statusCode(400).body(containsString("There is a problem")).body(containsString(
                message.replace("'", "&#39;")));
        String html = response.asString();
        if (form.get("name") != null && !form.get("name").isBlank() && form.get("name").length() < 300) {
            assertTrue(html.contains("value=\"" + form.get("name").replace("'", "&#39;") + "\""), "name kept: " + message);
        }
        if (!form.get("headcount").isEmpty()) {
            assertTrue(html.contains("value=\"" + form.get("headcount") + "\""), "headcount kept: " + message);
        }
        if (!form.get("seniorLeadEmail").isEmpty()) {
            assertTrue(html.contains("value=\"" + form.get("seniorLeadEmail") + "\""), "email kept: " + message);
        }
        areas.stream().filter(a -> !a.equals("ATLANTIS"))
                .forEach(a -> assertTrue(html.contains("value=\"" + a + "\" checked"), "area kept: " + message));
    }

    @Test
    void everyRuleOfTheFormIsCheckedWithEverythingTypedKept() {
        Agency existing = fixtures.anAgency().inAreas(Area.PORTSMOUTH).create();
        WebSession admin = WebSession.signedIn(fixtures.admin(Area.PORTSMOUTH).email);
        admin.get("/admin/agencies/new").then().statusCode(200).body(containsString("value=\"PORTSMOUTH\" checked"));
        String name = Fixtures.unique("Refused");

        Map<String, String> form = AgencyAdminData.form("  ");
        refused(admin, form, List.of("PORTSMOUTH"), "Enter the agency's name");

        form = AgencyAdminData.form("x".repeat(201));
        refused(admin, form, List.of("PORTSMOUTH"), "Name must be 200 characters or fewer");

        form = AgencyAdminData.form("  " + existing.name.toUpperCase() + " ");
        refused(admin, form, List.of("PORTSMOUTH"), "An agency called \u201c" + existing.name.toUpperCase() + "\u201d already exists");

        form = AgencyAdminData.form(name);
        form.put("sector", "");
        refused(admin, form, List.of("PORTSMOUTH"), "Select the agency's sector");

        form = AgencyAdminData.form(name);
        form.put("sector", "SPACE_AGENCY");
        refused(admin, form, List.of("PORTSMOUTH"), "is not one of the sectors");

        refused(admin, AgencyAdminData.form(name), List.of(), "Select at least one area the agency works in");
        refused(admin, AgencyAdminData.form(name), List.of("ATLANTIS"), "is not an area");
        refused(admin, AgencyAdminData.form(name), List.of("SOUTHAMPTON"), "Areas must include Portsmouth");

        for (String headcount : List.of("many", "12.5", "-3")) {
            form = AgencyAdminData.form(name);
            form.put("headcount", headcount);
            refused(admin, form, List.of("PORTSMOUTH"), "Headcount must be a whole number, like 250");
        }
        for (String headcount : List.of("0", "500001")) {
            form = AgencyAdminData.form(name);
            form.put("headcount", headcount);
            refused(admin, form, List.of("PORTSMOUTH"), "Headcount must be between 1 and 500,000");
        }
        for (String email : List.of("not-an-email", "name@localhost", "two@@example.org")) {
            form = AgencyAdminData.form(name);
            form.put("seniorLeadEmail", email);
            refused(admin, form, List.of("PORTSMOUTH"), "Enter the senior lead's email address in the right format");
        }
        form = AgencyAdminData.form(name);
        form.put("seniorLeadName", "n".repeat(121));
        refused(admin, form, List.of("PORTSMOUTH"), "Senior lead's name must be 120 characters or fewer");

        assertNull(AgencyAdminData.byName(name), "no refused form made an agency");
    }

    @Test
    void anAdminCreatesAJointAgencyAndItIsLogged() {
        WebSession admin = WebSession.signedIn(fixtures.admin(Area.PORTSMOUTH).email);
        String name = Fixtures.unique("Created");
        Map<String, String> form = AgencyAdminData.form("  " + name + "  ");
        form.put("sector", "POLICE");
        form.put("headcount", " 250 ");
        form.put("seniorLeadName", "Dr Ada Lead");
        form.put("seniorLeadEmail", "Ada.Lead@Example.org");
        String location = AgencyAdminData.post(admin, "/admin/agencies/new", form, List.of("PORTSMOUTH", "ISLE_OF_WIGHT"))
                .then().statusCode(303).extract().header("Location");

        Agency agency = AgencyAdminData.byName(name);
        assertNotNull(agency);
        assertTrue(location.endsWith("/admin/agencies/" + agency.id + "?done=created"), location);
        assertEquals(Sector.POLICE, agency.sector);
        assertEquals(250, agency.headcount);
        assertEquals("ada.lead@example.org", agency.seniorLeadEmail);
        assertEquals(Set.of(Area.PORTSMOUTH, Area.ISLE_OF_WIGHT),
                Set.copyOf(agency.areas.stream().map(p -> p.code).toList()));
        admin.get(location).then().statusCode(200).body(containsString("The agency has been added"))
                .body(containsString("Joint (HIPS)"))
                .body(containsString("Works in two or more areas, so it is audited once, jointly, and moderated by all four partnerships"))
                .body(containsString("Dr Ada Lead")).body(containsString("href=\"/admin/users\""));

        List<AdminChange> changes = AgencyAdminData.changes(agency.id);
        assertEquals(1, changes.size());
        assertEquals("Created agency", changes.get(0).action);
        assertNull(changes.get(0).beforeJson);
        assertTrue(changes.get(0).afterJson.contains(name));
        assertTrue(changes.get(0).partnershipIds.contains("," + partnershipId(Area.PORTSMOUTH) + ","));
        assertTrue(changes.get(0).partnershipIds.contains("," + partnershipId(Area.ISLE_OF_WIGHT) + ","));
    }

    @Test
    void theHipsAdminCreatesAnAgencyInAnyArea() {
        WebSession hips = WebSession.signedIn(fixtures.admin(null).email);
        String name = Fixtures.unique("Anywhere");
        AgencyAdminData.post(hips, "/admin/agencies/new", AgencyAdminData.form(name), List.of("SOUTHAMPTON"))
                .then().statusCode(303);
        Agency agency = AgencyAdminData.byName(name);
        assertEquals("Local (Southampton)", agency.route());
        hips.get("/admin/agencies/" + agency.id).then().statusCode(200)
                .body(containsString("Works in one area, so its own partnership audits and moderates it"));
    }

    @Test
    void anEditRecordsBeforeAndAfterForEveryAreaItTouched() {
        Agency agency = fixtures.anAgency().inAreas(Area.PORTSMOUTH, Area.SOUTHAMPTON).create();
        WebSession admin = WebSession.signedIn(fixtures.admin(Area.PORTSMOUTH).email);
        admin.get("/admin/agencies/" + agency.id + "/edit").then().statusCode(200)
                .body(containsString("name=\"version\" value=\"0\"")).body(containsString(agency.name));
        Map<String, String> form = AgencyAdminData.form(agency.name + " renamed");
        form.put("version", "0");
        form.put("headcount", "40");
        AgencyAdminData.post(admin, "/admin/agencies/" + agency.id + "/edit", form, List.of("PORTSMOUTH", "HAMPSHIRE"))
                .then().statusCode(303).header("Location", containsString("done=changed"));

        Agency after = AgencyAdminData.reload(agency);
        assertEquals(agency.name + " renamed", after.name);
        assertEquals(40, after.headcount);
        assertEquals(1, after.version);
        AdminChange change = AgencyAdminData.changes(agency.id).get(0);
        assertEquals("Changed agency", change.action);
        assertTrue(change.beforeJson.contains("\"Southampton\"") && !change.beforeJson.contains("\"Hampshire\""), change.beforeJson);
        assertTrue(change.afterJson.contains("\"Hampshire\"") && change.afterJson.contains("\"headcount\" : 40"), change.afterJson);
        for (Area area : List.of(Area.PORTSMOUTH, Area.SOUTHAMPTON, Area.HAMPSHIRE)) {
            assertTrue(change.partnershipIds.contains("," + partnershipId(area) + ","), area + " " + change.partnershipIds);
        }
    }

    @Test
    void aStaleEditShowsTheConflictAndOverwritesNothing() {
        Agency agency = fixtures.anAgency().inAreas(Area.HAMPSHIRE).create();
        WebSession first = WebSession.signedIn(fixtures.admin(Area.HAMPSHIRE).email);
        WebSession second = WebSession.signedIn(fixtures.admin(null).email);
        Map<String, String> theirs = AgencyAdminData.form(agency.name);
        theirs.put("version", "0");
        theirs.put("headcount", "100");
        AgencyAdminData.post(first, "/admin/agencies/" + agency.id + "/edit", theirs, List.of("HAMPSHIRE")).then().statusCode(303);

        Map<String, String> mine = AgencyAdminData.form(agency.name);
        mine.put("version", "0");
        mine.put("headcount", "999");
        AgencyAdminData.post(second, "/admin/agencies/" + agency.id + "/edit", mine, List.of("HAMPSHIRE"))
                .then().statusCode(409).body(containsString("Someone else changed this agency while you were editing"))
                .body(containsString(">100<")).body(containsString(">999<"))
                .body(containsString("name=\"version\" value=\"1\""));
        assertEquals(100, AgencyAdminData.reload(agency).headcount);
        assertEquals(1, AgencyAdminData.changes(agency.id).size());

        mine.put("version", "1");
        AgencyAdminData.post(second, "/admin/agencies/" + agency.id + "/edit", mine, List.of("HAMPSHIRE")).then().statusCode(303);
        assertEquals(999, AgencyAdminData.reload(agency).headcount);
    }

    @Test
    void anAgencyWithHistoryIsArchivedNotDeletedAndRestored() {
        Agency agency = fixtures.anAgency().inAreas(Area.SOUTHAMPTON).create();
        fixtures.lead(agency);
        WebSession admin = WebSession.signedIn(fixtures.admin(Area.SOUTHAMPTON).email);
        admin.get("/admin/agencies/" + agency.id).then().statusCode(200).body(not(containsString("Delete this agency")));
        admin.get("/admin/agencies/" + agency.id + "/delete").then().statusCode(200)
                .body(containsString("This agency cannot be deleted")).body(containsString("user accounts"));
        AgencyAdminData.post(admin, "/admin/agencies/" + agency.id + "/delete", Map.of(), List.of()).then().statusCode(409);
        assertNotNull(AgencyAdminData.reload(agency));

        AgencyAdminData.post(admin, "/admin/agencies/" + agency.id + "/archive", Map.of("reason", "x".repeat(501)), List.of())
                .then().statusCode(400).body(containsString("Reason must be 500 characters or fewer"));
        assertNull(AgencyAdminData.reload(agency).archivedAt);
        admin.get("/admin/agencies/" + agency.id + "/archive").then().statusCode(200)
                .body(containsString("Are you sure you want to archive this agency?"));
        AgencyAdminData.post(admin, "/admin/agencies/" + agency.id + "/archive", Map.of("reason", "Merged into another trust"),
                List.of()).then().statusCode(303);
        assertNotNull(AgencyAdminData.reload(agency).archivedAt);
        admin.get("/admin/agencies/" + agency.id + "?done=archived").then().statusCode(200)
                .body(containsString("govuk-tag--grey\">Archived")).body(containsString("Restore this agency"));
        admin.get("/admin/agencies?status=archived").then().statusCode(200).body(containsString(agency.name));
        admin.get("/admin/agencies?status=active").then().statusCode(200).body(not(containsString(agency.name)));
        admin.get(agency.path()).then().statusCode(200).body(containsString(agency.name));

        AgencyAdminData.post(admin, "/admin/agencies/" + agency.id + "/restore", Map.of(), List.of()).then().statusCode(303);
        assertNull(AgencyAdminData.reload(agency).archivedAt);

        List<AdminChange> changes = AgencyAdminData.changes(agency.id);
        assertEquals(List.of("Archived agency", "Restored agency"), changes.stream().map(c -> c.action).toList());
        assertTrue(changes.get(0).afterJson.contains("Merged into another trust"));
    }

    @Test
    void anAgencyWithoutHistoryIsDeletedAfterConfirmation() {
        Agency agency = fixtures.anAgency().inAreas(Area.ISLE_OF_WIGHT).inNoCycle().create();
        WebSession admin = WebSession.signedIn(fixtures.admin(Area.ISLE_OF_WIGHT).email);
        admin.get("/admin/agencies/" + agency.id).then().statusCode(200).body(containsString("Delete this agency"));
        admin.get("/admin/agencies/" + agency.id + "/delete").then().statusCode(200)
                .body(containsString("Are you sure you want to delete this agency?"));
        AgencyAdminData.post(admin, "/admin/agencies/" + agency.id + "/delete", Map.of(), List.of()).then().statusCode(303);
        assertNull(AgencyAdminData.reload(agency));
        List<AdminChange> changes = AgencyAdminData.changes(agency.id);
        assertEquals(1, changes.size());
        assertEquals("Deleted agency", changes.get(0).action);
        assertNull(changes.get(0).afterJson);
        assertTrue(changes.get(0).beforeJson.contains(agency.name));
        admin.get("/admin/agencies/" + agency.id).then().statusCode(404);
    }

    @Test
    void pagesRenderForAMinimalAndAFullAgency() {
        Agency minimal = fixtures.anAgency().inAreas(Area.HAMPSHIRE).create();
        Agency full = fixtures.anAgency().inAreas(Area.HAMPSHIRE, Area.ISLE_OF_WIGHT, Area.PORTSMOUTH, Area.SOUTHAMPTON).create();
        String longName = ("0 Full " + full.id + " " + "Wessex and Solent Regional Safeguarding Consortium ".repeat(4)).substring(0, 200);
        QuarkusTransaction.requiringNew().run(() -> {
            Agency a = Agency.findById(full.id);
            a.name = longName;
            a.headcount = 500_000;
            a.seniorLeadName = "Professor Alexandra Catherine Montgomery-Smythe";
            a.seniorLeadEmail = "alexandra.montgomery-smythe@wessex-solent-consortium.example.org";
        });
        User lead1 = fixtures.lead(full);
        User lead2 = fixtures.lead(full);
        WebSession hips = WebSession.signedIn(fixtures.admin(null).email);

        hips.get("/admin/agencies/" + minimal.id).then().statusCode(200).body(containsString("Not given"))
                .body(containsString("None yet")).body(containsString("Local (Hampshire)"));
        hips.get("/admin/agencies/" + full.id).then().statusCode(200).body(containsString(longName))
                .body(containsString(lead1.email)).body(containsString(lead2.email))
                .body(containsString("Isle of Wight")).body(containsString("Joint (HIPS)"));
        for (Agency agency : List.of(minimal, full)) {
            for (String page : AgencyAdminScopeTest.agencyPages(agency.id)) {
                hips.get(page).then().statusCode(200);
            }
        }
        hips.get("/admin/agencies?status=all").then().statusCode(200).body(containsString(longName))
                .body(containsString(lead1.displayName));
    }

    @Test
    void theListFiltersBySectorAndStatus() {
        Agency police = fixtures.anAgency().inAreas(Area.SOUTHAMPTON).create();
        QuarkusTransaction.requiringNew().run(() -> Agency.<Agency>findById(police.id).sector = Sector.FIRE_AND_RESCUE);
        Agency voluntary = fixtures.anAgency().inAreas(Area.SOUTHAMPTON).create();
        WebSession admin = WebSession.signedIn(fixtures.admin(Area.SOUTHAMPTON).email);
        admin.get("/admin/agencies?sector=FIRE_AND_RESCUE&status=all").then().statusCode(200)
                .body(containsString(police.name)).body(not(containsString(voluntary.name)));
    }

    @Test
    void theListCostsTheSameWithMoreAgenciesAndLeads() {
        WebSession admin = WebSession.signedIn(fixtures.admin(Area.ISLE_OF_WIGHT).email);
        Agency first = fixtures.anAgency().inAreas(Area.ISLE_OF_WIGHT).create();
        fixtures.lead(first);
        Runnable list = () -> admin.get("/admin/agencies?status=all").then().statusCode(200);
        list.run();
        long few = cost.statements(list);
        for (int i = 0; i < 20; i++) {
            Agency more = fixtures.anAgency().inAreas(Area.ISLE_OF_WIGHT, Area.HAMPSHIRE).create();
            fixtures.lead(more);
        }
        list.run();
        assertEquals(few, cost.statements(list));
        assertEquals(1, cost.transactions(list));
    }
}
