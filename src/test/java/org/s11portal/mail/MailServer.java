package org.s11portal.mail;

import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.quarkus.arc.Arc;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * A real SMTP server in the test JVM, on the port the test profile's mailer sends to. There is one for the whole run,
 * started on first use and never stopped between classes: stopping and starting a server on the same port left the
 * mailer's pooled connection talking to the stopped one, whose "421 shutting down" then failed a later class's first
 * email. Each test sends to addresses of its own, so sharing the server does not mix their emails.
 */
public final class MailServer {

    public static final int PORT = 3925;

    /**
     * Where the running server is kept across class loaders: a class run under another test profile loads this class
     * again, and its copy must not find the port taken by the first.
     */
    private static final String RUNNING = "s11portal.test.greenmail";

    private GreenMail greenMail;

    private MailServer(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    private static GreenMail started() {
        GreenMail greenMail = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        System.getProperties().put(RUNNING, greenMail);
        return greenMail;
    }

    /** The run's server, started if this is its first use. */
    public static synchronized MailServer running() {
        Object kept = System.getProperties().get(RUNNING);
        if (kept instanceof GreenMail greenMail && greenMail.isRunning()) {
            return new MailServer(greenMail);
        }
        if (kept != null) {
            stopForeign(kept);
        }
        return new MailServer(started());
    }

    /** A server started by another class loader's copy of this class, stopped through reflection. */
    private static void stopForeign(Object greenMail) {
        try {
            greenMail.getClass().getMethod("stop").invoke(greenMail);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("could not stop the earlier test mail server", e);
        }
    }

    /** Runs the action with the server down (connections refused), then starts it again and checks the mailer reaches it. */
    public synchronized void whileDown(Runnable action) {
        greenMail.stop();
        try {
            action.run();
        } finally {
            greenMail = started();
            reconnect();
        }
    }

    /**
     * Sends probes straight through the mailer until one arrives: a pooled connection to the stopped server fails its
     * probe and is dropped, so the outbox's next email goes over a fresh connection.
     */
    private void reconnect() {
        Mailer mailer = Arc.container().instance(Mailer.class).get();
        String probe = "probe-" + System.nanoTime() + "@mail-server.test";
        for (int attempt = 0; attempt < 5 && receivedBy(probe).isEmpty(); attempt++) {
            try {
                mailer.send(Mail.withText(probe, "probe", "probe"));
            } catch (RuntimeException staleConnection) {
                // the next attempt takes another connection
            }
        }
        if (receivedBy(probe).isEmpty()) {
            throw new IllegalStateException("the mailer cannot reach the restarted test mail server");
        }
    }

    /** Delivers every email due now, batch after batch, as the sender's schedule would (other tests' emails too). */
    public static void deliverAll(MailSender sender) {
        while (sender.sendDue() > 0) {
            // the next batch
        }
    }

    /** The messages delivered to this address since the run began (since the last restart, after {@link #whileDown}). */
    public List<MimeMessage> receivedBy(String address) {
        return Arrays.stream(greenMail.getReceivedMessages()).filter(m -> sentTo(m, address)).toList();
    }

    private static boolean sentTo(MimeMessage message, String address) {
        try {
            Address[] to = message.getAllRecipients();
            return to != null && Arrays.stream(to).anyMatch(a -> a.toString().equalsIgnoreCase(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
