package org.s11portal.letter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.s11portal.account.User;
import org.s11portal.agency.Area;
import org.s11portal.assessment.AssessmentState;
import org.s11portal.common.config.PortalClock;
import org.s11portal.mail.Emails;
import org.s11portal.mail.MailSender;
import org.s11portal.mail.MailServer;
import org.s11portal.mail.OutboxMessage;
import org.s11portal.mail.OutboxRows;
import org.s11portal.support.Fixtures;
import org.s11portal.support.WebSession;

import com.icegreen.greenmail.util.GreenMailUtil;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

/** Issuing a letter emails each active lead of the agency once, with one link to their letters. */
@QuarkusTest
class LetterEmailTest {

    @Inject
    LetterFixtures letters;

    @Inject
    Fixtures fixtures;

    @Inject
    LetterService letterService;

    @Inject
    MailSender sender;

    @Inject
    Emails emails;

    @Inject
    PortalClock clock;

    @Test
    void issuingEmailsEachActiveLeadOnceAndTheEmailArrives() throws Exception {
        LetterFixtures.Scenario s = letters.moderatedWithDraft(Area.HAMPSHIRE);
        User secondLead = fixtures.lead(s.agency());
        User formerLead = fixtures.lead(s.agency());
        fixtures.deactivate(formerLead);
        WebSession moderator = WebSession.signedIn(s.moderator().email);
        String letter = "/letters/" + s.draft().id;
        moderator.get(letter);
        assertEquals(List.of(), OutboxRows.aboutAgency(s.agency().id), "nothing before the letter is issued");

        moderator.post(letter + "/issue", Map.of()).then().statusCode(303);
        moderator.post(letter + "/issue", Map.of()).then().statusCode(409);

        List<OutboxMessage> sent = OutboxRows.ofKind(s.agency().id, LetterEmails.KIND);
        assertEquals(List.of(s.lead().email, secondLead.email), sent.stream().map(m -> m.recipient).toList());
        OutboxMessage email = sent.get(0);
        assertEquals("letter-issued:" + s.draft().id + ":" + s.lead().id, email.dedupeKey);
        assertEquals("Your Section 11 feedback letter is ready", email.subject);
        String link = emails.link("/feedback-letter");
        assertTrue(email.textBody.contains(link) && email.textBody.contains(s.agency().name), email.textBody);
        assertTrue(email.htmlBody.contains("href=\"" + link + "\""), email.htmlBody);
        assertTrue(!email.textBody.contains("Strong board oversight"), "the letter's content stays in the portal");

        MailServer server = MailServer.running();
        MailServer.deliverAll(sender); // every batch due
        List<MimeMessage> received = server.receivedBy(s.lead().email);
        assertEquals(1, received.size());
        assertEquals("Your Section 11 feedback letter is ready", received.get(0).getSubject());
        assertTrue(GreenMailUtil.getBody(received.get(0)).contains(link));
    }

    @Test
    void aRefusedIssueWritesNoEmail() {
        LetterFixtures.Scenario s = letters.withDraft(AssessmentState.SUBMITTED, Area.SOUTHAMPTON);
        WebSession moderator = WebSession.signedIn(s.moderator().email);
        moderator.get("/letters/" + s.draft().id);
        moderator.post("/letters/" + s.draft().id + "/issue", Map.of()).then().statusCode(409);

        assertEquals(List.of(), OutboxRows.aboutAgency(s.agency().id));
    }

    @Test
    void aReissuedLetterIsAnnouncedAgainAndALetterIssuedByTheSystemToo() {
        LetterFixtures.Scenario s = letters.moderatedWithDraft(Area.PORTSMOUTH);
        letterService.issueAsSystem(s.draft().id, clock.now());
        assertEquals(List.of("letter-issued:" + s.draft().id + ":" + s.lead().id),
                OutboxRows.ofKind(s.agency().id, LetterEmails.KIND).stream().map(m -> m.dedupeKey).toList());

        WebSession moderator = WebSession.signedIn(s.moderator().email);
        String first = "/letters/" + s.draft().id;
        moderator.get(first + "/reissue");
        Map<String, String> correction = LetterResourceTest.form(0, "Corrected strengths.", "Corrected development.");
        correction.put("reason", "The panel date was wrong");
        moderator.post(first + "/reissue", correction).then().statusCode(303);

        List<OutboxMessage> emails = OutboxRows.ofKind(s.agency().id, LetterEmails.KIND);
        assertEquals(2, emails.size());
        assertTrue(!emails.get(1).dedupeKey.equals(emails.get(0).dedupeKey));
        assertEquals(s.lead().email, emails.get(1).recipient);
    }
}
