package org.s11portal.cycleadmin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.s11portal.account.User;
import org.s11portal.agency.Agency;
import org.s11portal.agency.Area;
import org.s11portal.common.config.PortalClock;
import org.s11portal.common.template.TemplateExtensions;
import org.s11portal.cycle.Cycle;
import org.s11portal.mail.Emails;
import org.s11portal.mail.MailSender;
import org.s11portal.mail.MailServer;
import org.s11portal.mail.OutboxMessage;
import org.s11portal.support.Fixtures;
import org.s11portal.support.PageCost;
import org.s11portal.support.WebSession;

import com.icegreen.greenmail.util.GreenMailUtil;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

/**
 * The emails to the participating agencies' leads when the HIPS admin opens a cycle or extends it for everyone:
 * written to the outbox once per active lead, delivered over SMTP, and loaded in one query however many agencies.
 * Each test's cycle has its own year-1 window, far from other tests', and is closed afterwards.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CycleEmailsTest {

    static final String PREFIX = "Email test cycle";

    @Inject
    Fixtures fixtures;

    @Inject
    PortalClock clock;

    @Inject
    PageCost cost;

    @Inject
    MailSender sender;

    @Inject
    Emails emails;

    MailServer server;

    @BeforeAll
    void startServer() {
        server = MailServer.running();
        deliver();
    }


    @AfterEach
    void closeOurCycles() {
        QuarkusTransaction.requiringNew().run(() -> Cycle.update("status = ?1 where name like ?2 and status = ?3",
                Cycle.Status.CLOSED, PREFIX + "%", Cycle.Status.OPEN));
    }

    void deliver() {
        MailServer.deliverAll(sender);
    }

    WebSession hipsAdmin() {
        return WebSession.signedIn(fixtures.admin(null).email);
    }

    /** A draft made through the form, year 1 opening {@code opens}, with exactly these agencies taking part. */
    /**
     * Where these cycles open: twenty years before the real today, so no other class's open cycle (each class runs on a
     * later day of its own, TestClock) has a year-1 window there to overlap; opening would be refused.
     */
    static final LocalDate LONG_AGO = LocalDate.now().minusYears(20);

    long draft(WebSession admin, LocalDate opens, List<Long> participants) {
        long tool = fixtures.aCycle().withTool().inStatus(Cycle.Status.CLOSED).withoutParticipants().create().tool.id;
        admin.get("/admin/cycles/new").then().statusCode(200);
        Map<String, String> form = CycleAdminTest.form(Fixtures.unique(PREFIX), tool, opens);
        Response created = CycleAdminTest.post(admin, "/admin/cycles/new", form, participants);
        assertEquals(303, created.statusCode(), created.asString());
        return CycleAdminTest.idFrom(created);
    }

    static Runnable open(WebSession admin, long id) {
        return () -> admin.post("/admin/cycles/" + id + "/open", Map.of()).then().statusCode(303);
    }

    Cycle cycle(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Cycle.<Cycle>findById(id));
    }

    static List<OutboxMessage> outbox(String kind, String occasion) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxMessage.<OutboxMessage>list(
                "kind = ?1 and dedupeKey like ?2 order by id", kind, kind + ":" + occasion + ":%"));
    }

    static List<String> recipients(List<OutboxMessage> messages) {
        return messages.stream().map(m -> m.recipient).sorted().toList();
    }

    static String body(MimeMessage message) {
        return GreenMailUtil.getBody(message).replace("=\r\n", "").replace("=3D", "=");
    }

    @Test
    void openingEmailsEachActiveLeadOfEachParticipantOnce() {
        Agency first = fixtures.anAgency().inAreas(Area.HAMPSHIRE).create();
        Agency second = fixtures.anAgency().inAreas(Area.PORTSMOUTH).create();
        Agency notTakingPart = fixtures.anAgency().inAreas(Area.HAMPSHIRE).create();
        User a = fixtures.lead(first);
        User b = fixtures.lead(first);
        User c = fixtures.lead(second);
        User gone = fixtures.lead(second);
        fixtures.deactivate(gone);
        User outsider = fixtures.lead(notTakingPart);
        WebSession admin = hipsAdmin();
        long id = draft(admin, LONG_AGO, List.of(first.id, second.id));
        assertEquals(List.of(), outbox(CycleEmails.OPENED, String.valueOf(id)), "nothing is sent for a draft");

        admin.get("/admin/cycles/" + id + "/open").then().statusCode(200);
        open(admin, id).run();

        List<OutboxMessage> written = outbox(CycleEmails.OPENED, String.valueOf(id));
        assertEquals(List.of(a.email, b.email, c.email).stream().sorted().toList(), recipients(written));
        Cycle cycle = cycle(id);
        String subject = "The " + cycle.name + " Section 11 self-assessment is open";
        written.forEach(m -> assertEquals(subject, m.subject));
        assertEquals(List.of(first.id, first.id, second.id), written.stream().map(m -> m.agencyId).sorted().toList());

        deliver();
        for (User lead : List.of(a, b, c)) {
            List<MimeMessage> received = server.receivedBy(lead.email);
            assertEquals(1, received.size(), lead.email);
            String body = body(received.get(0));
            assertTrue(body.contains(cycle.name), body);
            assertTrue(body.contains("due on " + TemplateExtensions.format(cycle.year1Due)), body);
            assertTrue(body.contains(TemplateExtensions.format(cycle.surveyOpens) + " to "
                    + TemplateExtensions.format(cycle.surveyCloses)), body);
            assertTrue(body.contains(emails.link("/home")), body);
        }
        assertEquals(0, server.receivedBy(gone.email).size());
        assertEquals(0, server.receivedBy(outsider.email).size());

        // opening again is refused (the cycle is no longer a draft), so nobody is mailed twice
        admin.post("/admin/cycles/" + id + "/open", Map.of()).then().statusCode(409);
        deliver();
        assertEquals(3, outbox(CycleEmails.OPENED, String.valueOf(id)).size());
        assertEquals(1, server.receivedBy(a.email).size());
    }

    @Test
    void anAgencyArchivedAfterTheDraftStaysTakingPartButItsLeadsAreSentNothing() {
        Agency active = fixtures.anAgency().inAreas(Area.ISLE_OF_WIGHT).create();
        Agency archived = fixtures.anAgency().inAreas(Area.ISLE_OF_WIGHT).create();
        User activeLead = fixtures.lead(active);
        User archivedLead = fixtures.lead(archived);
        WebSession admin = hipsAdmin();
        long id = draft(admin, LONG_AGO.minusDays(500), List.of(active.id, archived.id));
        fixtures.archive(archived);

        open(admin, id).run();
        assertEquals(List.of(activeLead.email), recipients(outbox(CycleEmails.OPENED, String.valueOf(id))));
        assertTrue(QuarkusTransaction.requiringNew().call(() -> org.s11portal.cycle.CycleAgency.agencyIds(Cycle.findById(id)))
                .contains(archived.id), "still taking part: its record and pages stay");

        Map<String, String> form = new LinkedHashMap<>();
        LocalDate newDue = cycle(id).year1Due.plusDays(7);
        CycleAdminTest.date(form, "newDue", newDue);
        form.put("reason", "More time for everyone");
        admin.post("/admin/cycles/" + id + "/extend", form).then().statusCode(303);
        assertEquals(List.of(activeLead.email), recipients(outbox(CycleEmails.EXTENDED, id + ":" + newDue)));

        // any email about the archived agency is written for nobody
        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> emails.toAgencyLeads(archived.id,
                CycleEmails.Templates.cycleOpened("A cycle", newDue, newDue, newDue, emails.link("/home")), "test-archived",
                String.valueOf(id), "Subject")));
        assertEquals(0, server.receivedBy(archivedLead.email).size() + outboxFor(archivedLead));
    }

    static int outboxFor(User lead) {
        return QuarkusTransaction.requiringNew().call(() -> (int) OutboxMessage.count("recipient", lead.email));
    }

    @Test
    void extendingForEveryoneEmailsTheNewDateAndTheReason() throws Exception {
        Agency agency = fixtures.anAgency().inAreas(Area.SOUTHAMPTON).create();
        User lead = fixtures.lead(agency);
        User gone = fixtures.lead(agency);
        fixtures.deactivate(gone);
        Agency extendedAlready = fixtures.anAgency().inAreas(Area.SOUTHAMPTON).create();
        User extendedLead = fixtures.lead(extendedAlready);
        WebSession admin = hipsAdmin();
        long id = draft(admin, LONG_AGO.minusDays(100), List.of(agency.id, extendedAlready.id));
        open(admin, id).run();
        deliver();
        LocalDate newDue = cycle(id).year1Due.plusDays(7);
        // this agency's own extension ends later than the new date: it keeps its date, so it is not told of the new one
        fixtures.extend(extendedAlready, cycle(id), newDue.plusDays(14), fixtures.admin(null));

        Map<String, String> form = new LinkedHashMap<>();
        CycleAdminTest.date(form, "newDue", newDue);
        form.put("reason", "Snow closed every office");
        admin.get("/admin/cycles/" + id + "/extend").then().statusCode(200);
        admin.post("/admin/cycles/" + id + "/extend", form).then().statusCode(303);

        List<OutboxMessage> written = outbox(CycleEmails.EXTENDED, id + ":" + newDue);
        assertEquals(List.of(lead.email), recipients(written));
        String formatted = TemplateExtensions.format(newDue);
        assertTrue(written.get(0).subject.contains(formatted), written.get(0).subject);
        deliver();
        List<MimeMessage> received = server.receivedBy(lead.email);
        assertEquals(2, received.size(), "the cycle-opened email, then this one");
        assertEquals(written.get(0).subject, received.get(1).getSubject());
        String body = body(received.get(1));
        assertTrue(body.contains("now due on " + formatted), body);
        assertTrue(body.contains("Snow closed every office"), body);
        assertTrue(body.contains(emails.link("/home")), body);
        assertEquals(0, server.receivedBy(gone.email).size());
        assertEquals(1, server.receivedBy(extendedLead.email).size(), "only the cycle-opened email");
    }

    /** Opening costs one more statement per email (its outbox insert) and nothing per agency: no query per agency. */
    @Test
    void openingLoadsTheLeadsOfAllParticipantsInOneQuery() {
        WebSession admin = hipsAdmin();
        // warm the caches with a first opening
        long warm = draft(admin, LONG_AGO.minusDays(200), agenciesWithALead(1));
        admin.get("/admin/cycles/" + warm + "/open").then().statusCode(200);
        open(admin, warm).run();

        long few = draft(admin, LONG_AGO.minusDays(300), agenciesWithALead(2));
        long many = draft(admin, LONG_AGO.minusDays(400), agenciesWithALead(20));
        long fewStatements = cost.statements(open(admin, few));
        long manyStatements = cost.statements(open(admin, many));

        assertEquals(2, outbox(CycleEmails.OPENED, String.valueOf(few)).size());
        assertEquals(20, outbox(CycleEmails.OPENED, String.valueOf(many)).size());
        assertEquals(fewStatements + 18, manyStatements,
                "18 more agencies, one lead each: only their 18 outbox inserts may be added");
    }

    List<Long> agenciesWithALead(int count) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Agency agency = fixtures.anAgency().inAreas(i % 2 == 0 ? Area.HAMPSHIRE : Area.ISLE_OF_WIGHT).create();
            fixtures.lead(agency);
            ids.add(agency.id);
        }
        return ids;
    }
}
