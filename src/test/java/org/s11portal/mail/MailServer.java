package org.s11portal.mail;

import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/** A real SMTP server in the test JVM, on the port the test profile's mailer sends to. */
public final class MailServer {

    public static final int PORT = 3925;

    private final GreenMail greenMail;

    private MailServer(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    public static MailServer start() {
        GreenMail greenMail = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        return new MailServer(greenMail);
    }

    public void stop() {
        greenMail.stop();
    }

    /** Delivers every email due now, batch after batch, as the sender's schedule would (other tests' emails too). */
    public static void deliverAll(MailSender sender) {
        while (sender.sendDue() > 0) {
            // the next batch
        }
    }

    /** The messages delivered to this address since the server started. */
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
