package org.s11portal.useradmin;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.s11portal.account.User;
import org.s11portal.agency.Agency;
import org.s11portal.agency.Area;
import org.s11portal.audit.AdminChange;
import org.s11portal.support.Fixtures;
import org.s11portal.support.WebSession;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * An admin adds agencies to a lead and removes them: only agencies in their own scope (404 otherwise), never the lead's
 * last one, each change in the audit log with before and after.
 */
@QuarkusTest
class LeadAgenciesAdminTest {

    @Inject
    Fixtures fixtures;

    @Test
    void aPortsmouthAdminAddsAndRemovesPortsmouthAgenciesAndTheAuditLogHasBoth() {
        Agency own = fixtures.anAgency().inAreas(Area.PORTSMOUTH).create();
        Agency joint = fixtures.anAgency().inAreas(Area.PORTSMOUTH, Area.SOUTHAMPTON).create();
        User lead = fixtures.lead(own);
        WebSession admin = WebSession.signedIn(fixtures.admin(Area.PORTSMOUTH).email);
        String page = "/admin/users/" + lead.id;
        admin.get(page).then().statusCode(200)
                .body(containsString("<h2 class=\"govuk-heading-m\" id=\"agencies-heading\">Agencies</h2>"))
                .body(containsString("Add an agency"))
                .body(containsString("<option value=\"" + joint.id + "\">" + joint.name + "</option>"))
                .body(not(containsString("<option value=\"" + own.id + "\">")));

        admin.post(page + "/agencies", Map.of("agencyId", String.valueOf(joint.id))).then().statusCode(303)
                .header("Location", containsString(page + "?done=agency-added"));

        assertEquals(Set.of(own.id, joint.id), agencyIds(lead));
        admin.get(page + "?done=agency-added").then().statusCode(200).body(containsString("The agency has been added"))
                .body(containsString(page + "/agencies/" + own.id + "/remove"))
                .body(containsString(page + "/agencies/" + joint.id + "/remove"));
        String names = own.name.compareTo(joint.name) < 0 ? own.name + "; " + joint.name : joint.name + "; " + own.name;
        assertTrue(listPageOf(admin, lead).contains(names), "the users list shows both agencies: " + names);

        admin.post(page + "/agencies/" + own.id + "/remove", Map.of()).then().statusCode(303)
                .header("Location", containsString(page + "?done=agency-removed"));

        assertEquals(Set.of(joint.id), agencyIds(lead));
        List<AdminChange> log = UserLinks.logged(lead.id);
        assertEquals(List.of("Added agency to lead", "Removed agency from lead"), log.stream().map(c -> c.action).toList());
        assertTrue(log.get(0).beforeJson.contains(own.name) && !log.get(0).beforeJson.contains(joint.name), log.get(0).beforeJson);
        assertTrue(log.get(0).afterJson.contains(own.name) && log.get(0).afterJson.contains(joint.name), log.get(0).afterJson);
        assertTrue(log.get(1).beforeJson.contains(own.name) && !log.get(1).afterJson.contains(own.name), log.get(1).afterJson);
        // the admins of every partnership the lead's agencies worked in, before or after, read the entry
        assertTrue(log.get(0).partnershipIds.contains("," + UsersResourceTest.partnershipId(Area.SOUTHAMPTON) + ","), log.get(0).partnershipIds);
    }

    @Test
    void theLastAgencyIsNeverRemoved() {
        Agency own = fixtures.anAgency().inAreas(Area.PORTSMOUTH).create();
        User lead = fixtures.lead(own);
        WebSession admin = WebSession.signedIn(fixtures.admin(Area.PORTSMOUTH).email);

        admin.post("/admin/users/" + lead.id + "/agencies/" + own.id + "/remove", Map.of()).then().statusCode(409)
                .body(containsString("There is a problem"))
                .body(containsString(own.name + " is the only agency " + lead.displayName + " leads"));

        assertEquals(Set.of(own.id), agencyIds(lead));
        assertEquals(List.of(), UserLinks.logged(lead.id));
    }

    @Test
    void addingNothingOrAnAgencyAlreadyTheirsSaysWhy() {
        Agency own = fixtures.anAgency().inAreas(Area.PORTSMOUTH).create();
        User lead = fixtures.lead(own);
        WebSession admin = WebSession.signedIn(fixtures.admin(Area.PORTSMOUTH).email);

        admin.post("/admin/users/" + lead.id + "/agencies", Map.of("agencyId", "")).then().statusCode(400)
                .body(containsString("href=\"#agencyId\""))
                .body(containsString("Select the agency to add"));
        admin.post("/admin/users/" + lead.id + "/agencies", Map.of("agencyId", String.valueOf(own.id))).then().statusCode(400)
                .body(containsString(lead.displayName + " already leads " + own.name));
        assertEquals(Set.of(own.id), agencyIds(lead));
    }

    @Test
    void aPortsmouthAdminCannotAddOrRemoveASouthamptonOnlyAgency() {
        Agency portsmouth = fixtures.anAgency().inAreas(Area.PORTSMOUTH).create();
        Agency southampton = fixtures.anAgency().inAreas(Area.SOUTHAMPTON).create();
        Agency otherSouthampton = fixtures.anAgency().inAreas(Area.SOUTHAMPTON).create();
        User lead = fixtures.leadOf(portsmouth, southampton);
        User southamptonOnly = fixtures.lead(otherSouthampton);
        WebSession admin = WebSession.signedIn(fixtures.admin(Area.PORTSMOUTH).email);

        // the lead is managed (one of their agencies works in Portsmouth); the Southampton agency is listed, not removable
        admin.get("/admin/users/" + lead.id).then().statusCode(200)
                .body(containsString(southampton.name))
                .body(not(containsString("/agencies/" + southampton.id + "/remove")))
                .body(not(containsString("<option value=\"" + otherSouthampton.id + "\">")));
        admin.post("/admin/users/" + lead.id + "/agencies", Map.of("agencyId", String.valueOf(otherSouthampton.id)))
                .then().statusCode(404);
        admin.post("/admin/users/" + lead.id + "/agencies/" + southampton.id + "/remove", Map.of()).then().statusCode(404);
        // a lead of Southampton agencies only is not theirs at all
        admin.get("/admin/users/" + southamptonOnly.id).then().statusCode(404);
        admin.post("/admin/users/" + southamptonOnly.id + "/agencies", Map.of("agencyId", String.valueOf(portsmouth.id)))
                .then().statusCode(404);
        // nor may an agency be added to someone who is not a lead
        User moderator = fixtures.moderator(Area.PORTSMOUTH);
        admin.post("/admin/users/" + moderator.id + "/agencies", Map.of("agencyId", String.valueOf(portsmouth.id)))
                .then().statusCode(404);

        assertEquals(Set.of(portsmouth.id, southampton.id), agencyIds(lead));
        assertEquals(Set.of(otherSouthampton.id), agencyIds(southamptonOnly));

        // the HIPS admin may
        WebSession hips = WebSession.signedIn(fixtures.admin(null).email);
        hips.post("/admin/users/" + lead.id + "/agencies", Map.of("agencyId", String.valueOf(otherSouthampton.id)))
                .then().statusCode(303);
        hips.post("/admin/users/" + lead.id + "/agencies/" + southampton.id + "/remove", Map.of()).then().statusCode(303);
        assertEquals(Set.of(portsmouth.id, otherSouthampton.id), agencyIds(lead));
    }

    @Test
    void aRemovedAgencyIsNoLongerTheLeadsAndTheirSessionWorksForAnotherOfTheirs() {
        Agency kept = fixtures.anAgency().inAreas(Area.HAMPSHIRE).create();
        Agency removed = fixtures.anAgency().inAreas(Area.HAMPSHIRE).create();
        User lead = fixtures.leadOf(kept, removed);
        WebSession leadSession = WebSession.signedIn(lead.email);
        leadSession.post("/account/agency", Map.of("agencyId", String.valueOf(removed.id))).then().statusCode(303);
        leadSession.get("/home").then().statusCode(200).body(containsString("Working for <strong>" + removed.name));

        WebSession.signedIn(fixtures.admin(Area.HAMPSHIRE).email)
                .post("/admin/users/" + lead.id + "/agencies/" + removed.id + "/remove", Map.of()).then().statusCode(303);

        leadSession.get("/home").then().statusCode(200).body(containsString(kept.name))
                .body(not(containsString(removed.name)))
                .body(not(containsString("Working for")));
        leadSession.get("/agencies/" + removed.id).then().statusCode(404);
    }

    static Set<Long> agencyIds(User user) {
        return QuarkusTransaction.requiringNew().call(() -> User.<User>findById(user.id).agencies.stream()
                .map(a -> a.id).collect(Collectors.toSet()));
    }

    /** The page of the leads list (50 a page, by name, many leads in a shared database) that has this lead's row. */
    private static String listPageOf(WebSession admin, User lead) {
        for (int page = 1; page <= 200; page++) {
            String html = admin.get("/admin/users?role=AGENCY_LEAD&page=" + page).then().statusCode(200).extract().asString();
            if (html.contains("/admin/users/" + lead.id + "\"")) {
                return html;
            }
            if (!html.contains("page=" + (page + 1))) {
                break;
            }
        }
        throw new AssertionError("lead " + lead.id + " is on no page of the users list");
    }
}
