package org.s11portal.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.s11portal.account.User;
import org.s11portal.agency.Agency;
import org.s11portal.agency.Area;
import org.s11portal.support.Fixtures;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.Engine;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * Leads of an agency are the users whose agencies include it: a lead of two agencies gets each agency's email (the
 * occasion names the agency's record), and an email about an occasion of several agencies (a cycle) once.
 */
@QuarkusTest
class EmailsToLeadsOfSeveralAgenciesTest {

    @Inject
    Fixtures fixtures;

    @Inject
    Emails emails;

    @Inject
    Engine engine;

    @Test
    void aLeadOfTwoAgenciesGetsEachAgencysEmailAndACyclesEmailOnce() {
        Agency first = fixtures.anAgency().inAreas(Area.PORTSMOUTH).create();
        Agency second = fixtures.anAgency().inAreas(Area.SOUTHAMPTON).create();
        User both = fixtures.leadOf(first, second);
        User secondOnly = fixtures.lead(second);

        int written = QuarkusTransaction.requiringNew().call(() -> emails.toAgencyLeads(first.id, template(), "test-agency",
                "a" + first.id, "About the first") + emails.toAgencyLeads(second.id, template(), "test-agency",
                "a" + second.id, "About the second"));

        assertEquals(3, written, "the lead of both twice, the other lead once");
        assertEquals(List.of("About the first:" + first.id, "About the second:" + second.id), sent(both, "test-agency"));
        assertEquals(List.of("About the second:" + second.id), sent(secondOnly, "test-agency"));

        int cycle = QuarkusTransaction.requiringNew().call(() -> emails.toLeadsOfAgencies(List.of(first.id, second.id),
                template(), "test-cycle", "c" + first.id, "About the cycle"));

        assertEquals(2, cycle, "one each: the lead of both once");
        assertEquals(List.of("About the cycle:" + first.id), sent(both, "test-cycle"));
        assertEquals(List.of(both.id, secondOnly.id), QuarkusTransaction.requiringNew().call(
                () -> emails.activeLeadsOf(second.id).stream().map(u -> u.id).toList()));
    }

    private io.quarkus.qute.TemplateInstance template() {
        return engine.parse("A short email with one link.").instance();
    }

    private static List<String> sent(User user, String kind) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxMessage.<OutboxMessage>list(
                "recipient = ?1 and kind = ?2 order by id", user.email, kind)).stream()
                .map(m -> m.subject + ":" + m.agencyId).toList();
    }
}
