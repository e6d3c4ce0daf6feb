package org.s11portal.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.s11portal.agency.Agency;
import org.s11portal.agency.Area;
import org.s11portal.assessment.Assessment;
import org.s11portal.cycle.Cycle;
import org.s11portal.mail.Emails;
import org.s11portal.mail.OutboxMessage;
import org.s11portal.mail.OutboxRows;
import org.s11portal.support.Fixtures;
import org.s11portal.support.WebSession;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** Returning a submission emails the agency's leads once per return, with one link to the assessment. */
@QuarkusTest
class ReturnEmailTest {

    @Inject
    Fixtures fixtures;

    @Inject
    Emails emails;

    @Test
    void eachReturnEmailsTheLeadsOnceAndARefusedReturnEmailsNobody() {
        Cycle cycle = fixtures.aCycle().withTool().create();
        Agency agency = fixtures.anAgency().inAreas(Area.HAMPSHIRE).create();
        Assessment assessment = fixtures.anAssessment().forAgency(agency).inCycle(cycle).inProgress().create();
        fixtures.answerAllFully(assessment, cycle);
        var lead = fixtures.lead(agency);
        String base = "/assessments/" + assessment.id;
        WebSession leadSession = WebSession.signedIn(lead.email);
        leadSession.get(base + "/check");
        leadSession.post(base + "/submit", ReviewResourceTest.SIGN_OFF).then().statusCode(303);
        WebSession moderator = WebSession.signedIn(fixtures.moderator(Area.HAMPSHIRE).email);
        moderator.get(base + "/return");

        moderator.post(base + "/return", Map.of("comment-overall", "")).then().statusCode(400);
        assertEquals(List.of(), OutboxRows.aboutAgency(agency.id), "a refused return sends nothing");

        moderator.post(base + "/return", Map.of("comment-overall", "Please add evidence of impact.")).then().statusCode(303);
        moderator.post(base + "/return", Map.of("comment-overall", "Again")).then().statusCode(409);

        List<OutboxMessage> sent = OutboxRows.ofKind(agency.id, ReturnEmails.KIND);
        assertEquals(1, sent.size());
        OutboxMessage email = sent.get(0);
        assertEquals(lead.email, email.recipient);
        assertEquals("returned:" + assessment.id + ":1:" + lead.id, email.dedupeKey);
        assertEquals("Your Section 11 self-assessment needs more information", email.subject);
        String link = emails.link(base);
        assertTrue(email.textBody.contains(link) && email.textBody.contains(cycle.name), email.textBody);
        assertTrue(email.htmlBody.contains("href=\"" + link + "\""), email.htmlBody);
        assertTrue(!email.textBody.contains("Please add evidence of impact."), "the comments stay in the portal");
    }
}
