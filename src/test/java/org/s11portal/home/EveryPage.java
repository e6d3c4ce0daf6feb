package org.s11portal.home;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.s11portal.account.User;
import org.s11portal.agency.Agency;
import org.s11portal.agency.Area;
import org.s11portal.assessment.ActionItem;
import org.s11portal.assessment.Answer;
import org.s11portal.assessment.Assessment;
import org.s11portal.assessment.EvidenceFile;
import org.s11portal.common.config.PortalClock;
import org.s11portal.cycle.Cycle;
import org.s11portal.mail.OutboxMessage;
import org.s11portal.mail.OutboxRows;
import org.s11portal.support.Fixtures;
import org.s11portal.support.PageCost;
import org.s11portal.support.WebSession;
import org.s11portal.tool.Question;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.response.Response;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Issue 9.1: the record sets and routes of the every-page tests ({@link EveryPageRendersTest}, and
 * {@link EveryPageAccessibleBrowserTest} in a real browser with axe). Every template that shows an optional value copes with its absence (and with everything filled in).
 * A MINIMAL record set (an agency with only what is required, an assessment with no answers, one action with only
 * its text, no headcount, no survey answers, no comments, no files, a one-letter name) and a MAXIMAL one (four
 * areas, names and texts at their limits, every question answered, N/A with a reason, gaps with full SMART actions,
 * files, an extension, submitted, returned with comments on every standard, changed and resubmitted, carried-forward
 * answers and actions, survey answers with free text, then returned again) are made through Fixtures and the real
 * pages. Then each role (agency lead, moderator, partnership admin, HIPS admin) GETs every page: 200 or 303 (a
 * redirect is followed once and must land on a page), never a 5xx, and every HTML page has the layout's main.
 *
 * <p>The routes are every {@code @GET} found by {@code grep -rn "@Path\|@GET" src/main/java}, listed in
 * {@link #routes}. Left out on purpose:
 * <ul>
 * <li>every POST and PUT (they change state; each has its own tests, and the records above are made through them);</li>
 * <li>{@code /q/*} (health, OpenAPI: not pages of the service; covered by their own tests);</li>
 * <li>{@code /survey/{token}} POST and its error states (SurveyResourceTest).</li>
 * </ul>
 */
@ApplicationScoped
class EveryPage {

    static final String MAIN = "<main class=\"govuk-main-wrapper\" id=\"main-content\">";
    private static final Pattern SURVEY_TOKEN = Pattern.compile("/survey/([A-Za-z0-9_-]{8,64})");
    static final String LEAD = "lead";
    static final String MODERATOR = "moderator";
    static final String ADMIN = "partnership admin";
    static final String HIPS_ADMIN = "HIPS admin";
    private static final Set<String> STAFF = Set.of(MODERATOR, ADMIN, HIPS_ADMIN);
    private static final Set<String> ALL = Set.of(LEAD, MODERATOR, ADMIN, HIPS_ADMIN);
    static final Set<String> ROLES = ALL;

    @Inject
    PortalClock clock;

    @Inject
    Fixtures fixtures;

    /** One record set: its ids, and a signed-in session per role. */
    record Records(String label, Cycle cycle, Agency agency, long assessmentId, List<Question> questions, long actionId,
            Long fileId, int versions, String surveyToken, Map<String, WebSession> sessions, boolean surveyClosed,
            long panelId, Long agendaItemId, Long letterId, boolean letterIssued) {
    }

    /** A GET route, the roles that reach it, and whether it answers a page in the layout. */
    record Route(String path, Set<String> roles, boolean page) {
    }


    /** The survey closed (45 days ago): its results in figures, charts, free text and the CSV. */
    Records withSurveyClosed(Records r, String label) {
        fixtures.surveyWindow(r.cycle, clock.today().minusDays(90), clock.today().minusDays(45));
        return new Records(r.label + label, r.cycle, r.agency, r.assessmentId, r.questions, r.actionId, r.fileId,
                r.versions, r.surveyToken, r.sessions, true, r.panelId, r.agendaItemId, r.letterId, r.letterIssued);
    }

    /** The submission returned once more, so the lead's editable pages show every comment; the survey closed. */
    Records returnedAgainWithSurveyClosed(Records r) {
        WebSession moderator = r.sessions.get(MODERATOR);
        String base = "/assessments/" + r.assessmentId;
        moderator.get(base + "/return");
        moderator.post(base + "/return", returnComments("second return")).then().statusCode(303);
        return withSurveyClosed(r, " returned again, survey closed");
    }

    Records minimal() {
        Cycle cycle = fixtures.aCycle().withTool().create();
        Agency agency = fixtures.anAgency().inAreas(Area.ISLE_OF_WIGHT).create();
        User lead = fixtures.lead(agency);
        rename(lead, "A");
        Map<String, WebSession> sessions = sessions(lead, Area.ISLE_OF_WIGHT);
        WebSession session = sessions.get(LEAD);
        long id = openAssessment(session);
        String base = "/assessments/" + id;
        session.get(base + "/actions/new?standard=T1");
        session.post(base + "/actions", Map.of("standard", "T1", "action", "A")).then().statusCode(303);
        // a local panel with nothing on its agenda: the assessment was never submitted
        long panelId = planPanel(sessions.get(MODERATOR), "LOCAL", "Isle of Wight");
        return new Records("minimal", cycle, agency, id, fixtures.questions(cycle), actionIds(id).get(0), null, 0,
                surveyToken(session), sessions, false, panelId, null, null, false);
    }

    Records maximal() {
        Cycle cycle = fixtures.aCycle().withTool().create();
        Agency agency = fixtures.anAgency()
                .inAreas(Area.HAMPSHIRE, Area.ISLE_OF_WIGHT, Area.PORTSMOUTH, Area.SOUTHAMPTON).create();
        renameAgency(agency, "Maximal " + Fixtures.unique("agency") + " " + text(200).substring(0, 160));
        // a lead of two agencies, working for the first by name (this one): the header says so, with a long name
        Agency second = fixtures.anAgency().inAreas(Area.PORTSMOUTH).create();
        renameAgency(second, "Second " + Fixtures.unique("agency") + " " + text(200).substring(0, 160));
        User lead = fixtures.leadOf(agency, second);
        rename(lead, text(120));
        Map<String, WebSession> sessions = sessions(lead, Area.PORTSMOUTH);
        WebSession session = sessions.get(LEAD);
        session.get("/staff-survey");
        session.post("/staff-survey/headcount", Map.of("headcount", "500000")).then().statusCode(303);
        session.get("/staff-survey");
        session.post("/staff-survey/link", Map.of()).then().statusCode(303);
        long id = openAssessment(session);
        String base = "/assessments/" + id;
        List<Question> questions = fixtures.questions(cycle);

        // every question answered, texts near the limit; the second of each standard partly in place (a gap);
        // the very last not applicable with a reason
        for (String code : List.of("T1", "T2")) {
            Map<String, String> form = new LinkedHashMap<>();
            for (Question q : questions) {
                if (!q.standard.code.equals(code)) {
                    continue;
                }
                boolean last = q.code.equals("T2.Q2");
                boolean gap = q.code.endsWith(".Q2") && !last;
                form.put("q" + q.id + "-version", "");
                form.put("q" + q.id + "-rating", last ? "NA" : gap ? "PART" : "FULL");
                if (last) {
                    form.put("q" + q.id + "-naReason", text(9_990));
                } else {
                    form.put("q" + q.id + "-evidence", text(9_990));
                    form.put("q" + q.id + "-impact", text(9_990));
                }
            }
            session.get(base + "/standards/" + code);
            Response saved = session.post(base + "/standards/" + code, form);
            assertEquals(303, saved.statusCode());
            assertTrue(saved.header("Location").contains("saved=" + code), saved.header("Location"));
        }
        // a full SMART action for the gap, with every field near its limit, and a second one
        for (int i = 0; i < 2; i++) {
            session.get(base + "/actions/new?standard=T1");
            LocalDate start = clock.today().plusDays(1);
            LocalDate target = clock.today().plusMonths(6);
            session.post(base + "/actions", Map.ofEntries(Map.entry("standard", "T1"), Map.entry("question", "T1.Q2"),
                    Map.entry("gap", text(4_990)), Map.entry("action", text(4_990)), Map.entry("measure", text(4_990)),
                    Map.entry("lead", text(200)), Map.entry("resources", text(4_990)),
                    Map.entry("startDate-day", String.valueOf(start.getDayOfMonth())),
                    Map.entry("startDate-month", String.valueOf(start.getMonthValue())),
                    Map.entry("startDate-year", String.valueOf(start.getYear())),
                    Map.entry("targetDate-day", String.valueOf(target.getDayOfMonth())),
                    Map.entry("targetDate-month", String.valueOf(target.getMonthValue())),
                    Map.entry("targetDate-year", String.valueOf(target.getYear())),
                    Map.entry("status", i == 0 ? "ON_TRACK" : "NOT_STARTED"))).then().statusCode(303);
        }
        // files, one with a long name
        Question first = questions.get(0);
        upload(session, base, first, "minutes.txt");
        upload(session, base, first, "a-very-long-file-name-" + "x".repeat(180) + ".txt");
        // a deadline extension
        fixtures.extend(agency, cycle, clock.today().plusDays(40), fixtures.admin(Area.PORTSMOUTH));

        // submitted, returned with a comment on every standard, changed, resubmitted
        submit(session, base);
        WebSession moderator = sessions.get(MODERATOR);
        moderator.get(base + "/return");
        moderator.post(base + "/return", returnComments("first return")).then().statusCode(303);
        session.get(base + "/standards/T1");
        session.post(base + "/standards/T1", Map.of("q" + first.id + "-version", String.valueOf(answerVersion(id, first)),
                "q" + first.id + "-rating", "FULL", "q" + first.id + "-evidence", "Changed after the return: " + text(9_000),
                "q" + first.id + "-impact", text(9_990))).then().statusCode(303);
        submit(session, base);

        // carried forward from last cycle (as carry-forward marks them), then staff survey answers with free text
        markCarriedForward(id);
        fixtures.surveyResponses(12).forAgency(agency).inCycle(cycle).areas("PORTSMOUTH").freeText(text(1_000)).create();
        fixtures.surveyResponses(6).forAgency(agency).inCycle(cycle).roleBand("MANAGER").areas("HAMPSHIRE").create();

        // on a joint panel's agenda, with the panel's view of T1 written at every field's limit, with every theme
        long panelId = planPanel(moderator, "JOINT", null);
        Matcher item = Pattern.compile("/panels/" + panelId + "/items/(\\d+)").matcher(moderator.get("/panels/" + panelId).asString());
        assertTrue(item.find(), "the resubmitted assessment is on the agenda");
        long itemId = Long.parseLong(item.group(1));
        String itemPath = "/panels/" + panelId + "/items/" + itemId;
        Map<String, String> finding = new LinkedHashMap<>(Map.of("T1-version", "", "T1-agrees", "no", "T1-panelRating", "PART",
                "T1-ratingReason", text(4_990), "T1-strengths", text(4_990), "T1-areasForDevelopment", text(4_990),
                "T1-privateNotes", text(4_990)));
        Matcher theme = Pattern.compile("name=\"(T1-theme-\\d+)\"").matcher(moderator.get(itemPath).asString());
        while (theme.find()) {
            finding.put(theme.group(1), "yes");
        }
        assertTrue(finding.size() > 8, "the finding's form offers themes");
        moderator.post(itemPath + "/findings/T1", finding).then().statusCode(303);

        List<Long> actions = actionIds(id);
        return new Records("maximal", cycle, agency, id, questions, actions.get(0), fileIds(id).get(0), 2,
                surveyToken(session), sessions, false, panelId, itemId, null, false);
    }

    /**
     * A third record set: a joint agency's submission accepted by a panel with a required action, and its feedback
     * letter drafted from the panel's record.
     */
    Records lettered() {
        Cycle cycle = fixtures.aCycle().withTool().create();
        Agency agency = fixtures.anAgency().inAreas(Area.HAMPSHIRE, Area.PORTSMOUTH).create();
        Assessment assessment = fixtures.anAssessment().forAgency(agency).inCycle(cycle).inProgress().create();
        fixtures.answerAllFully(assessment, cycle);
        Map<String, WebSession> sessions = sessions(fixtures.lead(agency), Area.PORTSMOUTH);
        PageCost.submit(sessions.get(LEAD), assessment);
        WebSession moderator = sessions.get(MODERATOR);
        long panelId = planPanel(moderator, "JOINT", null);
        Matcher item = Pattern.compile("/panels/" + panelId + "/items/(\\d+)").matcher(moderator.get("/panels/" + panelId).asString());
        assertTrue(item.find(), "the submission is on the agenda");
        long itemId = Long.parseLong(item.group(1));
        String itemPath = "/panels/" + panelId + "/items/" + itemId;
        moderator.get(itemPath);
        moderator.post(itemPath + "/findings/T1", Map.of("T1-version", "", "T1-agrees", "yes", "T1-strengths", text(2_000),
                "T1-areasForDevelopment", text(2_000))).then().statusCode(303);
        LocalDate due = clock.today().plusMonths(2);
        moderator.post(itemPath + "/outcome", Map.of("outcome", "ACCEPTED_WITH_ACTIONS", "seen", "", "action1-standard", "T2",
                "action1-description", text(400), "action1-due-day", String.valueOf(due.getDayOfMonth()),
                "action1-due-month", String.valueOf(due.getMonthValue()), "action1-due-year", String.valueOf(due.getYear())))
                .then().statusCode(303);
        moderator.post("/panels/" + panelId + "/letters", Map.of()).then().statusCode(303);
        Matcher letter = Pattern.compile("href=\"/letters/(\\d+)\"").matcher(moderator.get("/panels/" + panelId).asString());
        assertTrue(letter.find(), "the panel page links to the draft letter");
        return new Records("lettered, draft", cycle, agency, assessment.id, fixtures.questions(cycle),
                actionIds(assessment.id).get(0), null, 1, null, sessions, false, panelId, itemId,
                Long.parseLong(letter.group(1)), false);
    }

    /** The record's draft letter issued: the agency's lead can download it. */
    Records withLetterIssued(Records r) {
        WebSession moderator = r.sessions.get(MODERATOR);
        moderator.get("/letters/" + r.letterId);
        moderator.post("/letters/" + r.letterId + "/issue", Map.of()).then().statusCode(303);
        return new Records("lettered, issued", r.cycle, r.agency, r.assessmentId, r.questions, r.actionId, r.fileId,
                r.versions, r.surveyToken, r.sessions, r.surveyClosed, r.panelId, r.agendaItemId, r.letterId, true);
    }

    /**
     * The HIPS admin closes the record set's cycle: every page of it then reads "This cycle closed on ..." without its
     * forms (the draft letter, the panel's findings, the self-assessment, year 2).
     */
    Records withCycleClosed(Records r) {
        WebSession admin = r.sessions.get(HIPS_ADMIN);
        admin.get("/admin/cycles/" + r.cycle.id + "/close").then().statusCode(200);
        admin.post("/admin/cycles/" + r.cycle.id + "/close", Map.of()).then().statusCode(303);
        fixtures.aCycle().withTool().create(); // the next cycle is live, as in real life (the survey pages need one)
        return new Records(r.label + ", cycle closed", r.cycle, r.agency, r.assessmentId, r.questions, r.actionId, r.fileId,
                r.versions, r.surveyToken, r.sessions, r.surveyClosed, r.panelId, r.agendaItemId, r.letterId, r.letterIssued);
    }

    /**
     * Year 2 of the record set: its lead confirms the agreed plan, posts updates with texts at their limits (complete
     * with evidence and a file whose name is at its limit, no longer needed with a reason), a checkpoint is set and
     * answered, a moderator asks for more and records the conclusion.
     */
    Records inYearTwo(Records r) {
        WebSession lead = r.sessions.get(LEAD);
        WebSession moderator = r.sessions.get(MODERATOR);
        String year2 = "/assessments/" + r.assessmentId + "/year-2";
        long checkpointId = addCheckpoint(r.cycle);
        lead.get(year2);
        lead.post(year2 + "/agree", Map.of()).then().statusCode(303);
        for (long actionId : actionIds(r.assessmentId)) {
            lead.get(year2 + "/actions/" + actionId);
            lead.post(year2 + "/actions/" + actionId, Map.of("status", "ON_TRACK", "done", text(5_000))).then().statusCode(303);
            org.s11portal.monitoring.YearTwoData.postWithFiles(lead, year2 + "/actions/" + actionId, Map.of("status", "COMPLETE",
                    "done", text(5_000), "childrenChange", text(5_000), "evidence", text(5_000)),
                    Map.of("x".repeat(196) + ".txt", "Evidence of impact\n".getBytes(StandardCharsets.UTF_8))).then().statusCode(303);
        }
        lead.get(year2 + "/checkpoints/" + checkpointId);
        lead.post(year2 + "/checkpoints/" + checkpointId, Map.of("summary", text(5_000))).then().statusCode(303);
        String agency = "/monitoring/assessments/" + r.assessmentId;
        moderator.get(agency);
        moderator.post(agency + "/requests", Map.of("request", text(5_000))).then().statusCode(303);
        moderator.post(agency + "/conclusion", Map.of("conclusion", text(5_000))).then().statusCode(303);
        return new Records("year 2", r.cycle, r.agency, r.assessmentId, r.questions, r.actionId, r.fileId,
                r.versions, r.surveyToken, r.sessions, r.surveyClosed, r.panelId, r.agendaItemId, r.letterId, r.letterIssued);
    }

    /** Year 2's routes: the monitoring pages always; the lead's and an agency's pages once the letter is issued. */
    private List<Route> yearTwoRoutes(Records r) {
        String base = "/assessments/" + r.assessmentId;
        List<Route> routes = new ArrayList<>();
        routes.add(new Route("/monitoring", Set.of(MODERATOR), true));
        routes.add(new Route("/monitoring?cycle=" + r.cycle.id + "&area=PORTSMOUTH&filter=overdue", Set.of(MODERATOR), true));
        routes.add(new Route("/monitoring/rows.csv?cycle=" + r.cycle.id, Set.of(MODERATOR), false));
        routes.add(new Route("/api/v1/monitoring?cycle=" + r.cycle.id, Set.of(MODERATOR), false));
        routes.add(new Route(base + "/carry-actions", Set.of(LEAD), true));
        if (!inYearTwo(r.assessmentId)) {
            return routes;
        }
        String year2 = base + "/year-2";
        routes.add(new Route(year2, Set.of(LEAD), true));
        routes.add(new Route(year2 + "?done=update", Set.of(LEAD), true));
        routes.add(new Route(year2 + "/actions/" + r.actionId, Set.of(LEAD), true));
        for (long checkpointId : checkpointIds(r.cycle)) {
            routes.add(new Route(year2 + "/checkpoints/" + checkpointId, Set.of(LEAD), true));
        }
        routes.add(new Route("/monitoring/assessments/" + r.assessmentId, Set.of(MODERATOR), true));
        routes.add(new Route("/monitoring/assessments/" + r.assessmentId + "?done=asked", Set.of(MODERATOR), true));
        routes.add(new Route("/api/v1/monitoring/assessments/" + r.assessmentId + "/actions", Set.of(LEAD, MODERATOR), false));
        for (long fileId : progressFileIds(r.assessmentId)) {
            routes.add(new Route(year2 + "/files/" + fileId, Set.of(LEAD, MODERATOR), false));
        }
        return routes;
    }

    @Transactional
    boolean inYearTwo(long assessmentId) {
        return org.s11portal.monitoring.MonitoringService.YEAR_TWO.contains(Assessment.<Assessment>findById(assessmentId).state);
    }

    @Transactional
    List<Long> progressFileIds(long assessmentId) {
        return org.s11portal.monitoring.ProgressUpdateFile.<org.s11portal.monitoring.ProgressUpdateFile>list(
                "update.action.assessment.id = ?1 order by id", assessmentId).stream().map(f -> f.id).toList();
    }

    @Transactional
    List<Long> checkpointIds(Cycle cycle) {
        return org.s11portal.monitoring.Checkpoint.forCycle(Cycle.findById(cycle.id)).stream().map(c -> c.id).toList();
    }

    @Transactional
    long addCheckpoint(Cycle cycle) {
        return org.s11portal.monitoring.Checkpoint.add(Cycle.findById(cycle.id), text(200), clock.today().plusDays(30)).id;
    }

    /** Every GET route of the service, with who reaches it, for this record set. */
    List<Route> routes(Records r) {
        String base = "/assessments/" + r.assessmentId;
        List<Route> routes = new ArrayList<>();
        routes.add(new Route("/", ALL, true));
        routes.add(new Route("/accessibility", ALL, true));
        routes.add(new Route("/sign-in", ALL, true));
        routes.add(new Route("/home", ALL, true));
        routes.add(new Route("/home?area=PORTSMOUTH", ALL, true)); // a lead's home has no filter: the same page
        routes.add(new Route("/agencies/" + r.agency.id, ALL, true));
        routes.add(new Route("/agencies/" + r.agency.id + "?extended=true", ALL, true));
        routes.add(new Route(base, ALL, true));
        routes.add(new Route(base + "?saved=T1", ALL, true));
        routes.add(new Route(base + "?carried=3", ALL, true));
        for (String code : List.of("T1", "T2")) {
            routes.add(new Route(base + "/standards/" + code, ALL, true));
        }
        for (Question q : r.questions) {
            routes.add(new Route(base + "/questions/" + q.id + "/history", ALL, true));
            routes.add(new Route(base + "/questions/" + q.id + "/files", ALL, true));
        }
        routes.add(new Route(base + "/check", ALL, true));
        routes.add(new Route(base + "/view", ALL, true));
        routes.add(new Route(base + "/view?returned=1", ALL, true));
        routes.add(new Route(base + "/actions", ALL, true));
        routes.add(new Route(base + "/actions?saved=" + r.actionId, ALL, true));
        routes.add(new Route(base + "/actions/new", Set.of(LEAD), true));
        routes.add(new Route(base + "/actions/new?standard=T1", Set.of(LEAD), true));
        routes.add(new Route(base + "/actions/" + r.actionId, ALL, true));
        routes.add(new Route(base + "/return", Set.of(MODERATOR), true));
        routes.add(new Route("/staff-survey", Set.of(LEAD), true));
        routes.add(new Route("/staff-survey?done=headcount", Set.of(LEAD), true));
        routes.add(new Route("/survey-take-up", STAFF, true));
        routes.add(new Route("/survey-results", ALL, true));
        routes.add(new Route("/survey-results?agency=" + r.agency.id, ALL, true)); // the lead's own agency
        routes.add(new Route("/survey-results?cycle=" + r.cycle.id, ALL, true));
        routes.add(new Route("/api/v1" + base, ALL, false));
        routes.add(new Route("/panels", Set.of(MODERATOR), true));
        routes.add(new Route("/panels/new", Set.of(MODERATOR), true));
        routes.add(new Route("/panels/" + r.panelId, Set.of(MODERATOR), true));
        routes.add(new Route("/panels/" + r.panelId + "?planned=1", Set.of(MODERATOR), true));
        routes.add(new Route("/api/v1/panels", Set.of(MODERATOR), false));
        routes.add(new Route("/api/v1/panels/" + r.panelId + "/agenda", Set.of(MODERATOR), false));
        routes.add(new Route("/api/v1/panels/" + r.panelId + "/outcomes", Set.of(MODERATOR), false));
        routes.add(new Route("/feedback-letter", Set.of(LEAD), true));
        routes.add(new Route("/account/agency", Set.of(LEAD), true));
        routes.add(new Route("/emails", Set.of(ADMIN, HIPS_ADMIN), true));
        routes.add(new Route("/sign-in/forgotten", ALL, true));
        routes.add(new Route("/sign-in/forgotten/sent", ALL, true));
        routes.add(new Route("/admin/users", Set.of(ADMIN, HIPS_ADMIN), true));
        routes.add(new Route("/admin/users?role=AGENCY_LEAD&status=active&page=2", Set.of(ADMIN, HIPS_ADMIN), true));
        routes.add(new Route("/admin/users/new", Set.of(ADMIN, HIPS_ADMIN), true));
        long leadId = QuarkusTransaction.requiringNew().call(() -> User.<User>find(
                "select u from User u join u.agencies a where a.id = ?1 order by u.id", r.agency.id).firstResult().id);
        routes.add(new Route("/admin/users/" + leadId, Set.of(ADMIN, HIPS_ADMIN), true));
        routes.add(new Route("/admin/users/" + leadId + "?done=invited", Set.of(ADMIN, HIPS_ADMIN), true));
        routes.add(new Route("/admin/users/" + leadId + "?done=agency-added", Set.of(ADMIN, HIPS_ADMIN), true));
        for (String action : List.of("deactivate", "reactivate", "resend-invitation", "send-password-reset")) {
            routes.add(new Route("/admin/users/" + leadId + "/" + action, Set.of(ADMIN, HIPS_ADMIN), true));
        }
        String agencyAdmin = "/admin/agencies/" + r.agency.id;
        for (String page : List.of("/admin/agencies", "/admin/agencies?status=all", "/admin/agencies/new",
                "/admin/agencies/import", "/admin/agencies/import/done?count=3", agencyAdmin, agencyAdmin + "?done=changed",
                agencyAdmin + "/edit", agencyAdmin + "/archive", agencyAdmin + "/delete")) {
            routes.add(new Route(page, Set.of(ADMIN, HIPS_ADMIN), true));
        }
        routes.add(new Route("/admin/agencies/import/template.csv", Set.of(ADMIN, HIPS_ADMIN), false));
        long toolId = QuarkusTransaction.requiringNew().call(() -> Cycle.<Cycle>findById(r.cycle().id).tool.id);
        String tool = "/admin/tools/" + toolId;
        for (String page : List.of("/admin/tools", tool, tool + "/preview/" + r.questions().get(0).code.split("\\.")[0])) {
            routes.add(new Route(page, Set.of(ADMIN, HIPS_ADMIN), true));
        }
        for (String file : List.of("/export.json", "/export.yaml")) {
            routes.add(new Route(tool + file, Set.of(ADMIN, HIPS_ADMIN), false));
        }
        routes.add(new Route("/admin/tools/new", Set.of(HIPS_ADMIN), true));
        routes.add(new Route("/admin/tools/import", Set.of(HIPS_ADMIN), true));
        for (String page : List.of("/admin/letter-templates", "/admin/letter-templates/JOINT", "/admin/themes")) {
            routes.add(new Route(page, Set.of(ADMIN, HIPS_ADMIN), true));
        }
        routes.add(new Route("/admin/letter-templates/JOINT/edit", Set.of(HIPS_ADMIN), true));
        routes.add(new Route("/admin/audit-log", Set.of(ADMIN, HIPS_ADMIN), true));
        routes.add(new Route("/account/two-step", ALL, true));
        String cycle = "/admin/cycles/" + r.cycle.id;
        routes.add(new Route("/admin/cycles", Set.of(ADMIN, HIPS_ADMIN), true));
        routes.add(new Route("/admin/cycles/new", Set.of(HIPS_ADMIN), true));
        routes.add(new Route(cycle, Set.of(ADMIN, HIPS_ADMIN), true));
        routes.add(new Route(cycle + "?done=opened", Set.of(ADMIN, HIPS_ADMIN), true));
        for (String change : List.of("/extend", "/close", "/participants", "/checkpoints/new")) {
            routes.add(new Route(cycle + change, Set.of(HIPS_ADMIN), true));
        }
        for (OutboxMessage email : OutboxRows.aboutAgency(r.agency.id)) {
            routes.add(new Route("/emails/" + email.id, Set.of(ADMIN, HIPS_ADMIN), true));
            // the HTML part alone, shown in the email's page: not a page of the layout
            routes.add(new Route("/emails/" + email.id + "/html", Set.of(ADMIN, HIPS_ADMIN), false));
        }
        if (r.letterId != null) {
            String letter = "/letters/" + r.letterId;
            routes.add(new Route(letter, Set.of(MODERATOR), true));
            routes.add(new Route(letter + "/preview", Set.of(MODERATOR), true));
            routes.add(new Route(base + "/letters", Set.of(MODERATOR), true));
            routes.add(new Route("/api/v1" + base + "/letters", Set.of(LEAD, MODERATOR), false)); // the lead: issued ones only
            if (r.letterIssued) {
                routes.add(new Route(letter + "/pdf", Set.of(LEAD, MODERATOR), false));
                routes.add(new Route(letter + "/reissue", Set.of(MODERATOR), true));
                routes.add(new Route("/api/v1" + letter, Set.of(LEAD, MODERATOR), false));
                routes.add(new Route("/api/v1" + letter + "/pdf", Set.of(LEAD, MODERATOR), false));
            } else {
                // the API serves issued letters only
                routes.add(new Route(letter + "/preview.pdf", Set.of(MODERATOR), false));
            }
        }
        if (r.agendaItemId != null) {
            String item = "/panels/" + r.panelId + "/items/" + r.agendaItemId;
            routes.add(new Route(item, Set.of(MODERATOR), true));
            routes.add(new Route(item + "?saved=T1", Set.of(MODERATOR), true));
            routes.add(new Route(item + "?recorded=1", Set.of(MODERATOR), true));
        }
        if (r.surveyToken != null) {
            // the poster and QR code exist once the agency has a survey link
            // the poster is a print page with its own minimal layout (no header, no <main>)
            routes.add(new Route("/staff-survey/poster", Set.of(LEAD), false));
            routes.add(new Route("/staff-survey/qr.svg", Set.of(LEAD), false));
            routes.add(new Route("/survey/" + r.surveyToken, ALL, true));
            routes.add(new Route("/survey/" + r.surveyToken + "/thanks", ALL, true));
        }
        if (r.versions >= 1) {
            // the confirmation page exists once something has been submitted
            routes.add(new Route(base + "/submitted", ALL, true));
            routes.add(new Route(base + "/view?version=1", ALL, true));
        }
        if (r.versions >= 2) {
            routes.add(new Route(base + "/changes?version=2", ALL, true));
        }
        if (r.surveyClosed) {
            // the results in figures exist once the survey has closed (before, the CSV is a 404)
            routes.add(new Route("/survey-results/results.csv", ALL, false));
            routes.add(new Route("/survey-results/results.csv?agency=" + r.agency.id, ALL, false));
        }
        if (r.fileId != null) {
            routes.add(new Route(base + "/files/" + r.fileId, ALL, false));
        }
        routes.addAll(yearTwoRoutes(r));
        return routes;
    }

    Map<String, WebSession> sessions(User lead, Area area) {
        Map<String, WebSession> sessions = new LinkedHashMap<>();
        sessions.put(LEAD, WebSession.signedIn(lead.email));
        sessions.put(MODERATOR, WebSession.signedIn(fixtures.moderator(area).email));
        sessions.put(ADMIN, WebSession.signedIn(fixtures.admin(area).email));
        sessions.put(HIPS_ADMIN, WebSession.signedIn(fixtures.admin(null).email));
        return sessions;
    }

    /** "Plan a panel day" a fortnight ahead, with a moderator of this partnership (any, when null); answers the panel's id. */
    private long planPanel(WebSession moderator, String kind, String partnership) {
        Matcher member = Pattern.compile("name=\"members\" type=\"checkbox\" value=\"(\\d+)\"[^>]*>\\s*<label[^>]*>[^<]*\\("
                + (partnership == null ? "" : Pattern.quote(partnership) + "\\)")).matcher(moderator.get("/panels/new").asString());
        assertTrue(member.find(), "the plan form offers a moderator of " + partnership);
        LocalDate heldOn = clock.today().plusDays(14);
        Response planned = moderator.post("/panels/new", Map.of("heldOn-day", String.valueOf(heldOn.getDayOfMonth()),
                "heldOn-month", String.valueOf(heldOn.getMonthValue()), "heldOn-year", String.valueOf(heldOn.getYear()),
                "kind", kind, "members", member.group(1)));
        assertEquals(303, planned.statusCode(), () -> problems(planned.asString()));
        Matcher m = Pattern.compile("/panels/(\\d+)").matcher(planned.header("Location"));
        assertTrue(m.find(), planned.header("Location"));
        return Long.parseLong(m.group(1));
    }

    /** "Start your self-assessment", as the lead's home page does. */
    private static long openAssessment(WebSession lead) {
        lead.get("/home");
        Response opened = lead.post("/self-assessment", Map.of());
        assertEquals(303, opened.statusCode());
        Matcher m = Pattern.compile("/assessments/(\\d+)").matcher(opened.header("Location"));
        assertTrue(m.find(), opened.header("Location"));
        return Long.parseLong(m.group(1));
    }

    private static String surveyToken(WebSession lead) {
        Matcher m = SURVEY_TOKEN.matcher(lead.get("/staff-survey").asString());
        return m.find() ? m.group(1) : null;
    }

    private static void submit(WebSession lead, String base) {
        lead.get(base + "/check");
        Response submitted = lead.post(base + "/submit", Map.of("declaredByName", text(120), "declaredRole", text(120),
                "confirm", "yes"));
        assertEquals(303, submitted.statusCode(), () -> problems(submitted.asString()));
    }

    /** The error summary's messages, to say why a step of the set-up was refused. */
    private static String problems(String page) {
        Matcher m = Pattern.compile("<a[^>]*href=\"[^\"]*\"[^>]*>([^<]+)</a>").matcher(
                page.contains("govuk-error-summary") ? page.substring(page.indexOf("govuk-error-summary")) : "");
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        return String.join("; ", found.subList(0, Math.min(8, found.size())));
    }

    private static Map<String, String> returnComments(String what) {
        return Map.of("comment-overall", what + ": " + text(4_900), "comment-T1", text(4_990), "comment-T2", text(4_990));
    }

    private static void upload(WebSession session, String base, Question question, String name) {
        String path = base + "/questions/" + question.id + "/files";
        session.get(path);
        Response response = session.request().multiPart("csrf-token", session.cookie("csrf-token"))
                .multiPart("file", name, ("Minutes: " + text(2_000)).getBytes(StandardCharsets.UTF_8), "text/plain").post(path);
        assertEquals(303, response.statusCode(), "upload " + name);
    }

    /** Text of this length with line breaks, markup-like and non-ASCII characters, as people paste it. */
    static String text(int length) {
        String piece = "Staff <b>& managers</b> said \"it's fine\" — café training, 100% attendance.\nNext line. ";
        StringBuilder text = new StringBuilder();
        while (text.length() < length) {
            text.append(piece);
        }
        return text.substring(0, length).strip();
    }

    @Transactional
    void rename(User user, String name) {
        User.<User>findById(user.id).displayName = name;
    }

    @Transactional
    void renameAgency(Agency agency, String name) {
        Agency.<Agency>findById(agency.id).name = name;
    }

    @Transactional
    List<Long> actionIds(long assessmentId) {
        return ActionItem.<ActionItem>list("assessment.id = ?1 order by id", assessmentId).stream().map(a -> a.id).toList();
    }

    @Transactional
    List<Long> fileIds(long assessmentId) {
        return EvidenceFile.<EvidenceFile>list("answer.assessment.id = ?1 order by id", assessmentId).stream()
                .map(f -> f.id).toList();
    }

    @Transactional
    int answerVersion(long assessmentId, Question q) {
        return Answer.<Answer>find("assessment.id = ?1 and question.id = ?2", assessmentId, q.id).singleResult().version;
    }

    /** What "Start from last cycle's answers" leaves: answers and actions marked carried forward, to review. */
    @Transactional
    void markCarriedForward(long assessmentId) {
        Answer.<Answer>list("assessment.id = ?1 and question.code = ?2", assessmentId, "T2.Q1").forEach(a -> a.carriedForward = true);
        ActionItem.<ActionItem>list("assessment.id = ?1 order by id desc", assessmentId).stream().findFirst()
                .ifPresent(a -> a.carriedForward = true);
    }
}
