package org.s11portal.mail;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.s11portal.agency.Agency;
import org.s11portal.agency.Area;
import org.s11portal.common.config.PortalClock;
import org.s11portal.common.web.Paging;
import org.s11portal.support.Fixtures;
import org.s11portal.support.WebSession;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The Emails page: scope (a partnership's admin, the HIPS admin, nobody else), states, paging and the HTML part. */
@QuarkusTest
class EmailsResourceTest {

    @Inject
    Fixtures fixtures;

    @Inject
    Outbox outbox;

    @Inject
    PortalClock clock;

    long email(Long agencyId, String subject) {
        String key = Fixtures.unique("test:" + agencyId + ":").replace(" ", "");
        QuarkusTransaction.requiringNew().run(() -> outbox.enqueue(new OutboxEmail(key, "test", "lead@example.org", agencyId,
                subject, "Text part of " + subject + "\nhttps://portal.example/home",
                "<p>HTML part of " + subject + "</p><script>alert(1)</script>")));
        return QuarkusTransaction.requiringNew().call(() -> OutboxMessage.<OutboxMessage>find("dedupeKey", key).firstResult().id);
    }

    @Test
    void adminsSeeTheEmailsOfTheirPartnershipsAgenciesAndTheHipsAdminSeesAll() {
        Agency hampshire = fixtures.anAgency().inAreas(Area.HAMPSHIRE).create();
        Agency southampton = fixtures.anAgency().inAreas(Area.SOUTHAMPTON).create();
        Agency joint = fixtures.anAgency().inAreas(Area.SOUTHAMPTON, Area.HAMPSHIRE).create();
        long own = email(hampshire.id, Fixtures.unique("Hampshire"));
        long jointEmail = email(joint.id, Fixtures.unique("Joint"));
        long other = email(southampton.id, Fixtures.unique("Southampton"));
        long portalWide = email(null, Fixtures.unique("Portal-wide"));

        WebSession admin = WebSession.signedIn(fixtures.admin(Area.HAMPSHIRE).email);
        for (long id : List.of(own, jointEmail)) {
            admin.get("/emails/" + id).then().statusCode(200);
            admin.get("/emails/" + id + "/html").then().statusCode(200);
        }
        for (long id : List.of(other, portalWide)) {
            admin.get("/emails/" + id).then().statusCode(404);
            admin.get("/emails/" + id + "/html").then().statusCode(404);
        }
        admin.get("/emails").then().statusCode(200)
                .body(containsString("href=\"/emails/" + own + "\""))
                .body(containsString("href=\"/emails/" + jointEmail + "\""))
                .body(not(containsString("href=\"/emails/" + other + "\"")))
                .body(not(containsString("href=\"/emails/" + portalWide + "\"")));

        WebSession hips = WebSession.signedIn(fixtures.admin(null).email);
        for (long id : List.of(own, jointEmail, other, portalWide)) {
            hips.get("/emails/" + id).then().statusCode(200);
        }
        hips.get("/emails/" + Long.MAX_VALUE).then().statusCode(404);

        for (WebSession notAdmin : List.of(WebSession.signedIn(fixtures.moderator(Area.HAMPSHIRE).email),
                WebSession.signedIn(fixtures.lead(hampshire).email))) {
            notAdmin.get("/emails").then().statusCode(403);
            notAdmin.get("/emails/" + own).then().statusCode(403);
            notAdmin.get("/emails/" + own + "/html").then().statusCode(403);
        }
        WebSession.anonymous().request().redirects().follow(false).get("/emails/" + own).then()
                .statusCode(org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.is(302), org.hamcrest.Matchers.is(303)));
        admin.get("/home").then().body(containsString("href=\"/emails\""));
    }

    @Test
    void anEmailNeverAttemptedShowsWhatIsKnownAndTheHtmlPartIsSandboxed() {
        Agency agency = fixtures.anAgency().inAreas(Area.PORTSMOUTH).create();
        String subject = Fixtures.unique("Never tried");
        long id = email(agency.id, subject);
        WebSession admin = WebSession.signedIn(fixtures.admin(Area.PORTSMOUTH).email);

        admin.get("/emails/" + id).then().statusCode(200)
                .body(containsString("<h1 class=\"govuk-heading-l\">" + subject + "</h1>"))
                .body(containsString("S11 Portal &lt;no-reply@s11portal.test&gt;"))
                .body(containsString("lead@example.org"))
                .body(containsString("govuk-tag--grey\">Waiting"))
                .body(containsString("Next attempt"))
                .body(not(containsString("Sent</dt>")))
                .body(containsString("Text part of " + subject))
                .body(containsString("<iframe class=\"app-email-frame\" sandbox src=\"/emails/" + id + "/html\""));
        var html = admin.get("/emails/" + id + "/html");
        html.then().statusCode(200).body(containsString("<p>HTML part of " + subject + "</p>"));
        assertEquals(List.of(EmailsResource.HTML_PART_POLICY), html.headers().getValues("Content-Security-Policy"));
        assertEquals(List.of("SAMEORIGIN"), html.headers().getValues("X-Frame-Options"));
        // the page around it keeps the portal's own policy
        admin.get("/emails/" + id).then().header("Content-Security-Policy", containsString("frame-ancestors 'none'"));
    }

    @Test
    void aFailedEmailShowsItsErrorOnItsPageAndInTheBacklogAndASentOneWhenItWasSent() {
        Agency agency = fixtures.anAgency().inAreas(Area.ISLE_OF_WIGHT).create();
        long failed = email(agency.id, Fixtures.unique("Failed"));
        long sent = email(agency.id, Fixtures.unique("Sent"));
        String error = Fixtures.unique("Connection refused: smtp.example:587 <b>");
        var now = clock.now();
        QuarkusTransaction.requiringNew().run(() -> {
            OutboxMessage.update("attempts = 3, lastError = ?1, lastAttemptAt = ?2, nextAttemptAt = ?3 where id = ?4",
                    error, now.plusSeconds(3_600), now.plusSeconds(7_200), failed);
            OutboxMessage.update("state = ?1, attempts = 1, sentAt = ?2, lastAttemptAt = ?2 where id = ?3",
                    OutboxMessage.State.SENT, now, sent);
        });
        WebSession admin = WebSession.signedIn(fixtures.admin(Area.ISLE_OF_WIGHT).email);

        String escapedError = error.replace("<b>", "&lt;b&gt;");
        admin.get("/emails").then().statusCode(200)
                .body(containsString("Last delivery error"))
                .body(containsString(escapedError))
                .body(containsString("govuk-tag--red\">Retrying"))
                .body(containsString("govuk-tag--green\">Sent"));
        admin.get("/emails/" + failed).then().statusCode(200)
                .body(containsString(escapedError))
                .body(containsString("govuk-tag--red\">Retrying"));
        admin.get("/emails/" + sent).then().statusCode(200)
                .body(containsString("Sent</dt>"))
                .body(not(containsString("Next attempt")));
    }

    @Test
    void theNewestComeFirst25APage() {
        Agency agency = fixtures.anAgency().inAreas(Area.SOUTHAMPTON).create();
        long first = 0;
        long newest = 0;
        for (int i = 0; i < 26; i++) {
            newest = email(agency.id, "Paged " + i);
            first = first == 0 ? newest : first;
        }
        WebSession hips = WebSession.signedIn(fixtures.admin(null).email);
        long total = QuarkusTransaction.requiringNew().call(() -> OutboxMessage.count());
        long pages = (total + 24) / 25;

        String page1 = hips.get("/emails").then().statusCode(200)
                .body(containsString("Emails 1 to 25 of " + total + ", newest first."))
                .body(containsString("href=\"/emails?page=2\""))
                .body(not(containsString("rel=\"prev\""))).extract().asString();
        assertTrue(page1.indexOf("href=\"/emails/" + newest + "\"") > 0, "the newest email is on the first page");
        assertEquals(-1, page1.indexOf("href=\"/emails/" + first + "\""), "the 26th newest is on the second page");
        hips.get("/emails?page=2").then().statusCode(200)
                .body(containsString("Emails 26 to "))
                .body(containsString("href=\"/emails/" + first + "\""))
                .body(containsString("href=\"/emails?page=1\""));
        hips.get("/emails?page=99999").then().statusCode(200)
                .body(containsString("Page " + (pages - 1) + " of " + pages));
    }

    @Test
    void theListRendersWithNothingInTheOutbox() {
        String page = EmailsResource.Templates.list(new EmailsService.EmailsPage(
                new EmailsService.Backlog(0, null, null, null), List.of(), Paging.of(0, 1, EmailsService.PAGE_SIZE))).render();
        assertTrue(page.contains("No emails yet."), page);
        assertTrue(page.contains("Nothing is waiting"), page);
        assertTrue(!page.contains("govuk-pagination"), page);
    }
}
