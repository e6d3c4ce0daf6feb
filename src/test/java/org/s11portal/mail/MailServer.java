package org.s11portal.mail;

import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.quarkus.arc.ClientProxy;
import io.quarkus.mailer.Mailer;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * A real SMTP server in the test JVM, on the port the test profile's mailer sends to. One serves every class that runs
 * on the same start of Quarkus: started on first use, stopped when that application stops ({@link Shutdown}), so its
 * lifetime is the mailer's. Stopping and starting a server on the same port between classes left the mailer's pooled
 * connection talking to the stopped one, whose "421 shutting down" then failed a later class's first email. Each test
 * sends to addresses of its own, so sharing the server does not mix their emails.
 */
public final class MailServer {

    /** The test profile's mailer port: {@code S11_TEST_SMTP_PORT}, 3925 unless two test runs share the machine. */
    public static final int PORT = Integer.parseInt(System.getenv().getOrDefault("S11_TEST_SMTP_PORT", "3925"));

    private static MailServer running;

    private final GreenMail greenMail;

    private MailServer(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    private static GreenMail started() {
        GreenMail greenMail = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        return greenMail;
    }

    /** The server of this start of Quarkus, started if this is its first use. */
    public static synchronized MailServer running() {
        if (running == null) {
            running = new MailServer(started());
        }
        return running;
    }

    /** Stops the server with the application whose mailer used it (a class with another test profile starts a new one). */
    @ApplicationScoped
    static class Shutdown {
        void stop(@Observes ShutdownEvent event) {
            synchronized (MailServer.class) {
                if (running != null) {
                    running.greenMail.stop();
                    running = null;
                }
            }
        }
    }

    /**
     * Runs the action with the SMTP server unreachable for the sender: it sends through the given mailer, the test
     * profile's {@code @MailerName("unreachable")} (a port where nothing listens, connections refused), instead of its own. The server itself is
     * never stopped: a stopped server leaves the mailer's pooled connections talking to it, and they hang for 30 s.
     */
    public static void unreachable(MailSender sender, Mailer unreachable, Runnable action) {
        MailSender target = ClientProxy.unwrap(sender);
        Mailer own = target.mailer;
        target.mailer = unreachable;
        try {
            action.run();
        } finally {
            target.mailer = own;
        }
    }

    /** Delivers every email due now, batch after batch, as the sender's schedule would (other tests' emails too). */
    public static void deliverAll(MailSender sender) {
        while (sender.sendDue() > 0) {
            // the next batch
        }
    }

    /** The messages delivered to this address since the run began. */
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
