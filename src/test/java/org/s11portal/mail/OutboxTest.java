package org.s11portal.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.s11portal.support.Fixtures;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionalException;

/** The outbox writes an email with its caller's transaction, once per dedupe key. */
@QuarkusTest
class OutboxTest {

    @Inject
    Outbox outbox;

    static OutboxEmail email(String key) {
        return new OutboxEmail(key, "test", "someone@example.org", null, "A subject", "Text", "<p>HTML</p>");
    }

    static long rows(String key) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxMessage.count("dedupeKey", key));
    }

    @Test
    void aSecondEmailWithTheSameKeyIsIgnored() {
        String key = Fixtures.unique("test:1:");
        assertTrue(QuarkusTransaction.requiringNew().call(() -> outbox.enqueue(email(key))));
        assertFalse(QuarkusTransaction.requiringNew().call(() -> outbox.enqueue(email(key))));
        assertFalse(QuarkusTransaction.requiringNew().call(() -> outbox.enqueue(email(key)) | outbox.enqueue(email(key))));

        assertEquals(1, rows(key));
        OutboxMessage message = QuarkusTransaction.requiringNew().call(() -> OutboxMessage.<OutboxMessage>find("dedupeKey", key).firstResult());
        assertEquals(OutboxMessage.State.PENDING, message.state);
        assertEquals(0, message.attempts);
        assertEquals("someone@example.org", message.recipient);
    }

    @Test
    void anEmailRollsBackWithItsCaller() {
        String key = Fixtures.unique("test:2:");
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            outbox.enqueue(email(key));
            throw new IllegalStateException("the event failed");
        }));
        assertEquals(0, rows(key));
    }

    @Test
    void anEmailNeedsItsCallersTransaction() {
        assertThrows(TransactionalException.class, () -> outbox.enqueue(email(Fixtures.unique("test:3:"))));
    }

    @Test
    void anEmailAboutAnAgencyThatDoesNotExistIsRefused() {
        String key = Fixtures.unique("test:4:");
        assertThrows(IllegalArgumentException.class, () -> QuarkusTransaction.requiringNew().run(() -> outbox.enqueue(
                new OutboxEmail(key, "test", "someone@example.org", Long.MAX_VALUE, "A subject", "Text", "<p>HTML</p>"))));
        assertEquals(0, rows(key));
    }
}
