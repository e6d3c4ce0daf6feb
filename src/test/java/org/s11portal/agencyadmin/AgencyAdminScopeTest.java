package org.s11portal.agencyadmin;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.s11portal.agency.Agency;
import org.s11portal.agency.Area;
import org.s11portal.support.Fixtures;
import org.s11portal.support.WebSession;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * The scope matrix of every agency admin route: a Portsmouth admin gets 404 for a Southampton-only agency on each,
 * GET and POST, and changes nothing; joint agencies that include Portsmouth are theirs; the HIPS admin reaches all;
 * moderators and leads reach no admin route (403, as on the other admin pages).
 */
@QuarkusTest
class AgencyAdminScopeTest {

    @Inject
    Fixtures fixtures;

    /** The GET routes about one agency. */
    static List<String> agencyPages(long id) {
        String base = "/admin/agencies/" + id;
        return List.of(base, base + "/edit", base + "/archive", base + "/delete");
    }

    @Test
    void aPortsmouthAdminGets404ForASouthamptonOnlyAgencyOnEveryRoute() {
        Agency southampton = fixtures.anAgency().inAreas(Area.SOUTHAMPTON).create();
        WebSession admin = WebSession.signedIn(fixtures.admin(Area.PORTSMOUTH).email);
        admin.get("/admin/agencies").then().statusCode(200).body(not(containsString(southampton.name)));

        for (String page : agencyPages(southampton.id)) {
            admin.get(page).then().statusCode(404).body(not(containsString(southampton.name)));
        }
        String base = "/admin/agencies/" + southampton.id;
        Map<String, String> edit = AgencyAdminData.form("Taken over " + southampton.name);
        edit.put("version", "0");
        AgencyAdminData.post(admin, base + "/edit", edit, List.of("PORTSMOUTH")).then().statusCode(404);
        AgencyAdminData.post(admin, base + "/archive", Map.of("reason", "no"), List.of()).then().statusCode(404);
        AgencyAdminData.post(admin, base + "/restore", Map.of(), List.of()).then().statusCode(404);
        AgencyAdminData.post(admin, base + "/delete", Map.of(), List.of()).then().statusCode(404);

        Agency after = AgencyAdminData.reload(southampton);
        assertNotNull(after, "not deleted");
        assertEquals(southampton.name, after.name);
        assertFalse(after.isArchived());
        assertEquals(List.of(), AgencyAdminData.changes(southampton.id));
    }

    @Test
    void aPortsmouthAdminManagesJointAgenciesThatIncludePortsmouth() {
        Agency joint = fixtures.anAgency().inAreas(Area.PORTSMOUTH, Area.SOUTHAMPTON).create();
        WebSession admin = WebSession.signedIn(fixtures.admin(Area.PORTSMOUTH).email);
        for (String page : agencyPages(joint.id)) {
            admin.get(page).then().statusCode(200).body(containsString(joint.name));
        }
        AgencyAdminData.post(admin, "/admin/agencies/" + joint.id + "/archive", Map.of("reason", ""), List.of())
                .then().statusCode(303);
        AgencyAdminData.post(admin, "/admin/agencies/" + joint.id + "/restore", Map.of(), List.of()).then().statusCode(303);
    }

    @Test
    void theHipsAdminReachesEveryAgency() {
        Agency southampton = fixtures.anAgency().inAreas(Area.SOUTHAMPTON).create();
        Agency wight = fixtures.anAgency().inAreas(Area.ISLE_OF_WIGHT).create();
        WebSession hips = WebSession.signedIn(fixtures.admin(null).email);
        for (Agency agency : List.of(southampton, wight)) {
            for (String page : agencyPages(agency.id)) {
                hips.get(page).then().statusCode(200).body(containsString(agency.name));
            }
        }
        hips.get("/admin/agencies/new").then().statusCode(200);
        hips.get("/admin/agencies/import").then().statusCode(200);
        hips.get("/admin/agencies/" + Long.MAX_VALUE).then().statusCode(404);
    }

    @Test
    void moderatorsAndLeadsReachNoAdminRoute() {
        Agency agency = fixtures.anAgency().inAreas(Area.PORTSMOUTH).create();
        WebSession admin = WebSession.signedIn(fixtures.admin(Area.PORTSMOUTH).email);
        AgencyAdminData.upload(admin, "a.csv", "name,sector,areas\n" + Fixtures.unique("Scope") + ",Police,Portsmouth\n")
                .then().statusCode(303);
        String importPath = latestImport();

        for (WebSession other : List.of(WebSession.signedIn(fixtures.moderator(Area.PORTSMOUTH).email),
                WebSession.signedIn(fixtures.lead(agency).email))) {
            for (String page : List.of("/admin/agencies", "/admin/agencies/new", "/admin/agencies/import",
                    "/admin/agencies/import/template.csv", "/admin/agencies/import/done", importPath)) {
                other.get(page).then().statusCode(403);
            }
            for (String page : agencyPages(agency.id)) {
                other.get(page).then().statusCode(403);
            }
            Map<String, String> edit = AgencyAdminData.form(Fixtures.unique("Not theirs"));
            edit.put("version", "0");
            AgencyAdminData.post(other, "/admin/agencies/new", edit, List.of("PORTSMOUTH")).then().statusCode(403);
            AgencyAdminData.post(other, "/admin/agencies/" + agency.id + "/edit", edit, List.of("PORTSMOUTH"))
                    .then().statusCode(403);
            for (String action : List.of("archive", "restore", "delete")) {
                AgencyAdminData.post(other, "/admin/agencies/" + agency.id + "/" + action, Map.of(), List.of())
                        .then().statusCode(403);
            }
            AgencyAdminData.post(other, importPath, Map.of(), List.of()).then().statusCode(403);
            AgencyAdminData.upload(other, "a.csv", "name,sector,areas\nX,Police,Portsmouth\n").then().statusCode(403);
        }
        assertEquals(List.of(), AgencyAdminData.changes(agency.id));
    }

    @Test
    void anImportIsItsUploadersOnly() {
        WebSession mine = WebSession.signedIn(fixtures.admin(Area.HAMPSHIRE).email);
        String name = Fixtures.unique("Uploaded");
        AgencyAdminData.upload(mine, "a.csv", "name,sector,areas\n" + name + ",Police,Hampshire\n").then().statusCode(303);
        String path = latestImport();
        mine.get(path).then().statusCode(200).body(containsString(name));

        for (WebSession other : List.of(WebSession.signedIn(fixtures.admin(Area.HAMPSHIRE).email),
                WebSession.signedIn(fixtures.admin(null).email))) {
            other.get(path).then().statusCode(404).body(not(containsString(name)));
            other.get("/admin/agencies").then().statusCode(200);
            AgencyAdminData.post(other, path, Map.of(), List.of()).then().statusCode(404);
        }
        assertEquals(0, AgencyAdminData.countNamesStartingWith(name));
    }

    static String latestImport() {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> "/admin/agencies/import/"
                + AgencyImport.<AgencyImport>find("order by id desc").firstResult().id);
    }
}
