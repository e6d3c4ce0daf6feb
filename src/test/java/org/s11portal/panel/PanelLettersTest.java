package org.s11portal.panel;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.s11portal.account.User;
import org.s11portal.agency.Agency;
import org.s11portal.agency.Area;
import org.s11portal.assessment.Assessment;
import org.s11portal.assessment.AssessmentState;
import org.s11portal.common.config.PortalClock;
import org.s11portal.cycle.Cycle;
import org.s11portal.support.Fixtures;
import org.s11portal.support.WebSession;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/** A panel's letters: made from its record for the accepted submissions only, then issued together. */
@QuarkusTest
class PanelLettersTest {

    private static final Pattern LETTER = Pattern.compile("href=\"/letters/(\\d+)\"");

    @Inject
    Fixtures fixtures;

    @Inject
    PanelTestData data;

    @Inject
    PortalClock clock;

    @Test
    void acceptedSubmissionsGetDraftsMadeFromThePanelsRecordAndAreIssuedTogether() {
        Cycle cycle = fixtures.aCycle().withTool().create();
        Agency acceptedAgency = fixtures.anAgency().inAreas(Area.HAMPSHIRE, Area.PORTSMOUTH).create();
        Agency returnedAgency = fixtures.anAgency().inAreas(Area.SOUTHAMPTON, Area.PORTSMOUTH).create();
        Assessment accepted = data.submittedThroughThePages(acceptedAgency, cycle);
        Assessment returned = data.submittedThroughThePages(returnedAgency, cycle);
        User moderator = fixtures.moderator(Area.PORTSMOUTH);
        WebSession session = WebSession.signedIn(moderator.email);
        long panelId = PanelTestData.plan(session, clock.today().plusDays(7), "JOINT", moderator.id);
        String panel = "/panels/" + panelId;
        AgendaItem acceptedItem = data.items(panelId).stream().filter(i -> i.assessment.id.equals(accepted.id)).findFirst().orElseThrow();
        AgendaItem returnedItem = data.items(panelId).stream().filter(i -> i.assessment.id.equals(returned.id)).findFirst().orElseThrow();

        String item = acceptedItem.path();
        session.get(item);
        Map<String, String> finding = new java.util.HashMap<>(PanelTestData.finding("T1", "no", "NOT",
                "No audit of supervision", "Training <b>reaches</b> every team {inject:x}", ""));
        finding.put("T1-areasForDevelopment", "Audit supervision records each quarter.");
        finding.put("T1-privateNotes", "PRIVATE-NOTE-never-in-a-letter");
        session.post(item + "/findings/T1", finding).then().statusCode(303);
        LocalDate due = clock.today().plusMonths(3);
        session.post(item + "/outcome", Map.of("outcome", "ACCEPTED_WITH_ACTIONS", "seen", "", "action1-standard", "T1",
                "action1-description", "Agree the supervision audit", "action1-due-day", String.valueOf(due.getDayOfMonth()),
                "action1-due-month", String.valueOf(due.getMonthValue()), "action1-due-year", String.valueOf(due.getYear())))
                .then().statusCode(303);
        session.get(returnedItem.path());
        session.post(returnedItem.path() + "/outcome", Map.of("outcome", "RETURNED", "seen", "")).then().statusCode(303);

        // one letter to make: the returned submission gets none
        session.get(panel).then().statusCode(200).body(containsString("Make the letters (1)"))
                .body(not(containsString("Issue all draft letters")));
        Response made = session.post(panel + "/letters", Map.of());
        assertEquals(303, made.statusCode());
        assertTrue(made.header("Location").contains("made=1"), made.header("Location"));
        String page = session.get(panel + "?made=1").then().statusCode(200)
                .body(containsString("1 draft letter made"))
                .body(containsString("Check and edit the letter"))
                .body(containsString("Issue all draft letters (1)"))
                .body(not(containsString("Make the letters"))).extract().asString();
        Matcher letter = LETTER.matcher(page);
        assertTrue(letter.find(), "the panel page links to the draft");
        long letterId = Long.parseLong(letter.group(1));

        // the draft says what the panel recorded, typed text as text, and nothing private
        session.get("/letters/" + letterId + "/preview").then().statusCode(200)
                .body(containsString(acceptedAgency.name))
                .body(containsString("Training &lt;b&gt;reaches&lt;/b&gt; every team {inject:x}"))
                .body(containsString("Audit supervision records each quarter."))
                .body(containsString("Not in place"))
                .body(containsString("Agree the supervision audit"))
                .body(not(containsString("PRIVATE-NOTE-never-in-a-letter")));

        // making them again keeps the draft (and any edits to it)
        Response again = session.post(panel + "/letters", Map.of());
        assertTrue(again.header("Location").contains("made=0"), again.header("Location"));

        // someone who may not run the panel: 404, nothing made or issued
        WebSession lead = WebSession.signedIn(fixtures.lead(acceptedAgency).email);
        lead.post(panel + "/letters/issue", Map.of()).then().statusCode(404);
        assertEquals(AssessmentState.MODERATED, fixtures.reload(accepted).state);

        // the panel's ratings beside the agency's: moderators see them once accepted, the agency only with its letter
        String view = "/assessments/" + accepted.id + "/view";
        session.get(view).then().statusCode(200).body(containsString("The panel's view"))
                .body(containsString("No audit of supervision"));
        lead.get(view).then().statusCode(200).body(not(containsString("The panel's view")));

        Response issued = session.post(panel + "/letters/issue", Map.of());
        assertEquals(303, issued.statusCode());
        assertTrue(issued.header("Location").contains("issued=1&notIssued=0"), issued.header("Location"));
        session.get(panel + "?issued=1&notIssued=0").then().body(containsString("1 letter issued"))
                .body(containsString("View the letter")).body(not(containsString("Issue all draft letters")));
        assertEquals(AssessmentState.FEEDBACK_ISSUED, fixtures.reload(accepted).state);
        // "returned" leads the moderator to the return form; until it is sent the submission waits, with no letter
        assertEquals(AssessmentState.SUBMITTED, fixtures.reload(returned).state);

        lead.get(view).then().statusCode(200).body(containsString("The panel's view"))
                .body(containsString("Not in place")).body(containsString("No audit of supervision"))
                .body(not(containsString("PRIVATE-NOTE-never-in-a-letter")));

        // the agency's lead downloads it
        Response pdf = lead.get("/letters/" + letterId + "/pdf");
        assertEquals(200, pdf.statusCode());
        assertEquals("application/pdf", pdf.contentType().split(";")[0]);
        assertTrue(new String(pdf.asByteArray(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII).startsWith("%PDF"));
    }

}
