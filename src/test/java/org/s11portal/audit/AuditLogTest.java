package org.s11portal.audit;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.s11portal.account.User;
import org.s11portal.agency.Area;
import org.s11portal.agency.Partnership;
import org.s11portal.support.Fixtures;
import org.s11portal.support.PageCost;
import org.s11portal.support.SignedIn;
import org.s11portal.support.TestClock;
import org.s11portal.support.WebSession;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * The audit log: what AdminLog writes, who may read which entry (a partnership admin their partnership's, the HIPS
 * admin all), the filters, and that nothing in the portal can change an entry.
 */
@QuarkusTest
class AuditLogTest {

    @Inject
    AdminLog adminLog;

    @Inject
    Fixtures fixtures;

    @Inject
    SignedIn signedIn;

    @Inject
    PageCost cost;

    @Inject
    TestClock clock;

    long record(User actor, String action, String label, List<Area> areas, Map<String, ?> before, Map<String, ?> after) {
        return signedIn.as(actor, () -> QuarkusTransaction.requiringNew().call(() -> {
            List<Partnership> partnerships = areas.stream().map(Partnership::of).toList();
            AdminLog.Subject subject = areas.isEmpty() ? AdminLog.Subject.hipsWide("Cycle", 1L, label)
                    : new AdminLog.Subject("Agency", 7L, label, partnerships);
            return adminLog.record(action, subject, before, after).id;
        }));
    }

    @Test
    void anEntrySaysWhoWhatWhenAndTheFieldsBeforeAndAfter() {
        User hips = fixtures.admin(null);
        String label = Fixtures.unique("Wessex Youth Trust");
        long id = record(hips, "Changed agency", label, List.of(Area.PORTSMOUTH),
                AdminLog.fields("name", "Old name", "headcount", 40, "seniorLead", null),
                AdminLog.fields("name", label, "headcount", 40, "seniorLead", "Pat <b>Lee</b>"));

        AdminChange stored = QuarkusTransaction.requiringNew().call(() -> AdminChange.findById(id));
        assertEquals(hips.id, stored.actorId);
        assertEquals(hips.displayName, stored.actorName);
        assertEquals("Agency", stored.recordType);

        WebSession session = WebSession.signedIn(hips.email);
        String page = session.get("/admin/audit-log/" + id).then().statusCode(200)
                .body(containsString("Changed agency"))
                .body(containsString(hips.displayName))
                .body(containsString("Old name"))
                // escaped like every value on every page
                .body(containsString("Pat &lt;b&gt;Lee&lt;/b&gt;"))
                .extract().asString();
        // the changed fields are marked, the unchanged one is not
        assertEquals(2, page.split("govuk-tag--yellow\">Changed", -1).length - 1, "name and senior lead changed");
    }

    @Test
    void aPartnershipAdminReadsOnlyTheirPartnershipsEntriesAndTheHipsAdminReadsAll() {
        User hips = fixtures.admin(null);
        String tag = Fixtures.unique("scope");
        long portsmouth = record(hips, "Created agency", tag + " Portsmouth only", List.of(Area.PORTSMOUTH), null,
                AdminLog.fields("name", "P"));
        long joint = record(hips, "Created agency", tag + " Joint", List.of(Area.PORTSMOUTH, Area.SOUTHAMPTON), null,
                AdminLog.fields("name", "J"));
        long southampton = record(hips, "Created agency", tag + " Southampton only", List.of(Area.SOUTHAMPTON), null,
                AdminLog.fields("name", "S"));
        long hipsWide = record(hips, "Opened cycle", tag + " cycle", List.of(), null, AdminLog.fields("status", "OPEN"));

        WebSession portsmouthAdmin = WebSession.signedIn(fixtures.admin(Area.PORTSMOUTH).email);
        portsmouthAdmin.get("/admin/audit-log/" + portsmouth).then().statusCode(200);
        portsmouthAdmin.get("/admin/audit-log/" + joint).then().statusCode(200);
        portsmouthAdmin.get("/admin/audit-log/" + southampton).then().statusCode(404);
        portsmouthAdmin.get("/admin/audit-log/" + hipsWide).then().statusCode(404);
        portsmouthAdmin.get("/admin/audit-log?record=" + tag).then().statusCode(200)
                .body(containsString(tag + " Portsmouth only"))
                .body(containsString(tag + " Joint"))
                .body(not(containsString(tag + " Southampton only")))
                .body(not(containsString(tag + " cycle")));

        WebSession hipsAdmin = WebSession.signedIn(hips.email);
        for (long id : List.of(portsmouth, joint, southampton, hipsWide)) {
            hipsAdmin.get("/admin/audit-log/" + id).then().statusCode(200);
        }
        hipsAdmin.get("/admin/audit-log/" + Long.MAX_VALUE).then().statusCode(404);

        for (User notAdmin : List.of(fixtures.moderator(Area.PORTSMOUTH),
                fixtures.lead(fixtures.anAgency().inAreas(Area.PORTSMOUTH).create()))) {
            WebSession session = WebSession.signedIn(notAdmin.email);
            session.get("/admin/audit-log").then().statusCode(403);
            session.get("/admin/audit-log/" + portsmouth).then().statusCode(403);
        }
    }

    @Test
    void theFiltersNarrowByKindWhoRecordAndDay() {
        User hips = fixtures.admin(null);
        User other = fixtures.admin(null);
        String tag = Fixtures.unique("filter");
        record(hips, "Created agency", tag + " agency", List.of(Area.HAMPSHIRE), null, AdminLog.fields("name", "A"));
        record(other, "Opened cycle", tag + " cycle", List.of(), null, AdminLog.fields("status", "OPEN"));
        WebSession session = WebSession.signedIn(hips.email);

        session.get("/admin/audit-log?type=Cycle&record=" + tag).then().statusCode(200)
                .body(containsString(tag + " cycle")).body(not(containsString(tag + " agency")));
        session.get("/admin/audit-log?record=" + tag + "&who=" + other.displayName).then().statusCode(200)
                .body(containsString(tag + " cycle")).body(not(containsString(tag + " agency")));

        var today = clock.today();
        String todayQuery = "&from-day=" + today.getDayOfMonth() + "&from-month=" + today.getMonthValue() + "&from-year="
                + today.getYear() + "&to-day=" + today.getDayOfMonth() + "&to-month=" + today.getMonthValue()
                + "&to-year=" + today.getYear();
        session.get("/admin/audit-log?record=" + tag + todayQuery).then().statusCode(200)
                .body(containsString(tag + " agency")).body(containsString(tag + " cycle"));
        var tomorrow = today.plusDays(1);
        session.get("/admin/audit-log?record=" + tag + "&from-day=" + tomorrow.getDayOfMonth() + "&from-month="
                + tomorrow.getMonthValue() + "&from-year=" + tomorrow.getYear()).then().statusCode(200)
                .body(containsString("No changes match"));

        // a wrong date is said, and the typed parts are kept
        session.get("/admin/audit-log?from-day=31&from-month=2&from-year=2026").then().statusCode(200)
                .body(containsString("Changed from must be a real date"))
                .body(containsString("value=\"31\""));
        // "_" and "%" are matched as themselves, not as wildcards
        session.get("/admin/audit-log?record=_" + tag.substring(1)).then().statusCode(200)
                .body(containsString("No changes match"));
    }

    @Test
    void nothingInThePortalChangesAnEntry() {
        long id = record(fixtures.admin(null), "Created agency", Fixtures.unique("fixed"), List.of(Area.HAMPSHIRE), null,
                AdminLog.fields("name", "A"));
        assertThrows(Exception.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            AdminChange change = AdminChange.findById(id);
            change.action = "Nothing happened";
        }));
        assertThrows(Exception.class, () -> QuarkusTransaction.requiringNew().run(() -> AdminChange.findById(id).delete()));
        assertEquals("Created agency", QuarkusTransaction.requiringNew().call(() -> AdminChange.<AdminChange>findById(id).action));

        WebSession session = WebSession.signedIn(fixtures.admin(null).email);
        session.get("/admin/audit-log");
        for (String path : List.of("/admin/audit-log", "/admin/audit-log/" + id)) {
            assertEquals(405, session.post(path, Map.of("action", "x")).statusCode(), path);
        }
    }

    @Test
    void theLogPageCostsTheSameWithMoreEntries() {
        User hips = fixtures.admin(Area.ISLE_OF_WIGHT);
        record(hips, "Created agency", Fixtures.unique("cost"), List.of(Area.ISLE_OF_WIGHT), null, AdminLog.fields("n", 1));
        WebSession session = WebSession.signedIn(hips.email);
        Runnable list = () -> session.get("/admin/audit-log").then().statusCode(200);
        list.run();
        long few = cost.statements(list);
        for (int i = 0; i < 60; i++) {
            record(hips, "Created agency", Fixtures.unique("cost"), List.of(Area.ISLE_OF_WIGHT), null, AdminLog.fields("n", i));
        }
        list.run();
        assertEquals(few, cost.statements(list));
        assertEquals(1, cost.transactions(list));
    }
}
