package org.s11portal.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.s11portal.common.config.PortalClock;
import org.s11portal.support.Fixtures;
import org.s11portal.support.TestClock;

import com.icegreen.greenmail.util.GreenMailUtil;

import io.quarkus.mailer.Mailer;
import io.quarkus.mailer.MailerName;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

/** The sender delivers the outbox to a real SMTP server (GreenMail), retries when it is down, and sends each email once. */
@QuarkusTest
class MailSenderTest {

    @Inject
    Outbox outbox;

    @Inject
    MailSender sender;

    @Inject
    PortalClock clock;

    @Inject
    @MailerName("unreachable")
    Mailer unreachable;

    MailServer server;

    @BeforeEach
    void startServer() {
        server = MailServer.running();
        sendEverythingDue(); // what other classes left in the outbox
    }

    void sendEverythingDue() {
        MailServer.deliverAll(sender);
    }

    static String recipient() {
        return Fixtures.unique("lead").replace(" ", "-") + "@example.org";
    }

    long enqueue(String recipient) {
        String key = "test:" + recipient;
        QuarkusTransaction.requiringNew().run(() -> outbox.enqueue(new OutboxEmail(key, "test", recipient, null,
                "Your feedback letter is ready", "Read it at https://portal.example/feedback-letter",
                "<p>Read it at <a href=\"https://portal.example/feedback-letter\">your letters</a></p>")));
        return QuarkusTransaction.requiringNew().call(() -> OutboxMessage.<OutboxMessage>find("dedupeKey", key).firstResult().id);
    }

    static OutboxMessage row(long id) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxMessage.findById(id));
    }

    @Test
    void anEmailArrivesWithItsTextAndHtmlParts() throws Exception {
        String to = recipient();
        long id = enqueue(to);

        sendEverythingDue();

        List<MimeMessage> received = server.receivedBy(to);
        assertEquals(1, received.size());
        MimeMessage mail = received.get(0);
        assertEquals("Your feedback letter is ready", mail.getSubject());
        assertEquals(to, mail.getAllRecipients()[0].toString());
        assertEquals("S11 Portal <no-reply@s11portal.test>", mail.getFrom()[0].toString());
        Multipart alternatives = (Multipart) mail.getContent();
        List<String> types = new ArrayList<>();
        for (int i = 0; i < alternatives.getCount(); i++) {
            types.add(alternatives.getBodyPart(i).getContentType().replaceAll(";.*", "").toLowerCase());
        }
        assertTrue(types.containsAll(List.of("text/plain", "text/html")), types.toString());
        assertTrue(GreenMailUtil.getBody(mail).contains("https://portal.example/feedback-letter"));

        OutboxMessage sent = row(id);
        assertEquals(OutboxMessage.State.SENT, sent.state);
        assertEquals(1, sent.attempts);
        assertNotNull(sent.sentAt);
        assertNull(sent.claimedBy);
    }

    @Test
    void anEmailWaitsWhileTheServerIsDownAndArrivesOnceItIsBack() {
        String to = recipient();
        List<OutboxMessage> failedRow = new ArrayList<>();
        MailServer.unreachable(sender, unreachable, () -> {
            long queued = enqueue(to);
            assertEquals(0, sender.sendDue());
            failedRow.add(row(queued));
        });
        OutboxMessage failed = failedRow.get(0);
        assertEquals(OutboxMessage.State.PENDING, failed.state);
        assertEquals(1, failed.attempts);
        assertNotNull(failed.lastError);
        assertTrue(Duration.between(failed.lastAttemptAt, failed.nextAttemptAt).compareTo(Duration.ofMinutes(1)) >= 0,
                failed.lastAttemptAt + " " + failed.nextAttemptAt);

        sendEverythingDue();
        assertEquals(List.of(), server.receivedBy(to), "retried before its back-off was over");

        TestClock.get().setToday(clock.today().plusDays(1));
        sendEverythingDue();

        assertEquals(1, server.receivedBy(to).size());
        OutboxMessage sent = row(failed.id);
        assertEquals(OutboxMessage.State.SENT, sent.state);
        assertEquals(2, sent.attempts);
        assertEquals(failed.lastError, sent.lastError, "the last error stays on record");
    }

    @Test
    void eachRetryWaitsTwiceAsLongUpToAnHour() {
        assertEquals(List.of(Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4), Duration.ofMinutes(32),
                Duration.ofHours(1), Duration.ofHours(1)),
                List.of(sender.retryAfter(1), sender.retryAfter(2), sender.retryAfter(3), sender.retryAfter(6),
                        sender.retryAfter(7), sender.retryAfter(40)));
    }

    @Test
    void twoSendersRacingSendEachEmailOnce() throws Exception {
        List<String> recipients = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            recipients.add(recipient());
            enqueue(recipients.get(i));
        }
        CyclicBarrier together = new CyclicBarrier(2);
        Callable<Integer> senderRun = () -> {
            together.await();
            int sent = 0;
            for (int n; (n = sender.sendDue()) > 0;) {
                sent += n;
            }
            return sent;
        };
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> first = threads.submit(senderRun);
            Future<Integer> second = threads.submit(senderRun);
            assertEquals(30, first.get() + second.get());
        } finally {
            threads.shutdown();
        }

        for (String to : recipients) {
            assertEquals(1, server.receivedBy(to).size(), to);
        }
    }

    @Test
    void anEmailClaimedByASenderThatDiedIsSentOnceItsLeaseIsOver() {
        String to = recipient();
        long id = enqueue(to);
        QuarkusTransaction.requiringNew().run(() -> OutboxMessage.update("claimedBy = 'gone', claimedUntil = ?1 where id = ?2",
                clock.now().plus(Duration.ofMinutes(5)), id));

        sendEverythingDue();
        assertEquals(List.of(), server.receivedBy(to), "sent while another sender held it");

        TestClock.get().setToday(clock.today().plusDays(1));
        sendEverythingDue();
        assertEquals(1, server.receivedBy(to).size());
    }
}
