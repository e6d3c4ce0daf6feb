package org.s11portal.panel;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.s11portal.account.User;
import org.s11portal.agency.Agency;
import org.s11portal.agency.Area;
import org.s11portal.assessment.ActionItem;
import org.s11portal.assessment.Assessment;
import org.s11portal.assessment.AssessmentState;
import org.s11portal.common.config.PortalClock;
import org.s11portal.cycle.Cycle;
import org.s11portal.support.Fixtures;
import org.s11portal.support.PageCost;
import org.s11portal.support.WebSession;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** Planning a panel, its agenda, findings per standard, themes and outcomes, through the pages. */
@QuarkusTest
class PanelResourceTest {

    @Inject
    Fixtures fixtures;

    @Inject
    PanelTestData data;

    @Inject
    PortalClock clock;

    /** A joint agency's assessment, answered and submitted by its lead through the pages (so it has a version). */
    private Assessment submittedJoint(Cycle cycle) {
        return data.submittedThroughThePages(fixtures.anAgency().inAreas(Area.HAMPSHIRE, Area.PORTSMOUTH).create(), cycle);
    }

    @Test
    void aJointPanelsAgendaFillsItselfWithTheSubmittedJointAssessmentsNotYetOnAPanel() {
        Cycle cycle = fixtures.aCycle().withTool().create();
        Assessment first = fixtures.anAssessment().forAgency(fixtures.anAgency().inAreas(Area.HAMPSHIRE, Area.SOUTHAMPTON).create())
                .inCycle(cycle).submitted().create();
        Assessment second = fixtures.anAssessment().forAgency(fixtures.anAgency().inAreas(Area.ISLE_OF_WIGHT, Area.PORTSMOUTH).create())
                .inCycle(cycle).submitted().create();
        Assessment jointInProgress = fixtures.anAssessment().forAgency(fixtures.anAgency().inAreas(Area.HAMPSHIRE, Area.PORTSMOUTH).create())
                .inCycle(cycle).inProgress().create();
        Assessment local = fixtures.anAssessment().forAgency(fixtures.anAgency().inAreas(Area.HAMPSHIRE).create())
                .inCycle(cycle).submitted().create();
        User moderator = fixtures.moderator(Area.HAMPSHIRE);
        WebSession session = WebSession.signedIn(moderator.email);
        session.get("/home").then().body(containsString("href=\"/panels\""));
        session.get("/panels").then().statusCode(200)
                .body(containsString("Waiting for a joint panel"))
                .body(containsString("2 submissions of " + cycle.name))
                .body(containsString("1 submission of Hampshire agencies"));

        LocalDate day = clock.today().plusDays(14);
        long panelId = PanelTestData.plan(session, day, "JOINT", moderator.id);
        List<Long> onAgenda = data.items(panelId).stream().map(i -> i.assessment.id).toList();
        assertEquals(2, onAgenda.size(), "the two submitted joint assessments");
        assertTrue(onAgenda.contains(first.id) && onAgenda.contains(second.id));
        assertTrue(!onAgenda.contains(jointInProgress.id) && !onAgenda.contains(local.id));
        session.get("/panels/" + panelId + "?planned=1").then().statusCode(200)
                .body(containsString("The panel day is planned"))
                .body(containsString(first.agency.name))
                .body(containsString(moderator.displayName));
        session.get("/panels").then().body(containsString("0 submissions of " + cycle.name))
                .body(containsString("/panels/" + panelId));

        // on a panel already: a second joint panel has an empty agenda
        long again = PanelTestData.plan(session, day.plusDays(1), "JOINT", moderator.id);
        assertEquals(List.of(), data.items(again));
    }

    @Test
    void thePlanFormSaysWhatIsWrongAndKeepsWhatWasTyped() {
        fixtures.aCycle().withTool().create();
        User moderator = fixtures.moderator(Area.PORTSMOUTH);
        User other = fixtures.moderator(Area.SOUTHAMPTON);
        WebSession session = WebSession.signedIn(moderator.email);
        session.get("/panels/new").then().statusCode(200).body(containsString("Portsmouth local panel"));
        session.post("/panels/new", Map.of("heldOn-day", "31", "heldOn-month", "2", "heldOn-year", "2031"))
                .then().statusCode(400)
                .body(containsString("There is a problem"))
                .body(containsString("must be a real date"))
                .body(containsString("value=\"31\""))
                .body(containsString("Select joint or local panel"))
                .body(containsString("Select the moderators taking part"));
        LocalDate yesterday = clock.today().minusDays(1);
        session.post("/panels/new", Map.of("heldOn-day", String.valueOf(yesterday.getDayOfMonth()),
                "heldOn-month", String.valueOf(yesterday.getMonthValue()), "heldOn-year", String.valueOf(yesterday.getYear()),
                "kind", "LOCAL", "members", String.valueOf(other.id)))
                .then().statusCode(400)
                .body(containsString("must be today or in the future"))
                .body(containsString("must all be of Portsmouth"))
                .body(containsString("id=\"kind-LOCAL\" name=\"kind\" type=\"radio\" value=\"LOCAL\" aria-describedby=\"kind-local-hint\" checked"));
    }

    @Test
    void theAgendaCanBeReordered() {
        Cycle cycle = fixtures.aCycle().withTool().create();
        for (int i = 0; i < 3; i++) {
            fixtures.anAssessment().forAgency(fixtures.anAgency().inAreas(Area.SOUTHAMPTON).create()).inCycle(cycle).submitted().create();
        }
        User moderator = fixtures.moderator(Area.SOUTHAMPTON);
        WebSession session = WebSession.signedIn(moderator.email);
        long panelId = PanelTestData.plan(session, clock.today().plusDays(3), "LOCAL", moderator.id);
        List<AgendaItem> before = data.items(panelId);
        assertEquals(3, before.size());
        session.get("/panels/" + panelId);
        session.post("/panels/" + panelId + "/items/" + before.get(0).id + "/move", Map.of("direction", "down"))
                .then().statusCode(303).header("Location", "/panels/" + panelId + "#item-" + before.get(0).id);
        List<Long> after = data.items(panelId).stream().map(i -> i.id).toList();
        assertEquals(List.of(before.get(1).id, before.get(0).id, before.get(2).id), after);
        session.post("/panels/" + panelId + "/items/" + before.get(2).id + "/move", Map.of("direction", "up"));
        assertEquals(List.of(before.get(1).id, before.get(2).id, before.get(0).id),
                data.items(panelId).stream().map(i -> i.id).toList());
        // the first cannot go further up
        session.post("/panels/" + panelId + "/items/" + before.get(1).id + "/move", Map.of("direction", "up"));
        assertEquals(List.of(before.get(1).id, before.get(2).id, before.get(0).id),
                data.items(panelId).stream().map(i -> i.id).toList());
        assertEquals(List.of(1, 2, 3), data.items(panelId).stream().map(i -> i.position).toList());
    }

    @Test
    void theItemPageShowsTheSubmissionItsFlagsAndSavesTheFindingsAsDrafts() {
        Cycle cycle = fixtures.aCycle().withTool().create();
        Assessment assessment = submittedJoint(cycle);
        User moderator = fixtures.moderator(Area.HAMPSHIRE);
        WebSession session = WebSession.signedIn(moderator.email);
        long panelId = PanelTestData.plan(session, clock.today().plusDays(10), "JOINT", moderator.id);
        AgendaItem item = data.items(panelId).get(0);
        String path = "/panels/" + panelId + "/items/" + item.id;
        session.get(path).then().statusCode(200)
                .body(containsString("Evidence for T1.Q1"))
                .body(containsString("Impact for T1.Q1"))
                // no headcount given: take-up is below target
                .body(containsString("data-kind=\"TAKE_UP_BELOW_TARGET\""))
                .body(containsString("The panel's view of T1"))
                .body(containsString("Record the outcome"));

        session.post(path + "/findings/T1", PanelTestData.finding("T1", "no", null, "", "Strong board <b>assurance</b>", ""))
                .then().statusCode(400)
                .body(containsString("Select the panel&#39;s rating for T1"))
                .body(containsString("Give the reason for the panel&#39;s rating of T1"))
                .body(containsString("Strong board &lt;b&gt;assurance&lt;/b&gt;"));
        assertNull(data.finding(item.id, "T1"), "nothing saved from a refused form");

        session.post(path + "/findings/T1", PanelTestData.finding("T1", "no", "PART", "Impact not yet shown",
                "Strong board assurance", "")).then().statusCode(303).header("Location", path + "?saved=T1#finding-T1");
        StandardFinding saved = data.finding(item.id, "T1");
        assertEquals(org.s11portal.assessment.Rating.PART, saved.panelRating);
        assertEquals("Impact not yet shown", saved.ratingReason);
        assertEquals("Strong board assurance", saved.strengths);
        session.get(path + "?saved=T1").then().body(containsString("The panel's view of T1 is saved"))
                .body(containsString("Strong board assurance"));
        assertEquals(AssessmentState.SUBMITTED, fixtures.reload(assessment).state, "a draft finding moves nothing");
    }

    @Test
    void twoModeratorsSavingTheSameFindingGetAConflictPageAndNothingIsLost() {
        Cycle cycle = fixtures.aCycle().withTool().create();
        submittedJoint(cycle);
        User first = fixtures.moderator(Area.HAMPSHIRE);
        User second = fixtures.moderator(Area.PORTSMOUTH);
        WebSession one = WebSession.signedIn(first.email);
        WebSession two = WebSession.signedIn(second.email);
        long panelId = PanelTestData.plan(one, clock.today().plusDays(10), "JOINT", first.id, second.id);
        AgendaItem item = data.items(panelId).get(0);
        String path = "/panels/" + panelId + "/items/" + item.id;
        one.get(path).then().statusCode(200);
        two.get(path).then().statusCode(200);

        one.post(path + "/findings/T1", PanelTestData.finding("T1", "yes", null, null, "Alpha strengths", ""))
                .then().statusCode(303);
        String conflict = two.post(path + "/findings/T1", PanelTestData.finding("T1", "yes", null, null, "Beta strengths", ""))
                .then().statusCode(409).extract().asString();
        assertTrue(conflict.contains("Alpha strengths"), "theirs is shown");
        assertTrue(conflict.contains("Beta strengths"), "what was typed is shown");
        assertTrue(conflict.contains(first.displayName), "who saved theirs");
        assertEquals("Alpha strengths", data.finding(item.id, "T1").strengths, "nothing overwritten");

        // "Save my version" sends what was typed with the version now saved
        Map<String, String> resubmit = hiddenFields(conflict);
        assertEquals("Beta strengths", resubmit.get("T1-strengths"));
        two.post(path + "/findings/T1", resubmit).then().statusCode(303);
        assertEquals("Beta strengths", data.finding(item.id, "T1").strengths);

        // the first moderator, still on the old version, is not allowed to overwrite it either
        one.post(path + "/findings/T1", PanelTestData.finding("T1", "yes", null, null, "Alpha again", "0"))
                .then().statusCode(409).body(containsString("Alpha again")).body(containsString("Beta strengths"));
        assertEquals("Beta strengths", data.finding(item.id, "T1").strengths);
    }

    @Test
    void themesAreNotedPerStandardWithItsFindingAndAChangeInBetweenIsAConflict() {
        Cycle cycle = fixtures.aCycle().withTool().create();
        submittedJoint(cycle);
        User moderator = fixtures.moderator(Area.HAMPSHIRE);
        WebSession session = WebSession.signedIn(moderator.email);
        long panelId = PanelTestData.plan(session, clock.today().plusDays(10), "JOINT", moderator.id);
        AgendaItem item = data.items(panelId).get(0);
        String path = "/panels/" + panelId + "/items/" + item.id;
        String page = session.get(path).then().statusCode(200).body(containsString("Early Help"))
                .body(containsString("The Family Approach")).extract().asString();
        // each standard's form has its own themes
        Matcher early = Pattern.compile("id=\"(T2-theme-\\d+)\" name=\"T2-theme-\\d+\" type=\"checkbox\" value=\"yes\">\\s*"
                + "<label class=\"govuk-label govuk-checkboxes__label\" for=\"T2-theme-\\d+\">Early Help").matcher(page);
        assertTrue(early.find(), page);
        assertTrue(page.contains("name=\"T1-" + early.group(1).substring(3) + "\""), "T1 offers the same theme");
        Map<String, String> form = new HashMap<>(PanelTestData.finding("T2", "yes", null, null, "Strong", ""));
        form.put(early.group(1), "yes");
        session.post(path + "/findings/T2", form).then().statusCode(303);
        assertEquals(List.of("Early Help"), themeNames(item.id, "T2"));
        assertEquals(List.of(), themeNames(item.id, "T1"));
        session.get(path).then().body(containsString("id=\"" + early.group(1) + "\" name=\"" + early.group(1)
                + "\" type=\"checkbox\" value=\"yes\" checked"));
        // a page loaded before that save sends the version it saw: a conflict that shows both, nothing changed
        session.post(path + "/findings/T2", PanelTestData.finding("T2", "yes", null, null, "Strong", "")).then().statusCode(409)
                .body(containsString("Early Help"));
        assertEquals(List.of("Early Help"), themeNames(item.id, "T2"));
    }

    private List<String> themeNames(long itemId, String code) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> StandardFinding.<StandardFinding>list(
                "item.id = ?1 and standard.code = ?2", itemId, code).stream().flatMap(f -> f.themes.stream())
                .map(t -> t.name).toList());
    }

    @Test
    void acceptingMovesTheAssessmentToModeratedThroughTheLifecycleOnlyFromSubmitted() {
        Cycle cycle = fixtures.aCycle().withTool().create();
        Assessment assessment = submittedJoint(cycle);
        User moderator = fixtures.moderator(Area.PORTSMOUTH);
        WebSession session = WebSession.signedIn(moderator.email);
        long panelId = PanelTestData.plan(session, clock.today().plusDays(10), "JOINT", moderator.id);
        AgendaItem item = data.items(panelId).get(0);
        String path = "/panels/" + panelId + "/items/" + item.id;
        session.get(path);
        session.post(path + "/outcome", Map.of("seen", "")).then().statusCode(400)
                .body(containsString("Select the panel&#39;s outcome"));
        long events = data.events(assessment);
        session.post(path + "/outcome", Map.of("outcome", "ACCEPTED", "seen", "")).then().statusCode(303)
                .header("Location", path + "?recorded=1");
        assertEquals(AssessmentState.MODERATED, fixtures.reload(assessment).state);
        assertEquals(events + 1, data.events(assessment), "the move is recorded as an event");
        AgendaItem decided = data.item(item.id);
        assertEquals(Outcome.ACCEPTED, decided.outcome);
        assertEquals(moderator.displayName, decided.outcomeByName);
        session.get(path + "?recorded=1").then().body(containsString("The outcome is recorded: Accepted"))
                .body(not(containsString("Record the outcome")));
        session.get("/panels/" + panelId).then().body(containsString("1 of 1"));

        // a second moderator who had the page open before: a conflict, nothing changed
        session.post(path + "/outcome", Map.of("outcome", "ACCEPTED_WITH_ACTIONS", "seen", "", "action1-standard", "T1",
                "action1-description", "Late", "action1-due-day", "1", "action1-due-month", "1",
                "action1-due-year", String.valueOf(clock.today().getYear() + 1)))
                .then().statusCode(409).body(containsString("Someone else recorded an outcome")).body(containsString("Late"));
        // and sent again on top of it: the lifecycle allows no outcome for a moderated assessment; nothing changes
        session.post(path + "/outcome", Map.of("outcome", "ACCEPTED", "seen", "ACCEPTED")).then().statusCode(409)
                .body(containsString("Only a submitted self-assessment can be given an outcome"));
        assertEquals(AssessmentState.MODERATED, fixtures.reload(assessment).state);
        assertEquals(events + 1, data.events(assessment));
        assertEquals(0, data.requiredActions(item.id));
    }

    @Test
    void aReturnedAssessmentCannotBeAcceptedAndNothingChanges() {
        Cycle cycle = fixtures.aCycle().withTool().create();
        Assessment assessment = submittedJoint(cycle);
        User moderator = fixtures.moderator(Area.ISLE_OF_WIGHT);
        WebSession session = WebSession.signedIn(moderator.email);
        long panelId = PanelTestData.plan(session, clock.today().plusDays(10), "JOINT", moderator.id);
        AgendaItem item = data.items(panelId).get(0);
        String path = "/panels/" + panelId + "/items/" + item.id;
        session.get(path);
        // returned to the agency from the submission page, outside the panel
        session.get("/assessments/" + assessment.id + "/return");
        session.post("/assessments/" + assessment.id + "/return", Map.of("comment-overall", "Say more")).then().statusCode(303);
        long events = data.events(assessment);
        session.get(path).then().statusCode(200).body(not(containsString("Record the outcome")))
                .body(containsString("This submission is returned"));
        session.post(path + "/outcome", Map.of("outcome", "ACCEPTED", "seen", "")).then().statusCode(409)
                .body(containsString("Only a submitted self-assessment can be given an outcome"));
        assertEquals(AssessmentState.RETURNED, fixtures.reload(assessment).state);
        assertEquals(events, data.events(assessment));
        assertNull(data.item(item.id).outcome);
    }

    @Test
    void requiredActionsAreCheckedAndJoinTheAgencysActionPlan() {
        Cycle cycle = fixtures.aCycle().withTool().create();
        Assessment assessment = submittedJoint(cycle);
        User moderator = fixtures.moderator(Area.HAMPSHIRE);
        WebSession session = WebSession.signedIn(moderator.email);
        LocalDate day = clock.today().plusDays(10);
        long panelId = PanelTestData.plan(session, day, "JOINT", moderator.id);
        AgendaItem item = data.items(panelId).get(0);
        String path = "/panels/" + panelId + "/items/" + item.id;
        session.get(path);
        session.post(path + "/outcome", Map.of("outcome", "ACCEPTED_WITH_ACTIONS", "seen", "")).then().statusCode(400)
                .body(containsString("Give at least one required action"));
        session.post(path + "/outcome", Map.of("outcome", "ACCEPTED_WITH_ACTIONS", "seen", "", "action1-standard", "T2",
                "action1-description", "Audit <i>supervision</i>", "action1-due-day", "30", "action1-due-month", "2",
                "action1-due-year", "2030"))
                .then().statusCode(400)
                .body(containsString("Due date of required action 1 must be a real date"))
                .body(containsString("Audit &lt;i&gt;supervision&lt;/i&gt;"))
                .body(containsString("value=\"30\""));
        assertEquals(AssessmentState.SUBMITTED, fixtures.reload(assessment).state, "a refused outcome moves nothing");

        LocalDate due = clock.today().plusMonths(3);
        Map<String, String> form = new HashMap<>(Map.of("outcome", "ACCEPTED_WITH_ACTIONS", "seen", "",
                "action1-standard", "T2", "action1-description", "Audit supervision of frontline staff",
                "action1-due-day", String.valueOf(due.getDayOfMonth()), "action1-due-month", String.valueOf(due.getMonthValue()),
                "action1-due-year", String.valueOf(due.getYear())));
        form.putAll(Map.of("action2-standard", "T1", "action2-description", "Publish the safer recruitment policy",
                "action2-due-day", String.valueOf(due.getDayOfMonth()), "action2-due-month", String.valueOf(due.getMonthValue()),
                "action2-due-year", String.valueOf(due.getYear())));
        session.post(path + "/outcome", form).then().statusCode(303);
        assertEquals(AssessmentState.MODERATED, fixtures.reload(assessment).state);
        List<ActionItem> required = data.requiredByPanel(assessment);
        assertEquals(List.of("Audit supervision of frontline staff", "Publish the safer recruitment policy"),
                required.stream().map(a -> a.action).toList());
        assertEquals(day, required.get(0).requiredByPanelOn);
        assertEquals(due, required.get(0).targetDate);
        assertEquals(2, data.requiredActions(item.id));
        session.get(path).then().body(containsString("T2: Audit supervision of frontline staff"));

        WebSession lead = WebSession.signedIn(fixtures.lead(fixtures.reload(assessment).agency).email);
        lead.get("/assessments/" + assessment.id + "/actions").then().statusCode(200)
                .body(containsString("Audit supervision of frontline staff"))
                .body(containsString("Required by the panel"));
    }

    @Test
    void returnedForMoreInformationGoesToTheReturnFormAndAResubmissionStaysOnTheAgenda() {
        Cycle cycle = fixtures.aCycle().withTool().create();
        Assessment assessment = submittedJoint(cycle);
        User moderator = fixtures.moderator(Area.SOUTHAMPTON);
        WebSession session = WebSession.signedIn(moderator.email);
        long panelId = PanelTestData.plan(session, clock.today().plusDays(10), "JOINT", moderator.id);
        AgendaItem item = data.items(panelId).get(0);
        String path = "/panels/" + panelId + "/items/" + item.id;
        session.get(path);
        session.post(path + "/outcome", Map.of("outcome", "RETURNED", "seen", "")).then().statusCode(303)
                .header("Location", "/assessments/" + assessment.id + "/return");
        assertEquals(AssessmentState.SUBMITTED, fixtures.reload(assessment).state, "returned only by the return form");
        session.get("/panels/" + panelId).then().body(containsString("Return not sent yet"));
        session.get("/assessments/" + assessment.id + "/return");
        session.post("/assessments/" + assessment.id + "/return", Map.of("comment-T1", "Show the impact")).then().statusCode(303);
        session.get("/panels/" + panelId).then().body(containsString("Returned for more information"));

        WebSession lead = WebSession.signedIn(fixtures.lead(fixtures.reload(assessment).agency).email);
        PageCost.submit(lead, assessment);
        assertEquals(AssessmentState.SUBMITTED, fixtures.reload(assessment).state);
        assertEquals(List.of(item.id), data.items(panelId).stream().map(i -> i.id).toList(), "still on the agenda");
        session.get("/panels/" + panelId).then().body(containsString("Resubmitted after return"));
        session.get(path).then().body(containsString("Record the outcome"));
        session.post(path + "/outcome", Map.of("outcome", "ACCEPTED", "seen", "RETURNED")).then().statusCode(303);
        assertEquals(AssessmentState.MODERATED, fixtures.reload(assessment).state);
    }

    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");

    /** The hidden fields of a page's forms (the CSRF token excepted): what "Save my version" sends. */
    static Map<String, String> hiddenFields(String page) {
        Map<String, String> fields = new HashMap<>();
        Matcher matcher = HIDDEN.matcher(page);
        while (matcher.find()) {
            if (!matcher.group(1).equals("csrf-token")) {
                fields.put(matcher.group(1), matcher.group(2).replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                        .replace("&#39;", "'").replace("&amp;", "&"));
            }
        }
        return fields;
    }
}
