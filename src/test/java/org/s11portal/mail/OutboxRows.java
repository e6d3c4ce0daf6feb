package org.s11portal.mail;

import java.util.List;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** What the outbox holds, read in a transaction of its own, for tests of the features that write emails. */
public final class OutboxRows {

    private OutboxRows() {
    }

    /** The emails about the agency, oldest first. */
    public static List<OutboxMessage> aboutAgency(long agencyId) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxMessage.<OutboxMessage>list("agencyId = ?1 order by id", agencyId));
    }

    public static List<OutboxMessage> ofKind(long agencyId, String kind) {
        return aboutAgency(agencyId).stream().filter(m -> m.kind.equals(kind)).toList();
    }
}
