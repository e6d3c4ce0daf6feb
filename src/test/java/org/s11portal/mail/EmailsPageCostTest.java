package org.s11portal.mail;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.s11portal.agency.Agency;
import org.s11portal.agency.Area;
import org.s11portal.support.Fixtures;
import org.s11portal.support.PageCost;
import org.s11portal.support.WebSession;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The Emails page costs the same few statements in one transaction however many emails there are. */
@QuarkusTest
class EmailsPageCostTest {

    @Inject
    Fixtures fixtures;

    @Inject
    Outbox outbox;

    @Inject
    PageCost cost;

    void emails(Agency agency, int count) {
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < count; i++) {
                outbox.enqueue(new OutboxEmail(Fixtures.unique("cost:" + agency.id + ":").replace(" ", ""), "test",
                        "lead@example.org", agency.id, "Cost " + i, "Text", "<p>HTML</p>"));
            }
        });
    }

    @Test
    void theListCostsTheSameWithMoreEmails() {
        Agency agency = fixtures.anAgency().inAreas(Area.PORTSMOUTH).create();
        emails(agency, 1);
        WebSession admin = WebSession.signedIn(fixtures.admin(Area.PORTSMOUTH).email);
        Runnable list = () -> admin.get("/emails").then().statusCode(200).body(containsString("Cost "));
        list.run();
        long few = cost.statements(list);

        emails(agency, 30);
        list.run();

        assertEquals(few, cost.statements(list));
        assertEquals(1, cost.transactions(list));
    }
}
