package org.s11portal.demo;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.s11portal.agency.Agency;
import org.s11portal.assessment.Assessment;
import org.s11portal.assessment.AssessmentEvent;
import org.s11portal.assessment.AssessmentState;
import org.s11portal.common.config.PortalClock;
import org.s11portal.cycle.Cycle;
import org.s11portal.letter.FeedbackLetter;
import org.s11portal.letter.LetterState;
import org.s11portal.panel.AgendaItem;
import org.s11portal.panel.Outcome;
import org.s11portal.panel.PanelDay;
import org.s11portal.panel.PanelKind;
import org.s11portal.panel.RequiredAction;
import org.s11portal.panel.StandardFinding;
import org.s11portal.support.WebSession;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** The demo's panel days and letters: held panels with outcomes and issued letters, and an upcoming panel to run. */
@QuarkusTest
@TestProfile(DemoDatabase.class)
class DemoPanelsTest {

    private static final String DOMAIN = "@" + DemoData.DEMO_EMAIL_DOMAIN;

    @Inject
    DemoData demoData;

    @Inject
    PortalClock clock;

    @BeforeEach
    void load() {
        demoData.load();
    }

    /** One held panel as the test reads it. */
    record Held(PanelKind kind, LocalDate heldOn, LocalDate year1Due, List<Outcome> outcomes, long findings,
            long panelRatings, long privateNotes, long themes, long requiredActions, List<Letter> letters) {
    }

    record Letter(LetterState state, LocalDate issuedOn, String sha256, byte[] pdf, String contentJson) {
    }

    @Test
    void theHistoricalCycleHasAJointAndLocalPanelsHeldWithOutcomesFindingsAndIssuedLetters() throws Exception {
        List<Held> held = historicalPanels();
        assertEquals(1, held.stream().filter(h -> h.kind() == PanelKind.JOINT).count(), "one joint panel");
        assertTrue(held.stream().anyMatch(h -> h.kind() == PanelKind.LOCAL), "a local panel");
        for (Held h : held) {
            assertTrue(h.heldOn().isAfter(h.year1Due()) && !h.heldOn().isAfter(h.year1Due().plusWeeks(8)),
                    "held within 8 weeks after year 1 was due: " + h.heldOn());
            assertFalse(h.outcomes().isEmpty());
            assertTrue(h.outcomes().stream().allMatch(o -> o == Outcome.ACCEPTED || o == Outcome.ACCEPTED_WITH_ACTIONS));
            assertTrue(h.findings() >= h.outcomes().size() * 3L, "findings for a few standards of each submission");
            assertTrue(h.themes() > 0, "themes noted");
            assertEquals(h.outcomes().size(), h.letters().size(), "a letter for every accepted submission");
            for (Letter letter : h.letters()) {
                assertEquals(LetterState.ISSUED, letter.state());
                long days = ChronoUnit.DAYS.between(h.heldOn(), letter.issuedOn());
                assertTrue(days >= 0 && days <= 28, "issued within 4 weeks of the panel: " + days + " days");
                assertNotNull(letter.pdf());
                assertTrue(new String(letter.pdf(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII).equals("%PDF-"));
                assertEquals(letter.sha256(), sha256(letter.pdf()), "the stored checksum is the PDF's");
                assertTrue(letter.contentJson().contains("\"standards\":[{"), "the summary table, from the frozen version");
                assertTrue(letter.contentJson().contains("Children's views are recorded in their own words"),
                        "the panel's strengths in the letter");
            }
        }
        Held joint = held.stream().filter(h -> h.kind() == PanelKind.JOINT).findFirst().orElseThrow();
        assertTrue(joint.outcomes().contains(Outcome.ACCEPTED_WITH_ACTIONS), "one accepted with required actions");
        assertTrue(joint.requiredActions() >= 1, "with its required action");
        assertEquals(1, held.stream().mapToLong(Held::panelRatings).sum(), "one panel rating with its reason");
        assertTrue(held.stream().mapToLong(Held::privateNotes).sum() >= 1, "private notes on one");
    }

    @Test
    void theHistoricalAssessmentsMovedThroughThePanelAndTheLetterInOrder() {
        List<List<AssessmentState>> histories = historicalHistories();
        assertEquals(9, histories.size());
        List<AssessmentState> toClosed = List.of(AssessmentState.IN_PROGRESS, AssessmentState.SUBMITTED,
                AssessmentState.MODERATED, AssessmentState.FEEDBACK_ISSUED, AssessmentState.MONITORING, AssessmentState.CLOSED);
        java.util.Map<AssessmentState, Integer> ends = new java.util.EnumMap<>(AssessmentState.class);
        for (List<AssessmentState> history : histories) {
            AssessmentState last = history.get(history.size() - 1);
            ends.merge(last, 1, Integer::sum);
            assertEquals(toClosed.subList(0, history.size()), history, "every move in order");
        }
        // one waits for its lead to confirm the agreed plan (DemoYearTwoBrowserTest walks it from the letter to closed,
        // in any order with this test), two are monitored, the rest closed
        assertEquals(2, ends.get(AssessmentState.MONITORING), "two monitored: " + ends);
        assertEquals(7, ends.getOrDefault(AssessmentState.FEEDBACK_ISSUED, 0) + ends.get(AssessmentState.CLOSED),
                "one to agree its plan (or walked to closed), the rest closed: " + ends);
    }

    @Test
    void theLiveCycleHasAHeldJointPanelWithADraftAndAnIssuedLetterAndAnUpcomingPanelOfTheSubmittedJointAssessments() {
        Live live = live();
        assertTrue(live.held().heldOn.isBefore(clock.today()), "the earlier panel was held");
        assertEquals(List.of(AssessmentState.MODERATED, AssessmentState.FEEDBACK_ISSUED), live.heldStates());
        assertEquals(List.of(LetterState.DRAFT, LetterState.ISSUED), live.heldLetters());
        long days = ChronoUnit.DAYS.between(clock.today(), live.upcoming().heldOn);
        assertTrue(days >= 10 && days <= 18, "the next panel in about two weeks: " + days);
        assertTrue(live.submittedJoint().size() >= 2, "at least two submitted joint assessments");
        assertEquals(live.submittedJoint(), live.upcomingAgenda(), "the upcoming agenda holds the submitted joint assessments");
        assertEquals(4, live.upcomingMembers(), "the four partnerships' demo moderators");
    }

    @Test
    void theHampshireModeratorSeesTheUpcomingPanelAndOpensItsAgendaAndAnItem() {
        Live live = live();
        WebSession moderator = WebSession.anonymous();
        assertEquals(303, moderator.signIn("hampshire.moderator" + DOMAIN, DemoData.DEMO_PASSWORD).statusCode());
        moderator.get("/panels").then().statusCode(200).body(containsString(live.upcoming().path()));
        moderator.get(live.upcoming().path()).then().statusCode(200)
                .body(containsString("Wessex Fire and Rescue Service"));
        moderator.get(live.upcomingItemPath()).then().statusCode(200);
    }

    @Test
    void theLeadOfTheAgencyWithFeedbackDownloadsItsLetterAndTheLeadWithADraftSeesNone() {
        Live live = live();
        WebSession issuedLead = WebSession.anonymous();
        assertEquals(303, issuedLead.signIn(live.issuedLeadEmail(), DemoData.DEMO_PASSWORD).statusCode());
        issuedLead.get("/home").then().statusCode(200).body(containsString("Your feedback letter"));
        Response pdf = issuedLead.get("/letters/" + live.issuedLetterId() + "/pdf");
        assertEquals(200, pdf.statusCode());
        assertTrue(pdf.contentType().startsWith("application/pdf"), pdf.contentType());
        assertArrayEquals(live.issuedPdf(), pdf.asByteArray(), "the stored bytes");

        WebSession draftLead = WebSession.anonymous();
        assertEquals(303, draftLead.signIn(live.draftLeadEmail(), DemoData.DEMO_PASSWORD).statusCode());
        draftLead.get("/home").then().statusCode(200).body(not(containsString("Your feedback letter")));
        assertEquals(404, draftLead.get("/letters/" + live.draftLetterId() + "/pdf").statusCode(), "a draft is never the agency's");
    }

    // ------------------------------------------------------------------------------------------------ reads

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Transactional
    List<Held> historicalPanels() {
        Cycle cycle = Cycle.findByName(DemoData.HISTORICAL_CYCLE);
        return PanelDay.<PanelDay>list("cycle = ?1 order by heldOn, id", cycle).stream().map(p -> {
            List<AgendaItem> items = AgendaItem.agenda(p);
            List<StandardFinding> findings = StandardFinding.list("item.panel", p);
            List<Letter> letters = items.stream().flatMap(i -> FeedbackLetter.listForAssessment(i.assessment).stream())
                    .map(l -> new Letter(l.state, l.issuedAt == null ? null : l.issuedAt.atZone(clock.clock().getZone()).toLocalDate(),
                            l.sha256, l.pdf, l.contentJson))
                    .toList();
            return new Held(p.kind, p.heldOn, cycle.year1Due, items.stream().map(i -> i.outcome).toList(), findings.size(),
                    findings.stream().filter(f -> !f.agrees && f.panelRating != null && f.ratingReason != null).count(),
                    findings.stream().filter(f -> f.privateNotes != null).count(),
                    findings.stream().mapToLong(f -> f.themes.size()).sum(),
                    items.stream().mapToLong(i -> RequiredAction.forItem(i).size()).sum(), letters);
        }).toList();
    }

    @Transactional
    List<List<AssessmentState>> historicalHistories() {
        Cycle cycle = Cycle.findByName(DemoData.HISTORICAL_CYCLE);
        return Assessment.<Assessment>list("cycle", cycle).stream()
                .map(a -> AssessmentEvent.<AssessmentEvent>list("assessment = ?1 order by id", a).stream()
                        .map(e -> e.toState).toList())
                .toList();
    }

    record Live(PanelDay held, List<AssessmentState> heldStates, List<LetterState> heldLetters, PanelDay upcoming,
            Set<Long> submittedJoint, Set<Long> upcomingAgenda, int upcomingMembers, String upcomingItemPath,
            String issuedLeadEmail, long issuedLetterId, byte[] issuedPdf, String draftLeadEmail, long draftLetterId) {
    }

    @Transactional
    Live live() {
        Cycle cycle = Cycle.find("name like ?1", "%" + DemoData.LIVE_CYCLE_MARKER).firstResult();
        List<PanelDay> panels = PanelDay.list("cycle = ?1 order by heldOn", cycle);
        assertEquals(2, panels.size(), "a held and an upcoming live panel");
        PanelDay held = panels.get(0);
        PanelDay upcoming = panels.get(1);
        List<AgendaItem> heldItems = AgendaItem.agenda(held);
        assertTrue(heldItems.stream().allMatch(i -> i.outcome == Outcome.ACCEPTED));
        List<FeedbackLetter> letters = heldItems.stream().map(i -> FeedbackLetter.listForAssessment(i.assessment).get(0)).toList();
        Set<Long> submittedJoint = Assessment.<Assessment>list("cycle = ?1 and state = ?2", cycle, AssessmentState.SUBMITTED)
                .stream().filter(a -> a.agency.isJoint()).map(a -> a.id).collect(Collectors.toSet());
        List<AgendaItem> upcomingItems = AgendaItem.agenda(upcoming);
        Agency draftAgency = heldItems.get(0).assessment.agency;
        Agency issuedAgency = heldItems.get(1).assessment.agency;
        FeedbackLetter issued = letters.get(1);
        return new Live(held, heldItems.stream().map(i -> i.assessment.state).toList(), letters.stream().map(l -> l.state).toList(),
                upcoming, submittedJoint, upcomingItems.stream().map(i -> i.assessment.id).collect(Collectors.toSet()),
                upcoming.members.size(), upcomingItems.get(0).path(),
                "lead." + DemoData.slug(issuedAgency.name) + DOMAIN, issued.id, issued.pdf,
                "lead." + DemoData.slug(draftAgency.name) + DOMAIN, letters.get(0).id);
    }
}
