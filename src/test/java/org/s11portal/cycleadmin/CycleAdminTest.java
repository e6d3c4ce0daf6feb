package org.s11portal.cycleadmin;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.s11portal.agency.Agency;
import org.s11portal.agency.Area;
import org.s11portal.assessment.AssessmentState;
import org.s11portal.audit.AdminChange;
import org.s11portal.common.config.PortalClock;
import org.s11portal.cycle.Cycle;
import org.s11portal.cycle.CycleAgency;
import org.s11portal.monitoring.YearTwoData;
import org.s11portal.support.Fixtures;
import org.s11portal.support.PageCost;
import org.s11portal.support.WebSession;
import org.s11portal.tool.Tool;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/**
 * Cycles for admins: creating one (each date rule), opening it (one live cycle per year-1 window), who takes part and
 * what their leads see, extending for everyone, closing, year-2 checkpoints, the HIPS-only scope, the admin log and
 * the pages' cost. Every cycle opened here is named "Admin test cycle ..." and closed after each test, so the next
 * test (and class) may open its own.
 */
@QuarkusTest
class CycleAdminTest {

    static final String PREFIX = "Admin test cycle";

    @Inject
    Fixtures fixtures;

    @Inject
    PortalClock clock;

    @Inject
    PageCost cost;

    @Inject
    YearTwoData yearTwo;

    @AfterEach
    void closeOurCycles() {
        QuarkusTransaction.requiringNew().run(() -> Cycle.update("status = ?1 where name like ?2 and status = ?3",
                Cycle.Status.CLOSED, PREFIX + "%", Cycle.Status.OPEN));
    }

    // --- helpers ------------------------------------------------------------------------------------------------------

    WebSession hipsAdmin() {
        return WebSession.signedIn(fixtures.admin(null).email);
    }

    long publishedTool() {
        return fixtures.aCycle().withTool().inStatus(Cycle.Status.CLOSED).withoutParticipants().create().tool.id;
    }

    /** A valid form: year 1 opens {@code opens}, due 30 days later, the rest after. */
    static Map<String, String> form(String name, long toolId, LocalDate opens) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", name);
        form.put("tool", String.valueOf(toolId));
        date(form, "year1Opens", opens);
        date(form, "year1Due", opens.plusDays(30));
        date(form, "surveyOpens", opens);
        date(form, "surveyCloses", opens.plusDays(30));
        date(form, "panel1", opens.plusDays(50));
        date(form, "lettersBy", opens.plusDays(80));
        date(form, "year2Due", opens.plusMonths(10));
        date(form, "closes", opens.plusYears(2));
        form.put("takeupTargetPct", "40");
        form.put("actionPlanWeeks", "6");
        return form;
    }

    static void date(Map<String, String> form, String name, LocalDate date) {
        form.put(name + "-day", date == null ? "" : String.valueOf(date.getDayOfMonth()));
        form.put(name + "-month", date == null ? "" : String.valueOf(date.getMonthValue()));
        form.put(name + "-year", date == null ? "" : String.valueOf(date.getYear()));
    }

    /**
     * Posts a form with "only the agencies I tick" chosen and repeated "participants" values, as the checkboxes send
     * them: exactly these agencies take part.
     */
    static Response post(WebSession session, String path, Map<String, String> form, List<Long> participants) {
        var request = session.request().contentType("application/x-www-form-urlencoded; charset=UTF-8");
        form.forEach(request::formParam);
        if (!form.containsKey("which")) {
            request.formParam("which", "chosen");
        }
        for (Long id : participants) {
            request.formParam("participants", String.valueOf(id));
        }
        request.formParam("csrf-token", session.csrfToken());
        return request.post(path);
    }

    static long idFrom(Response response) {
        Matcher m = Pattern.compile("/admin/cycles/(\\d+)").matcher(response.header("Location"));
        assertTrue(m.find(), response.header("Location"));
        return Long.parseLong(m.group(1));
    }

    /** Creates a draft through the form with these agencies taking part; answers its id. */
    long draft(WebSession admin, LocalDate opens, List<Long> participants) {
        admin.get("/admin/cycles/new").then().statusCode(200);
        Response created = post(admin, "/admin/cycles/new", form(Fixtures.unique(PREFIX), publishedTool(), opens), participants);
        assertEquals(303, created.statusCode(), created.asString());
        return idFrom(created);
    }

    void open(WebSession admin, long id) {
        admin.get("/admin/cycles/" + id + "/open").then().statusCode(200).body(containsString("Open cycle"));
        admin.post("/admin/cycles/" + id + "/open", Map.of()).then().statusCode(303);
    }

    Cycle cycle(long id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Cycle cycle = Cycle.findById(id);
            cycle.plannedPanelDates.size();
            return cycle;
        });
    }

    List<Long> participants(long id) {
        return QuarkusTransaction.requiringNew().call(() -> CycleAgency.agencyIds(Cycle.findById(id)));
    }

    List<String> actions(long cycleId) {
        return QuarkusTransaction.requiringNew().call(() -> AdminChange.<AdminChange>list(
                "recordType = 'Cycle' and recordId = ?1 order by id", cycleId).stream().map(c -> c.action).toList());
    }

    void archive(Agency agency) {
        QuarkusTransaction.requiringNew().run(() -> Agency.<Agency>findById(agency.id).archivedAt = clock.now());
    }

    // --- creating -----------------------------------------------------------------------------------------------------

    @Test
    void theNewFormTicksEveryActiveAgencyAndCreatesADraftTheLogRecords() {
        Agency active = fixtures.anAgency().inAreas(Area.HAMPSHIRE).create();
        Agency archived = fixtures.anAgency().inAreas(Area.HAMPSHIRE).create();
        archive(archived);
        WebSession admin = hipsAdmin();
        String page = admin.get("/admin/cycles/new").then().statusCode(200).extract().asString();
        assertTrue(page.contains("value=\"all\" checked"), "every active agency by default");
        assertTrue(page.contains("value=\"" + active.id + "\""), "active agencies are offered to tick");
        assertFalse(page.contains("value=\"" + active.id + "\" checked"), "none ticked: the form posts no agency by default");
        assertFalse(page.contains("value=\"" + archived.id + "\""), "archived agencies are not offered");

        // what the browser sends by default: "every active agency", and no agency at all
        Map<String, String> all = new java.util.HashMap<>();
        all.put("which", "all");
        String name = Fixtures.unique(PREFIX);
        all.putAll(form(name, publishedTool(), clock.today().minusDays(5)));
        Response created = post(admin, "/admin/cycles/new", all, List.of());
        assertEquals(303, created.statusCode(), created.asString());
        long id = idFrom(created);
        Cycle cycle = cycle(id);
        assertEquals(Cycle.Status.DRAFT, cycle.status);
        assertEquals(List.of(clock.today().plusDays(45)), cycle.plannedPanelDates);
        assertTrue(participants(id).contains(active.id));
        assertFalse(participants(id).contains(archived.id));
        assertEquals(List.of("Created cycle"), actions(id));
        admin.get("/admin/cycles/" + id).then().statusCode(200).body(containsString(name)).body(containsString("Draft"))
                .body(containsString(active.name)).body(containsString("/admin/cycles/" + id + "/edit#year1Due-day"));
        admin.get("/admin/cycles").then().statusCode(200).body(containsString(name));
    }

    @Test
    void eachDateRuleIsExplained() {
        WebSession admin = hipsAdmin();
        long tool = publishedTool();
        LocalDate opens = clock.today().plusDays(100);
        Map<String, String> valid = form(Fixtures.unique(PREFIX), tool, opens);
        String taken = Fixtures.unique(PREFIX);
        admin.get("/admin/cycles/new");
        post(admin, "/admin/cycles/new", form(taken, tool, opens), List.of()).then().statusCode(303);

        Map<String, Map<String, String>> cases = new LinkedHashMap<>();
        cases.put("Enter the cycle's name", with(valid, "name", " "));
        cases.put("There is already a cycle called " + taken, with(valid, "name", taken));
        cases.put("Choose the published tool version the cycle uses", with(valid, "tool", "999999999"));
        cases.put("The self-assessment due date must be after the date year 1 opens", withDate(valid, "year1Due", opens));
        cases.put("The staff survey must open on or after the date year 1 opens", withDate(valid, "surveyOpens", opens.minusDays(1)));
        cases.put("The staff survey must close no later than 28 days after the self-assessment is due",
                withDate(valid, "surveyCloses", opens.plusDays(30 + 29)));
        cases.put("The staff survey must close after it opens", withDate(valid, "surveyCloses", opens));
        cases.put("Planned panel date 1 must be after the self-assessment is due", withDate(valid, "panel1", opens.plusDays(30)));
        cases.put("The date letters are sent by must be after the self-assessment is due", withDate(withDate(valid, "panel1", null),
                "lettersBy", opens.plusDays(10)));
        cases.put("The year 2 progress update must be due after the self-assessment is due", withDate(valid, "year2Due", opens.plusDays(20)));
        cases.put("The cycle must close after the year 2 progress update is due", withDate(valid, "closes", opens.plusMonths(10)));
        cases.put("Enter the date the cycle closes", withDate(valid, "closes", null));
        cases.put("Self-assessment due must be a real date: check the day", with(valid, "year1Due-day", "32"));
        cases.put("Enter the take-up target as a whole number from 1 to 100", with(valid, "takeupTargetPct", "101"));
        cases.put("Enter the weeks as a whole number from 1 to 26", with(valid, "actionPlanWeeks", "0"));
        cases.forEach((message, form) -> post(admin, "/admin/cycles/new", form, List.of()).then().statusCode(400)
                .body(containsString(message.replace("'", "&#39;"))));
        // everything typed is kept
        post(admin, "/admin/cycles/new", with(valid, "takeupTargetPct", "abc"), List.of()).then().statusCode(400)
                .body(containsString("value=\"abc\"")).body(containsString(valid.get("name")));
    }

    static Map<String, String> with(Map<String, String> form, String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(form);
        copy.put(key, value);
        return copy;
    }

    static Map<String, String> withDate(Map<String, String> form, String name, LocalDate date) {
        Map<String, String> copy = new LinkedHashMap<>(form);
        date(copy, name, date);
        return copy;
    }

    // --- opening, taking part ----------------------------------------------------------------------------------------

    @Test
    void openingIsRefusedWhileAnotherOpenCyclesYearOneOverlaps() {
        Agency agency = fixtures.anAgency().inAreas(Area.PORTSMOUTH).create();
        WebSession admin = hipsAdmin();
        long first = draft(admin, clock.today().minusDays(200), List.of(agency.id));
        open(admin, first);
        long second = draft(admin, clock.today().minusDays(190), List.of(agency.id));
        admin.post("/admin/cycles/" + second + "/open", Map.of()).then().statusCode(409)
                .body(containsString("The open cycle " + cycle(first).name + " runs year 1 from"));
        assertEquals(Cycle.Status.DRAFT, cycle(second).status);
        long noOne = draft(admin, clock.today().minusDays(300), List.of());
        admin.post("/admin/cycles/" + noOne + "/open", Map.of()).then().statusCode(409)
                .body(containsString("No agency takes part in this cycle yet"));
        assertEquals(List.of("Created cycle", "Opened cycle"), actions(first));
    }

    @Test
    void onlyTheLeadsOfAgenciesTakingPartGetASelfAssessment() {
        Agency in = fixtures.anAgency().inAreas(Area.HAMPSHIRE).create();
        Agency out = fixtures.anAgency().inAreas(Area.HAMPSHIRE).create();
        Agency later = fixtures.anAgency().inAreas(Area.HAMPSHIRE).create();
        WebSession admin = hipsAdmin();
        long id = draft(admin, clock.today().minusDays(2), List.of(in.id));
        open(admin, id);

        WebSession outLead = WebSession.signedIn(fixtures.lead(out).email);
        outLead.get("/home").then().statusCode(200).body(containsString("Your agency is not taking part in the current cycle"))
                .body(not(containsString("Start your self-assessment")));
        outLead.post("/self-assessment", Map.of()).then().statusCode(404);

        WebSession inLead = WebSession.signedIn(fixtures.lead(in).email);
        inLead.get("/home").then().statusCode(200).body(containsString("Start your self-assessment"))
                .body(containsString(cycle(id).name));
        String location = inLead.post("/self-assessment", Map.of()).then().statusCode(303).extract().header("Location");
        inLead.get(location.replaceFirst("^https?://[^/]+", "")).then().statusCode(200).body(containsString(in.name));

        // an agency added after the cycle opened
        admin.get("/admin/cycles/" + id + "/participants").then().statusCode(200).body(containsString(later.name));
        post(admin, "/admin/cycles/" + id + "/participants", Map.of(), List.of()).then().statusCode(400)
                .body(containsString("Choose at least one agency to add"));
        post(admin, "/admin/cycles/" + id + "/participants", Map.of(), List.of(later.id)).then().statusCode(303);
        WebSession laterLead = WebSession.signedIn(fixtures.lead(later).email);
        laterLead.post("/self-assessment", Map.of()).then().statusCode(303);
        assertTrue(actions(id).contains("Changed cycle participants"));
    }

    // --- extending, closing -------------------------------------------------------------------------------------------

    @Test
    void extendingForEveryoneMovesTheDueDateLeadsSeeAndNeedsAReason() {
        Agency agency = fixtures.anAgency().inAreas(Area.SOUTHAMPTON).create();
        WebSession admin = hipsAdmin();
        long id = draft(admin, clock.today().minusDays(3), List.of(agency.id));
        open(admin, id);
        LocalDate due = cycle(id).year1Due;
        LocalDate newDue = due.plusDays(7);
        // an agency's own extension that ends earlier than the new date no longer counts
        fixtures.extend(agency, cycle(id), due.plusDays(2), fixtures.admin(null));

        admin.get("/admin/cycles/" + id + "/extend").then().statusCode(200);
        Map<String, String> form = new LinkedHashMap<>();
        date(form, "newDue", newDue);
        form.put("reason", "");
        admin.post("/admin/cycles/" + id + "/extend", form).then().statusCode(400)
                .body(containsString("Enter the reason for extending the due date"));
        Map<String, String> earlier = withDate(form, "newDue", due);
        earlier.put("reason", "Snow");
        admin.post("/admin/cycles/" + id + "/extend", earlier).then().statusCode(400)
                .body(containsString("The new due date must be after the current due date"));
        Map<String, String> pastLetters = withDate(form, "newDue", due.plusDays(60));
        pastLetters.put("reason", "Snow");
        admin.post("/admin/cycles/" + id + "/extend", pastLetters).then().statusCode(400)
                .body(containsString("The new due date must be before the first planned panel date"));
        assertEquals(due, cycle(id).year1Due);

        form.put("reason", "Snow closed every office");
        admin.post("/admin/cycles/" + id + "/extend", form).then().statusCode(303);
        assertEquals(newDue, cycle(id).year1Due);
        String formatted = org.s11portal.common.template.TemplateExtensions.format(newDue);
        WebSession lead = WebSession.signedIn(fixtures.lead(agency).email);
        lead.get("/home").then().body(containsString(formatted));
        String location = lead.post("/self-assessment", Map.of()).then().statusCode(303).extract().header("Location");
        lead.get(location.replaceFirst("^https?://[^/]+", "")).then().statusCode(200).body(containsString(formatted));
        admin.get("/admin/cycles/" + id).then().body(containsString("Snow closed every office"));
        assertTrue(actions(id).contains("Extended cycle for everyone"));
    }

    @Test
    void aClosedCycleIsReadOnlyAndNoLongerLive() {
        Agency agency = fixtures.anAgency().inAreas(Area.ISLE_OF_WIGHT).create();
        WebSession admin = hipsAdmin();
        long id = draft(admin, clock.today().minusDays(4), List.of(agency.id));
        open(admin, id);
        admin.get("/admin/cycles/" + id + "/close").then().statusCode(200).body(containsString("Are you sure"));
        admin.post("/admin/cycles/" + id + "/close", Map.of()).then().statusCode(303);
        assertEquals(Cycle.Status.CLOSED, cycle(id).status);
        QuarkusTransaction.requiringNew().run(() -> {
            Cycle live = Cycle.liveOn(clock.today());
            assertTrue(live == null || live.id != id, "a closed cycle is never live");
        });
        admin.get("/admin/cycles/" + id).then().statusCode(200).body(containsString("This cycle is closed"))
                .body(not(containsString("Close the cycle"))).body(not(containsString("/checkpoints/new")));
        for (String path : List.of("/edit", "/open", "/extend", "/close", "/participants", "/checkpoints/new")) {
            admin.get("/admin/cycles/" + id + path).then().statusCode(409);
            admin.post("/admin/cycles/" + id + path, Map.of()).then().statusCode(409);
        }
        assertEquals(List.of("Created cycle", "Opened cycle", "Closed cycle"), actions(id));
    }

    // --- checkpoints -------------------------------------------------------------------------------------------------

    @Test
    void checkpointsMadeOnTheCyclePageReachTheLeadsYearTwoPage() {
        WebSession admin = hipsAdmin();
        long id = draft(admin, clock.today().minusDays(500), List.of());
        Cycle cycle = cycle(id);
        YearTwoData.Plan plan = yearTwo.plan(cycle, Area.PORTSMOUTH, AssessmentState.MONITORING, 1);
        String base = "/admin/cycles/" + id + "/checkpoints";
        admin.get(base + "/new").then().statusCode(200);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("title", "Progress update by spring");
        date(form, "dueOn", cycle.year1Due);
        admin.post(base + "/new", form).then().statusCode(400).body(containsString("The checkpoint must be due after"));
        date(form, "dueOn", cycle.year1Due.plusDays(60));
        admin.post(base + "/new", form).then().statusCode(303);
        String page = admin.get("/admin/cycles/" + id).then().statusCode(200).body(containsString("Progress update by spring"))
                .extract().asString();
        Matcher m = Pattern.compile(base + "/(\\d+)\"").matcher(page);
        assertTrue(m.find(), "a Change link for the checkpoint");
        long checkpointId = Long.parseLong(m.group(1));
        admin.get(base + "/" + checkpointId).then().statusCode(200);
        form.put("title", "Progress update by Easter");
        admin.post(base + "/" + checkpointId, form).then().statusCode(303);

        WebSession lead = WebSession.signedIn(plan.lead().email);
        lead.get(plan.path()).then().statusCode(200).body(containsString("Progress update by Easter"));

        // the draft's dates cannot move past its checkpoints
        admin.get("/admin/cycles/" + id + "/edit").then().statusCode(200);
        Map<String, String> later = withDate(form(cycle.name, cycle.tool.id, cycle.year1Opens), "year1Due", cycle.year1Due.plusDays(90));
        post(admin, "/admin/cycles/" + id + "/edit", later, List.of()).then().statusCode(400)
                .body(containsString("The year 2 checkpoint Progress update by Easter"));

        admin.post(base + "/" + checkpointId + "/delete", Map.of()).then().statusCode(303);
        lead.get(plan.path()).then().statusCode(200).body(not(containsString("Progress update by Easter")));
        assertTrue(actions(id).containsAll(List.of("Added year-2 checkpoint", "Changed year-2 checkpoint", "Deleted year-2 checkpoint")));
    }

    // --- scope ---------------------------------------------------------------------------------------------------------

    @Test
    void aDraftCycleIsNotOfferedOutsideTheAdministrationPages() {
        Cycle draft = fixtures.aCycle().withTool().inStatus(Cycle.Status.DRAFT).create();
        WebSession moderator = WebSession.signedIn(fixtures.moderator(Area.HAMPSHIRE).email);
        moderator.get("/survey-results").then().statusCode(200).body(not(containsString(draft.name)));
        moderator.get("/survey-results?cycle=" + draft.id).then().statusCode(404);
        moderator.get("/monitoring").then().statusCode(200).body(not(containsString(draft.name)));
        moderator.get("/monitoring?cycle=" + draft.id).then().statusCode(404);
        hipsAdmin().get("/admin/cycles/" + draft.id).then().statusCode(200).body(containsString(draft.name));
    }

    @Test
    void aPartnershipAdminReadsCyclesButChangesNothing() {
        Agency own = fixtures.anAgency().inAreas(Area.PORTSMOUTH).create();
        Agency other = fixtures.anAgency().inAreas(Area.SOUTHAMPTON).create();
        WebSession hips = hipsAdmin();
        long id = draft(hips, clock.today().minusDays(600), List.of(own.id, other.id));
        WebSession admin = WebSession.signedIn(fixtures.admin(Area.PORTSMOUTH).email);
        // the list (whose first page holds the newest 50 cycles, not necessarily this old one) offers no change
        admin.get("/admin/cycles").then().statusCode(200).body(not(containsString("Create a cycle")));
        admin.get("/admin/cycles/" + id).then().statusCode(200).body(containsString(cycle(id).name)).body(containsString(own.name))
                .body(not(containsString(other.name))).body(not(containsString("Change<")))
                .body(not(containsString("Check and open")));
        for (String path : List.of("/admin/cycles/new", "/admin/cycles/" + id + "/edit", "/admin/cycles/" + id + "/open",
                "/admin/cycles/" + id + "/extend", "/admin/cycles/" + id + "/close", "/admin/cycles/" + id + "/participants",
                "/admin/cycles/" + id + "/checkpoints/new")) {
            admin.get(path).then().statusCode(404);
            admin.post(path, Map.of()).then().statusCode(404);
        }
        assertEquals(Cycle.Status.DRAFT, cycle(id).status);
        WebSession moderator = WebSession.signedIn(fixtures.moderator(Area.PORTSMOUTH).email);
        moderator.get("/admin/cycles").then().statusCode(403);
        WebSession lead = WebSession.signedIn(fixtures.lead(own).email);
        lead.get("/admin/cycles/" + id).then().statusCode(403);
    }

    // --- page cost -----------------------------------------------------------------------------------------------------

    @Test
    void theListAndCyclePagesCostTheSameWithMoreCyclesAndAgencies() {
        WebSession admin = hipsAdmin();
        List<Long> agencies = new ArrayList<>();
        agencies.add(fixtures.anAgency().inAreas(Area.HAMPSHIRE).create().id);
        long id = draft(admin, clock.today().minusDays(700), agencies);
        Runnable list = () -> admin.get("/admin/cycles").then().statusCode(200);
        Runnable show = () -> admin.get("/admin/cycles/" + id).then().statusCode(200);
        list.run();
        show.run();
        long listFew = cost.statements(list);
        long showFew = cost.statements(show);

        List<Agency> more = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            more.add(fixtures.anAgency().inAreas(i % 2 == 0 ? Area.PORTSMOUTH : Area.HAMPSHIRE, Area.SOUTHAMPTON).create());
        }
        for (int i = 0; i < 3; i++) {
            fixtures.aCycle().withTool().inStatus(Cycle.Status.CLOSED).create();
        }
        QuarkusTransaction.requiringNew().run(() -> CycleAgency.add(Cycle.findById(id),
                more.stream().map(a -> (Agency) Agency.findById(a.id)).toList()));
        list.run();
        show.run();
        assertEquals(listFew, cost.statements(list));
        assertEquals(showFew, cost.statements(show));
        assertEquals(1, cost.transactions(show));
    }

    @Test
    void aMinimalCyclesPagesRender() {
        WebSession admin = hipsAdmin();
        long tool = publishedTool();
        Map<String, String> form = form(Fixtures.unique(PREFIX), tool, clock.today().minusDays(800));
        date(form, "panel1", null);
        admin.get("/admin/cycles/new");
        Response created = post(admin, "/admin/cycles/new", form, List.of());
        assertEquals(303, created.statusCode(), created.asString());
        long id = idFrom(created);
        admin.get("/admin/cycles/" + id).then().statusCode(200).body(containsString("None planned"))
                .body(containsString("No year 2 checkpoints yet")).body(containsString("0 agencies take part"));
        admin.get("/admin/cycles/" + id + "/edit").then().statusCode(200);
        admin.get("/admin/cycles/" + id + "/open").then().statusCode(200).body(containsString("No agency takes part"));
        Map<String, String> changed = with(form, "takeupTargetPct", "55");
        post(admin, "/admin/cycles/" + id + "/edit", changed, List.of()).then().statusCode(303);
        assertEquals(55, cycle(id).takeupTargetPct);
        assertTrue(actions(id).contains("Changed cycle"));
        QuarkusTransaction.requiringNew().run(() -> assertTrue(
                Tool.<Tool>findById(tool).status == Tool.Status.PUBLISHED));
    }
}
