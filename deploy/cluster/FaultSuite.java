import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The fault suite of `make cluster-test` (docs/reliability.md): seven scenarios against the cluster that
 * deploy/cluster/cluster.sh runs (three Galera nodes and two portal instances behind HAProxy), then the throughput of
 * one instance on one MariaDB against two on the cluster. Writes target/cluster/report.json and the table between the
 * markers in docs/reliability.md; exits 1 when a scenario fails.
 * Run from the repository root with the JDK's single-file launcher: java deploy/cluster/FaultSuite.java [--only 1,4,7]
 * [--no-throughput]. Load is bounded (a dozen clients) and on loopback only.
 */
public class FaultSuite {

    static final Path STATE = Path.of(".local/cluster");
    static final String FRONT = "http://127.0.0.1:8090";
    static final String[] INSTANCE = { null, "http://127.0.0.1:8091", "http://127.0.0.1:8092" };
    static final String SINGLE = "http://127.0.0.1:8093";
    static String[] health = new String[3];
    static String singleHealth;
    static final String PASSWORD = "Demo-Portal-2026!";
    static final String LEAD = "lead.solent-wessex-police-service@demo.s11portal.example";
    static final String OTHER_LEAD = "lead.island-youth-trust@demo.s11portal.example";
    static final String OTHER_AGENCY = "Island Youth Trust";
    /** base64url of 16 bytes, the shape quarkus-rest-csrf expects of the survey form's double-submit token */
    static final String SURVEY_CSRF = "ZmF1bHQtc3VpdGUtY3NyZg";
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final int CLIENTS = 12;
    /** Survey answers per second at most in scenarios 2 and 3: a few thousand in all, enough to keep both instances busy. */
    static final int BOUNDED_RATE = 80;
    /** The survey link cache's documented bound (SurveyLinkCache.TTL_SECONDS), and the margin for polling. */
    static final int LINK_CACHE_SECONDS = 30;
    static final int POLL_MARGIN_SECONDS = 3;
    static final String UNAVAILABLE_PAGE = "Sorry, the service is unavailable";
    static final String NOT_SAVED_PAGE = "Sorry, your answers were not saved";
    static final String CONFLICT_PAGE = "Someone else changed these answers while you were editing";

    static String nonceKey;
    static final long started = System.nanoTime();

    record Result(int number, String name, boolean passed, Map<String, Object> figures, List<String> notes) {
    }

    public static void main(String[] args) throws Exception {
        Set<String> only = null;
        boolean throughput = true;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--only")) {
                only = Set.of(args[++i].split(","));
            } else if (args[i].equals("--no-throughput")) {
                throughput = false;
            }
        }
        Map<String, String> secrets = readEnv(STATE.resolve("secrets.env"));
        nonceKey = secrets.get("S11_SURVEY_NONCE_KEY");
        if (nonceKey == null) {
            throw new IllegalStateException("no .local/cluster/secrets.env: start the cluster first (make cluster)");
        }
        boolean management = Files.readString(Path.of("src/main/resources/application.properties"))
                .contains("\nquarkus.management.enabled=true");
        health[1] = (management ? "http://127.0.0.1:9091" : INSTANCE[1]) + "/q/health/ready";
        health[2] = (management ? "http://127.0.0.1:9092" : INSTANCE[2]) + "/q/health/ready";
        singleHealth = (management ? "http://127.0.0.1:9093" : SINGLE) + "/q/health/ready";

        List<Result> results = new ArrayList<>();
        Instant windowStart = Instant.now();
        Map<Integer, Supplier<Result>> early = new TreeMap<>();
        early.put(1, FaultSuite::sessionsAcrossInstances);
        early.put(4, FaultSuite::assessmentConflict);
        early.put(7, FaultSuite::linkCacheBound);
        for (var e : early.entrySet()) {
            if (only == null || only.contains(String.valueOf(e.getKey()))) {
                results.add(runScenario(e.getKey(), e.getValue()));
            }
        }
        if (only == null || only.contains("6")) {
            results.add(runScenario(6, () -> scheduledJobsOnce(windowStart)));
        }
        Map<Integer, Supplier<Result>> destructive = new TreeMap<>();
        destructive.put(2, FaultSuite::portalKilledUnderLoad);
        destructive.put(5, FaultSuite::databaseDown);
        destructive.put(3, FaultSuite::nodeKilledUnderLoad);
        for (int n : List.of(2, 5, 3)) {
            if (only == null || only.contains(String.valueOf(n))) {
                results.add(runScenario(n, destructive.get(n)));
            }
        }
        results.sort((a, b) -> Integer.compare(a.number(), b.number()));
        Map<String, Object> figures = throughput ? throughput() : null;
        writeReport(results, figures);
        boolean allPassed = results.stream().allMatch(Result::passed);
        log("%d of %d scenarios passed; report in target/cluster/report.json and docs/reliability.md",
                results.stream().filter(Result::passed).count(), results.size());
        System.exit(allPassed ? 0 : 1);
    }

    static Result runScenario(int number, Supplier<Result> scenario) {
        log("scenario %d: starting", number);
        Result result;
        try {
            result = scenario.get();
        } catch (RuntimeException e) {
            e.printStackTrace();
            result = new Result(number, "scenario " + number, false, Map.of(), List.of("aborted: " + e));
        }
        log("scenario %d (%s): %s %s %s", number, result.name(), result.passed() ? "PASSED" : "FAILED", result.figures(), result.notes());
        return result;
    }

    // ------------------------------------------------------------------------------------------------ scenario 1

    /** Signed in through one instance, the next request through the other keeps the session; CSRF works on either. */
    static Result sessionsAcrossInstances() {
        List<String> notes = new ArrayList<>();
        Map<String, Object> figures = new LinkedHashMap<>();
        boolean ok = true;
        Browser b = new Browser();
        Resp signIn = b.signIn(INSTANCE[1], LEAD);
        ok &= check(notes, signIn.status() == 303 && signIn.location().endsWith("/home"), "sign-in through instance 1 answered %d %s", signIn.status(), signIn.location());
        Resp home2 = b.get(INSTANCE[2] + "/home");
        ok &= check(notes, home2.status() == 200 && home2.body().contains("Sign out"), "the next page through instance 2 is signed in (%d)", home2.status());
        Resp page1 = b.get(INSTANCE[1] + "/staff-survey");
        String csrf = field(page1.body(), "csrf-token");
        String headcount = field(page1.body(), "headcount");
        Resp post2 = b.post(INSTANCE[2] + "/staff-survey/headcount", form("csrf-token", csrf, "headcount", headcount));
        ok &= check(notes, post2.status() == 303 && post2.location().contains("done=headcount"),
                "a form from instance 1 sent to instance 2 was accepted (%d %s)", post2.status(), post2.location());
        Resp page2 = b.get(INSTANCE[2] + "/staff-survey");
        Resp post1 = b.post(INSTANCE[1] + "/staff-survey/headcount", form("csrf-token", field(page2.body(), "csrf-token"), "headcount", headcount));
        ok &= check(notes, post1.status() == 303, "a form from instance 2 sent to instance 1 was accepted (%d)", post1.status());
        Resp forged = b.post(INSTANCE[2] + "/staff-survey/headcount", form("csrf-token", "AAAAAAAAAAAAAAAAAAAAAA", "headcount", headcount));
        ok &= check(notes, forged.status() >= 400 && forged.status() < 500, "a wrong CSRF token is still refused (%d)", forged.status());
        Map<String, Integer> servedBy = new TreeMap<>();
        int signedIn = 0;
        for (int i = 0; i < 10; i++) {
            Resp r = b.get(FRONT + "/home");
            servedBy.merge(r.instance(), 1, Integer::sum);
            signedIn += r.status() == 200 && r.body().contains("Sign out") ? 1 : 0;
        }
        figures.put("pages_through_haproxy_by_instance", servedBy);
        ok &= check(notes, signedIn == 10 && servedBy.size() == 2, "10 pages through HAProxy, both instances, all signed in (%d signed in, %s)", signedIn, servedBy);
        Resp signOutPage = b.get(INSTANCE[1] + "/home");
        Resp signOut = b.post(INSTANCE[2] + "/sign-out", form("csrf-token", field(signOutPage.body(), "csrf-token")));
        Resp after = b.get(INSTANCE[1] + "/home");
        ok &= check(notes, signOut.status() == 303 && after.status() != 200,
                "signed out through instance 2, instance 1 no longer knows the session (%d then %d %s)", signOut.status(), after.status(), after.location());
        return new Result(1, "Sessions and CSRF across instances", ok, figures, notes);
    }

    // ------------------------------------------------------------------------------------------------ scenario 2

    /** Survey answers under load while one portal instance is killed with kill -9 and started again. */
    static Result portalKilledUnderLoad() {
        List<String> notes = new ArrayList<>();
        Map<String, Object> figures = new LinkedHashMap<>();
        Agency agency = agency("Solent & Wessex Police Service");
        long before = countResponses(agency.id, 0);
        SurveyLoad load = new SurveyLoad(FRONT, agency.token, BOUNDED_RATE);
        load.start(CLIENTS);
        sleep(5_000);
        long killedAt = System.nanoTime();
        cluster("kill-portal", "2");
        sleep(3_000);
        cluster("start-portal", "2");
        double downSeconds = (System.nanoTime() - killedAt) / 1e9;
        load.markLate();
        sleep(8_000);
        load.stopAndWait();
        long stored = countResponses(agency.id, 0) - before;
        figures.putAll(load.figures());
        figures.put("stored", stored);
        figures.put("instance_2_down_seconds", round(downSeconds));
        boolean ok = check(notes, stored == load.acknowledged.get(), "stored %d = acknowledged %d", stored, load.acknowledged.get());
        ok &= check(notes, load.gaveUp.get() == 0, "no answer given up after retries (%d)", load.gaveUp.get());
        ok &= check(notes, load.acknowledged.get() > 100, "load reached the portal (%d answers)", load.acknowledged.get());
        ok &= check(notes, load.servedAfterRestart().size() == 2, "both instances answered after the restart (%s)", load.servedAfterRestart());
        return new Result(2, "Survey under load, one portal killed (kill -9)", ok, figures, notes);
    }

    // ------------------------------------------------------------------------------------------------ scenario 3

    /** The same load while the Galera node in use is killed and started again, with a writer on another node. */
    static Result nodeKilledUnderLoad() {
        List<String> notes = new ArrayList<>();
        Map<String, Object> figures = new LinkedHashMap<>();
        Agency agency = agency("Wessex Community Health NHS Trust");
        int active = activeNode();
        int next = active == 1 ? 2 : 1;
        int conflictNode = 6 - active - next;
        figures.put("killed_node", active);
        figures.put("conflict_writer_node", conflictNode);
        long before = countResponses(agency.id, conflictNode);
        Map<String, Long> statusBefore = wsrepCounters(next);
        SurveyLoad load = new SurveyLoad(FRONT, agency.token, BOUNDED_RATE);
        load.start(CLIENTS);
        sleep(3_000);
        ConflictWriter conflicts = new ConflictWriter(conflictNode, agency.id);
        conflicts.start();
        sleep(4_000);
        cluster("kill-node", String.valueOf(active));
        long killedAt = System.nanoTime();
        sleep(12_000);
        cluster("start-node", String.valueOf(active));
        double rejoinSeconds = (System.nanoTime() - killedAt) / 1e9;
        sleep(6_000);
        conflicts.stop();
        load.stopAndWait();
        long stored = countResponses(agency.id, conflictNode) - before;
        Map<String, Long> statusAfter = wsrepCounters(next);
        figures.putAll(load.figures());
        figures.put("stored", stored);
        figures.put("node_down_then_synced_seconds", round(rejoinSeconds));
        figures.put("conflict_writer_commits", conflicts.committed.get());
        figures.put("conflict_writer_1213", conflicts.deadlocks.get());
        figures.put("cert_failures_on_new_writer", statusAfter.get("wsrep_local_cert_failures") - statusBefore.get("wsrep_local_cert_failures"));
        figures.put("bf_aborts_on_new_writer", statusAfter.get("wsrep_local_bf_aborts") - statusBefore.get("wsrep_local_bf_aborts"));
        figures.put("longest_gap_without_thanks_seconds", round(load.longestGapSeconds()));
        String state = cluster("node-state", String.valueOf(active)).strip();
        figures.put("killed_node_state_after", state);
        boolean ok = check(notes, stored == load.acknowledged.get(), "stored %d = acknowledged %d", stored, load.acknowledged.get());
        ok &= check(notes, load.gaveUp.get() == 0, "no answer given up after retries (%d)", load.gaveUp.get());
        ok &= check(notes, load.acknowledged.get() > 100, "load reached the portal (%d answers)", load.acknowledged.get());
        ok &= check(notes, state.equals("Synced size=3"), "node %d rejoined: %s", active, state);
        long conflictsSeen = conflicts.deadlocks.get() + (Long) figures.get("cert_failures_on_new_writer") + (Long) figures.get("bf_aborts_on_new_writer");
        ok &= check(notes, conflictsSeen > 0, "certification conflicts happened (%d) and were survived", conflictsSeen);
        ok &= check(notes, load.longestGapSeconds() < 20, "the portal kept answering: longest gap without a thank-you %.1f s", load.longestGapSeconds());
        return new Result(3, "Survey under load, one Galera node killed and restarted", ok, figures, notes);
    }

    // ------------------------------------------------------------------------------------------------ scenario 4

    static final Pattern ASSESSMENT_LINK = Pattern.compile("href=\"/assessments/(\\d+)\"");

    /** Two saves of the same answer through the two instances: the second gets the conflict page, never overwrites. */
    static Result assessmentConflict() {
        List<String> notes = new ArrayList<>();
        Map<String, Object> figures = new LinkedHashMap<>();
        Browser a = new Browser();
        Browser b = new Browser();
        a.signIn(INSTANCE[1], LEAD);
        b.signIn(INSTANCE[2], LEAD);
        Matcher link = ASSESSMENT_LINK.matcher(a.get(INSTANCE[1] + "/home").body());
        if (!link.find()) {
            return new Result(4, "Self-assessment saves from two instances", false, figures, List.of("no assessment link on the lead's home page"));
        }
        String page = "/assessments/" + link.group(1) + "/standards/S8";
        boolean ok = true;
        int sequentialConflicts = 0;
        int raceRounds = 5;
        int raceOneWinner = 0;
        for (int round = 0; round <= raceRounds; round++) {
            Map<String, String> formA = standardForm(a.get(INSTANCE[1] + page).body());
            Map<String, String> formB = standardForm(b.get(INSTANCE[2] + page).body());
            String evidenceField = formA.keySet().stream().filter(k -> k.endsWith("-evidence")).findFirst().orElseThrow();
            String base = formA.get(evidenceField).replaceAll(" \\[fault-suite [^\\]]*\\]", "");
            String stamp = Long.toString(System.nanoTime(), 36);
            String textA = base + " [fault-suite A " + stamp + "]";
            String textB = base + " [fault-suite B " + stamp + "]";
            formA.put(evidenceField, textA);
            formB.put(evidenceField, textB);
            formA.put("action", "later");
            formB.put("action", "later");
            Resp ra;
            Resp rb;
            if (round == 0) { // one after the other: A saves, then B sends the page it opened before A's save
                ra = a.post(INSTANCE[1] + page, formA);
                rb = b.post(INSTANCE[2] + page, formB);
            } else { // at the same moment
                Resp[] both = new Resp[2];
                CountDownLatch go = new CountDownLatch(1);
                Thread ta = new Thread(() -> { await(go); both[0] = a.post(INSTANCE[1] + page, formA); });
                Thread tb = new Thread(() -> { await(go); both[1] = b.post(INSTANCE[2] + page, formB); });
                ta.start();
                tb.start();
                go.countDown();
                join(ta);
                join(tb);
                ra = both[0];
                rb = both[1];
            }
            long storedA = Long.parseLong(sql(0, "SELECT COUNT(*) FROM answer WHERE evidence LIKE '%[fault-suite A " + stamp + "]%'"));
            long storedB = Long.parseLong(sql(0, "SELECT COUNT(*) FROM answer WHERE evidence LIKE '%[fault-suite B " + stamp + "]%'"));
            boolean aSaved = ra.status() == 303;
            boolean bSaved = rb.status() == 303;
            boolean aConflict = ra.status() == 409 && ra.body().contains(CONFLICT_PAGE);
            boolean bConflict = rb.status() == 409 && rb.body().contains(CONFLICT_PAGE);
            boolean oneWins = (aSaved && bConflict && storedA == 1 && storedB == 0) || (bSaved && aConflict && storedB == 1 && storedA == 0);
            if (round == 0) {
                ok &= check(notes, aSaved && bConflict && storedA == 1 && storedB == 0,
                        "one after the other: instance 1 saved (%d), instance 2 got the conflict page (%d); stored A=%d B=%d",
                        ra.status(), rb.status(), storedA, storedB);
                sequentialConflicts += bConflict ? 1 : 0;
                ok &= check(notes, rb.body().contains("fault-suite A " + stamp), "the conflict page shows the other save's text");
            } else {
                raceOneWinner += oneWins ? 1 : 0;
                if (!oneWins) {
                    notes.add(String.format("race round %d: instance 1 %d, instance 2 %d, stored A=%d B=%d", round, ra.status(), rb.status(), storedA, storedB));
                }
            }
        }
        figures.put("sequential_conflict_pages", sequentialConflicts);
        figures.put("simultaneous_rounds", raceRounds);
        figures.put("simultaneous_rounds_one_saved_one_conflict", raceOneWinner);
        ok &= check(notes, raceOneWinner == raceRounds, "simultaneous saves: %d of %d rounds saved one and showed the other the conflict page", raceOneWinner, raceRounds);
        return new Result(4, "Self-assessment saves from two instances", ok, figures, notes);
    }

    static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"");
    static final Pattern CHECKED = Pattern.compile("<input[^>]*name=\"([^\"]+)\" type=\"radio\" value=\"([^\"]*)\" checked");
    static final Pattern TEXTAREA = Pattern.compile("<textarea[^>]*name=\"([^\"]+)\"[^>]*>(.*?)</textarea>", Pattern.DOTALL);

    /** The fields of the standard page's form as the browser would send them unchanged. */
    static Map<String, String> standardForm(String html) {
        int start = html.indexOf("id=\"standard-form\"");
        int end = html.indexOf("</form>", start);
        String form = html.substring(html.lastIndexOf("<form", start), end);
        Map<String, String> fields = new LinkedHashMap<>();
        for (Pattern p : List.of(HIDDEN, CHECKED, TEXTAREA)) {
            Matcher m = p.matcher(form);
            while (m.find()) {
                fields.put(m.group(1), unescape(m.group(2)));
            }
        }
        return fields;
    }

    // ------------------------------------------------------------------------------------------------ scenario 5

    /** The whole database unreachable for 30 s: the portal's own 503 page, readiness DOWN, recovery by itself. */
    static Result databaseDown() {
        List<String> notes = new ArrayList<>();
        Map<String, Object> figures = new LinkedHashMap<>();
        Agency agency = agency("South Coast Ambulance Trust");
        long before = countResponses(agency.id, 0);
        Browser lead = new Browser();
        lead.signIn(FRONT, LEAD);
        String pid1 = readPid("portal1.pid");
        String pid2 = readPid("portal2.pid");
        Browser anonymous = new Browser();
        boolean ok = check(notes, lead.get(FRONT + "/home").status() == 200, "signed in before the outage");
        cluster("db-down");
        long downAt = System.nanoTime();
        Map<String, Integer> outcomes = new TreeMap<>();
        List<String> wrongPages = new ArrayList<>();
        double readyDownAfter[] = { -1, -1, -1 };
        List<String> pendingNonces = new ArrayList<>();
        int sent = 0;
        while (System.nanoTime() - downAt < 30_000_000_000L) {
            double t = (System.nanoTime() - downAt) / 1e9;
            record Probe(String name, Resp resp) {
            }
            String nonce = nonce(agency.token);
            List<Probe> probes = List.of(new Probe("home", lead.get(FRONT + "/home")),
                    new Probe("survey-form", anonymous.get(FRONT + "/survey/" + agency.token)),
                    new Probe("survey-submit", postSurvey(FRONT, agency.token, nonce)));
            sent++;
            for (Probe probe : probes) {
                Resp r = probe.resp();
                String kind = r.status() == 503 && (r.body().contains(UNAVAILABLE_PAGE) || r.body().contains(NOT_SAVED_PAGE)) ? "503-own-page"
                        : String.valueOf(r.status());
                outcomes.merge(probe.name() + " " + kind, 1, Integer::sum);
                if (probe.name().equals("survey-submit")) {
                    if (r.status() == 303) {
                        wrongPages.add(String.format("%.1fs survey answer acknowledged while the database was down", t));
                    } else {
                        pendingNonces.add(nonce);
                    }
                }
                boolean allowed = kind.equals("503-own-page") || (r.status() == 200 && probe.name().equals("survey-form") && t < LINK_CACHE_SECONDS + 2);
                if (!allowed) {
                    wrongPages.add(String.format("%.1fs %s answered %d%s", t, probe.name(), r.status(), r.body().contains("No server is available") ? " (HAProxy's page)" : ""));
                }
            }
            for (int i = 1; i <= 2; i++) {
                if (readyDownAfter[i] < 0 && status(health[i]) == 503) {
                    readyDownAfter[i] = (System.nanoTime() - downAt) / 1e9;
                }
            }
            sleep(1_000);
        }
        cluster("db-up");
        long upAt = System.nanoTime();
        double recovered = -1;
        while (System.nanoTime() - upAt < 120_000_000_000L) {
            if (lead.get(FRONT + "/home").status() == 200 && status(health[1]) == 200 && status(health[2]) == 200) {
                recovered = (System.nanoTime() - upAt) / 1e9;
                break;
            }
            sleep(500);
        }
        // the answers refused during the outage, sent again as a person would (same form, same nonce)
        int resentThanked = 0;
        for (String nonce : pendingNonces) {
            Resp r = postSurvey(FRONT, agency.token, nonce);
            resentThanked += r.status() == 303 ? 1 : 0;
        }
        long stored = countResponses(agency.id, 0) - before;
        figures.put("outage_seconds", 30);
        figures.put("responses_during_outage", outcomes);
        figures.put("readiness_down_after_seconds", List.of(round(readyDownAfter[1]), round(readyDownAfter[2])));
        figures.put("recovered_after_seconds", round(recovered));
        figures.put("answers_refused_then_resent_and_thanked", resentThanked + "/" + pendingNonces.size());
        figures.put("stored", stored);
        ok &= check(notes, wrongPages.isEmpty(), "every page during the outage was the portal's own 503 page%s", wrongPages.isEmpty() ? "" : ": " + wrongPages.subList(0, Math.min(5, wrongPages.size())));
        ok &= check(notes, outcomes.getOrDefault("home 503-own-page", 0) > 0, "signed-in pages answered 503 with the service's page");
        ok &= check(notes, readyDownAfter[1] >= 0 && readyDownAfter[2] >= 0, "readiness went DOWN on both instances (after %.1f s, %.1f s)", readyDownAfter[1], readyDownAfter[2]);
        ok &= check(notes, recovered >= 0 && recovered < 60, "recovered by itself %.1f s after the database came back", recovered);
        ok &= check(notes, pid1.equals(readPid("portal1.pid")) && pid2.equals(readPid("portal2.pid")) && alive(pid1) && alive(pid2), "no instance was restarted");
        ok &= check(notes, stored == resentThanked && resentThanked == pendingNonces.size(),
                "every answer refused during the outage was stored once when sent again (%d stored, %d thanked)", stored, resentThanked);
        return new Result(5, "The whole database down for 30 s", ok, figures, notes);
    }

    // ------------------------------------------------------------------------------------------------ scenario 6

    static final Pattern JOB_LINE = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}).*(housekeeping removed|reminders wrote)");
    static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    /** The test schedules (make cluster-test): housekeeping at second 0 of every minute, reminders at second 30. */
    static final Map<String, Integer> JOB_SECOND = Map.of("housekeeping", 0, "reminders", 30);
    static final int WINDOW_SECONDS = 200;

    /**
     * Housekeeping and reminders, fired every minute for the test (S11_HOUSEKEEPING_CRON, S11_REMINDERS_CRON set by
     * make cluster-test), each run exactly once per firing across both instances: each run logs one line, within
     * 20 s of its firing.
     */
    static Result scheduledJobsOnce(Instant windowStart) {
        List<String> notes = new ArrayList<>();
        Map<String, Object> figures = new LinkedHashMap<>();
        String crons = sql(0, "SELECT GROUP_CONCAT(CONCAT(TRIGGER_NAME, '=', CRON_EXPRESSION) ORDER BY TRIGGER_NAME) FROM QRTZ_CRON_TRIGGERS"
                + " WHERE TRIGGER_NAME IN ('housekeeping', 'reminders')");
        figures.put("triggers", crons);
        long waited = Duration.between(windowStart, Instant.now()).getSeconds();
        if (waited < WINDOW_SECONDS) {
            log("scenario 6: watching the scheduled jobs for %d s more", WINDOW_SECONDS - waited);
            sleep((WINDOW_SECONDS - waited) * 1000);
        }
        LocalDateTime from = LocalDateTime.ofInstant(windowStart, ZoneId.systemDefault()).plusSeconds(5);
        LocalDateTime to = LocalDateTime.ofInstant(Instant.now(), ZoneId.systemDefault());
        Map<String, List<LocalDateTime>> lines = new TreeMap<>(); // job -> run times in [from, to), from both instances
        Map<String, Map<String, Long>> byInstance = new TreeMap<>();
        Map<String, Integer> runInstance = new TreeMap<>(); // "job time instance" -> instance
        for (int i = 1; i <= 2; i++) {
            for (String line : readLines(STATE.resolve("portal" + i + ".log"))) {
                Matcher m = JOB_LINE.matcher(line);
                if (!m.find()) {
                    continue;
                }
                LocalDateTime at = LocalDateTime.parse(m.group(1), LOG_TIME);
                String job = m.group(2).startsWith("housekeeping") ? "housekeeping" : "reminders";
                if (!at.isBefore(from) && at.isBefore(to)) {
                    lines.computeIfAbsent(job, k -> new ArrayList<>()).add(at);
                    runInstance.put(job + " " + at + " " + i, i);
                }
            }
        }
        boolean ok = check(notes, crons.contains("housekeeping=0 * * * * ?") && crons.contains("reminders=30 * * * * ?"),
                "the jobs fire every minute for the test (%s)", crons);
        for (String job : List.of("housekeeping", "reminders")) {
            // from the job's first firing in the watch on: a firing missed while no instance ran (at a restart) is run
            // once when the scheduler starts, as Quartz promises, and is not one of the firings watched
            LocalDateTime first = from.withSecond(JOB_SECOND.get(job)).withNano(0);
            LocalDateTime firstFiring = first.isBefore(from) ? first.plusMinutes(1) : first;
            List<LocalDateTime> runs = lines.getOrDefault(job, List.of()).stream().filter(t -> !t.isBefore(firstFiring)).toList();
            runInstance.forEach((key, instance) -> {
                String[] parts = key.split(" ");
                if (parts[0].equals(job) && !LocalDateTime.parse(parts[1]).isBefore(firstFiring)) {
                    byInstance.computeIfAbsent(job, k -> new TreeMap<>()).merge("instance " + instance, 1L, Long::sum);
                }
            });
            int firings = 0;
            int once = 0;
            int more = 0;
            int matched = 0;
            // every firing whose 20 s run window overlaps the watch; only those whose window lies inside it are counted
            for (LocalDateTime fire = from.minusMinutes(1).withSecond(JOB_SECOND.get(job)).withNano(0); fire.isBefore(to); fire = fire.plusMinutes(1)) {
                LocalDateTime f = fire;
                long n = runs.stream().filter(t -> !t.isBefore(f) && t.isBefore(f.plusSeconds(20))).count();
                matched += (int) n;
                if (fire.isBefore(from) || fire.plusSeconds(20).isAfter(to)) {
                    continue;
                }
                firings++;
                once += n == 1 ? 1 : 0;
                more += n > 1 ? 1 : 0;
            }
            int stray = runs.size() - matched;
            Map<String, Object> jobFigures = new LinkedHashMap<>();
            jobFigures.put("firings_watched", firings);
            jobFigures.put("firings_run_once", once);
            jobFigures.put("firings_run_twice_or_more", more);
            jobFigures.put("runs_at_other_times", stray);
            jobFigures.put("runs_by_instance", byInstance.getOrDefault(job, Map.of()));
            figures.put(job, jobFigures);
            ok &= check(notes, firings >= 2 && once == firings && more == 0 && stray == 0,
                    "%s: %d of %d firings ran exactly once, %d more than once, %d runs at other times (%s)", job, once, firings, more, stray,
                    byInstance.getOrDefault(job, Map.of()));
        }
        return new Result(6, "Scheduled jobs run once across instances", ok, figures, notes);
    }

    // ------------------------------------------------------------------------------------------------ scenario 7

    static final Pattern SURVEY_URL = Pattern.compile("href=\"http://[^\"]*/survey/([^\"]+)\"");

    /** A replaced survey link stops working on every instance within the link cache's documented 30 s. */
    static Result linkCacheBound() {
        List<String> notes = new ArrayList<>();
        Map<String, Object> figures = new LinkedHashMap<>();
        Browser lead = new Browser();
        lead.signIn(INSTANCE[1], OTHER_LEAD);
        Resp page = lead.get(INSTANCE[1] + "/staff-survey");
        Matcher m = SURVEY_URL.matcher(page.body());
        if (!m.find()) {
            return new Result(7, "Survey link cache bound across instances", false, figures, List.of("no survey link on the staff-survey page"));
        }
        String old = m.group(1);
        Browser staff = new Browser(); // no session cookie: the form is answered from the cache
        boolean ok = true;
        for (int i = 1; i <= 2; i++) {
            ok &= check(notes, staff.get(INSTANCE[i] + "/survey/" + old).status() == 200, "the old link works on instance %d before", i);
        }
        Resp replace = lead.post(INSTANCE[1] + "/staff-survey/link", form("csrf-token", field(page.body(), "csrf-token")));
        long replacedAt = System.nanoTime();
        ok &= check(notes, replace.status() == 303, "the lead replaced the link through instance 1 (%d)", replace.status());
        double[] stoppedAfter = { -1, -1, -1 };
        while (System.nanoTime() - replacedAt < (LINK_CACHE_SECONDS + 15) * 1_000_000_000L && (stoppedAfter[1] < 0 || stoppedAfter[2] < 0)) {
            for (int i = 1; i <= 2; i++) {
                if (stoppedAfter[i] < 0 && staff.get(INSTANCE[i] + "/survey/" + old).status() == 410) {
                    stoppedAfter[i] = (System.nanoTime() - replacedAt) / 1e9;
                }
            }
            sleep(250);
        }
        Matcher fresh = SURVEY_URL.matcher(lead.get(INSTANCE[2] + "/staff-survey").body());
        String newToken = fresh.find() ? fresh.group(1) : "";
        int newWorks = 0;
        for (int i = 1; i <= 2; i++) {
            newWorks += staff.get(INSTANCE[i] + "/survey/" + newToken).status() == 200 ? 1 : 0;
        }
        Resp oldSubmit = postSurvey(FRONT, old, nonce(old));
        figures.put("documented_bound_seconds", LINK_CACHE_SECONDS);
        figures.put("old_link_stopped_after_seconds", List.of(round(stoppedAfter[1]), round(stoppedAfter[2])));
        ok &= check(notes, stoppedAfter[1] >= 0 && stoppedAfter[1] <= POLL_MARGIN_SECONDS, "instance 1 stopped the old link at once (%.1f s)", stoppedAfter[1]);
        ok &= check(notes, stoppedAfter[2] >= 0 && stoppedAfter[2] <= LINK_CACHE_SECONDS + POLL_MARGIN_SECONDS,
                "instance 2 stopped the old link within %d s (+%d s polling margin): %.1f s", LINK_CACHE_SECONDS, POLL_MARGIN_SECONDS, stoppedAfter[2]);
        ok &= check(notes, !newToken.equals(old) && newWorks == 2, "the new link works on both instances");
        ok &= check(notes, oldSubmit.status() == 410, "an answer sent to the old link is refused (%d)", oldSubmit.status());
        return new Result(7, "Survey link cache bound across instances", ok, figures, notes);
    }

    // ------------------------------------------------------------------------------------------------ throughput

    /** Survey submits/s and assessment page views/s: one instance on one MariaDB, then two on the Galera cluster. */
    static Map<String, Object> throughput() {
        int seconds = 20;
        int warmup = 30; // a fresh JVM on two cores compiles for most of its first minute
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("machine", Runtime.getRuntime().availableProcessors() + " cores, shared by the client, the portal instances and the databases");
        figures.put("clients", CLIENTS);
        figures.put("seconds_each", seconds);
        log("throughput: two instances on the Galera cluster, through HAProxy");
        figures.put("cluster_2_instances", measure(FRONT, "Meridian Housing Association", warmup, seconds));
        log("throughput: starting one instance on the system's MariaDB");
        cluster("start-single");
        try {
            figures.put("single_instance_one_mariadb", measure(SINGLE, "Meridian Housing Association", warmup, seconds));
        } finally {
            cluster("stop-single");
        }
        return figures;
    }

    static Map<String, Object> measure(String base, String agencyName, int warmup, int seconds) {
        String token = "demo-" + agencyName.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        SurveyLoad warm = new SurveyLoad(base, token, 0);
        warm.start(CLIENTS);
        sleep(warmup * 1000L);
        warm.stopAndWait();
        SurveyLoad load = new SurveyLoad(base, token, 0);
        load.start(CLIENTS);
        sleep(seconds * 1000L);
        long acked = load.acknowledged.get();
        load.stopAndWait();
        Browser lead = new Browser();
        lead.signIn(base, LEAD);
        Matcher link = ASSESSMENT_LINK.matcher(lead.get(base + "/home").body());
        String page = base + "/assessments/" + (link.find() ? link.group(1) : "0") + "/standards/S8";
        pageViews(lead, page, warmup);
        long views = pageViews(lead, page, seconds);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("survey_submits_per_second", round((double) acked / seconds));
        out.put("assessment_page_views_per_second", round((double) views / seconds));
        out.put("survey_retries", load.retries.get());
        return out;
    }

    static long pageViews(Browser lead, String url, int seconds) {
        AtomicLong ok = new AtomicLong();
        AtomicLong bad = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            Thread t = new Thread(() -> {
                while (System.nanoTime() < end) {
                    Resp r = lead.get(url);
                    (r.status() == 200 ? ok : bad).incrementAndGet();
                }
            });
            t.start();
            threads.add(t);
        }
        threads.forEach(FaultSuite::join);
        if (bad.get() > 0) {
            log("page views: %d answered other than 200", bad.get());
        }
        return ok.get();
    }

    // ------------------------------------------------------------------------------------------------ survey load

    /** Clients sending survey answers until stopped; each answer is sent again, with its nonce, until thanked. */
    static final class SurveyLoad {
        final String base;
        final String token;
        /** Pause of each client between answers: bounds the load of the fault scenarios (0 for the throughput runs). */
        final long pauseMillis;
        final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(3)).version(HttpClient.Version.HTTP_1_1).build();
        final AtomicInteger acknowledged = new AtomicInteger();
        final AtomicInteger retries = new AtomicInteger();
        final AtomicInteger gaveUp = new AtomicInteger();
        final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
        final Map<String, AtomicInteger> servedBy = new ConcurrentHashMap<>();
        final Map<String, AtomicInteger> servedLate = new ConcurrentHashMap<>();
        final AtomicLong lastThanks = new AtomicLong(System.nanoTime());
        final AtomicLong longestGap = new AtomicLong();
        final AtomicBoolean stop = new AtomicBoolean();
        volatile long lateFrom = Long.MAX_VALUE;
        final List<Thread> threads = new ArrayList<>();

        SurveyLoad(String base, String token, int answersPerSecond) {
            this.base = base;
            this.token = token;
            this.pauseMillis = answersPerSecond == 0 ? 0 : 1000L * CLIENTS / answersPerSecond;
        }

        void start(int clients) {
            for (int c = 0; c < clients; c++) {
                Thread t = new Thread(this::client, "survey-client-" + c);
                t.start();
                threads.add(t);
            }
        }

        void client() {
            while (!stop.get()) {
                submit(nonce(token));
                if (pauseMillis > 0) {
                    sleep(pauseMillis);
                }
            }
        }

        void submit(String nonce) {
            String body = surveyBody(nonce);
            for (int attempt = 1; attempt <= 60; attempt++) {
                if (attempt > 1) {
                    retries.incrementAndGet();
                    sleep(500);
                }
                try {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/survey/" + token))
                            .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/x-www-form-urlencoded")
                            .header("Cookie", "csrf-token=" + SURVEY_CSRF).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    String instance = r.headers().firstValue("X-Portal-Instance").orElse("direct");
                    if (r.statusCode() == 303 && r.headers().firstValue("Location").orElse("").endsWith("/thanks")) {
                        acknowledged.incrementAndGet();
                        servedBy.computeIfAbsent(instance, k -> new AtomicInteger()).incrementAndGet();
                        if (System.nanoTime() > lateFrom) {
                            servedLate.computeIfAbsent(instance, k -> new AtomicInteger()).incrementAndGet();
                        }
                        long now = System.nanoTime();
                        long previous = lastThanks.getAndSet(now);
                        longestGap.accumulateAndGet(now - previous, Math::max);
                        return;
                    }
                    failures.computeIfAbsent("HTTP " + r.statusCode(), k -> new AtomicInteger()).incrementAndGet();
                    if (r.statusCode() != 503 && r.statusCode() != 502 && r.statusCode() != 504) {
                        gaveUp.incrementAndGet(); // an answer the portal refused for what it is: sending it again would not help
                        log("survey answer refused: %d %s", r.statusCode(), r.body().length() > 300 ? r.body().substring(0, 300) : r.body());
                        return;
                    }
                } catch (IOException e) {
                    failures.computeIfAbsent(e.getClass().getSimpleName(), k -> new AtomicInteger()).incrementAndGet();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            gaveUp.incrementAndGet();
        }

        /** Lets every client finish the answer it is sending (retries included), then returns. */
        void stopAndWait() {
            stop.set(true);
            threads.forEach(FaultSuite::join);
        }

        void markLate() {
            lateFrom = System.nanoTime();
        }

        Map<String, Integer> servedAfterRestart() {
            Map<String, Integer> out = new TreeMap<>();
            servedLate.forEach((k, v) -> out.put(k, v.get()));
            return out;
        }

        double longestGapSeconds() {
            return longestGap.get() / 1e9;
        }

        Map<String, Object> figures() {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("clients", threads.size());
            out.put("acknowledged", acknowledged.get());
            out.put("retried_requests", retries.get());
            Map<String, Integer> f = new TreeMap<>();
            failures.forEach((k, v) -> f.put(k, v.get()));
            out.put("failed_attempts", f);
            Map<String, Integer> s = new TreeMap<>();
            servedBy.forEach((k, v) -> s.put(k, v.get()));
            out.put("thanked_by_instance", s);
            out.put("given_up", gaveUp.get());
            return out;
        }
    }

    /**
     * Writes to the same take-up rows as the portal, on another node, so that Galera's certification has to reject
     * one of two writers (error 1213 on one side or the other). Each of its transactions adds 1 then takes it away
     * again: committed or rolled back, it changes no count.
     */
    static final class ConflictWriter {
        final int node;
        final long agencyId;
        final AtomicLong committed = new AtomicLong();
        final AtomicLong deadlocks = new AtomicLong();
        final AtomicBoolean stop = new AtomicBoolean();
        Thread thread;

        ConflictWriter(int node, long agencyId) {
            this.node = node;
            this.agencyId = agencyId;
        }

        void start() {
            String where = "agency_id = " + agencyId + " AND day = '" + LocalDate.now(LONDON) + "'";
            String one = "UPDATE survey_uptake SET responses = responses + 1 WHERE " + where + "; UPDATE survey_uptake SET responses = responses - 1 WHERE "
                    + where + "; COMMIT; SELECT 'ok';\n";
            String script = "SET autocommit = 0;\n" + one.repeat(100);
            thread = new Thread(() -> {
                while (!stop.get()) {
                    // the client stops at the first error and its connection closes: that transaction is rolled back whole
                    Exec e = exec(List.of("mariadb", "--no-defaults", "--protocol=SOCKET", "-S", STATE.resolve("node" + node + "/mysqld.sock").toString(),
                            "-u", "root", "-N", "-B", "s11portal"), script);
                    committed.addAndGet(e.out().lines().filter("ok"::equals).count());
                    if (e.err().contains("1213") || e.err().contains("Deadlock")) {
                        deadlocks.incrementAndGet();
                    } else if (e.code() != 0) {
                        log("conflict writer: %s", e.err().strip());
                        sleep(500);
                    }
                }
            });
            thread.start();
        }

        void stop() {
            stop.set(true);
            join(thread);
        }
    }

    // ------------------------------------------------------------------------------------------------ HTTP

    record Resp(int status, String body, HttpResponse<String> raw) {
        String location() {
            return raw == null ? "" : raw.headers().firstValue("Location").orElse("");
        }

        String instance() {
            return raw == null ? "none" : raw.headers().firstValue("X-Portal-Instance").orElse("direct");
        }
    }

    /** A browser: its own cookies, no redirects followed. */
    static final class Browser {
        final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(3)).version(HttpClient.Version.HTTP_1_1).build();

        Resp get(String url) {
            return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build());
        }

        Resp post(String url, Map<String, String> fields) {
            return post(url, encode(fields));
        }

        Resp post(String url, String body) {
            return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build());
        }

        Resp send(HttpRequest request) {
            try {
                HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                return new Resp(r.statusCode(), r.body(), r);
            } catch (IOException e) {
                return new Resp(-1, e.toString(), null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Resp(-1, e.toString(), null);
            }
        }

        Resp signIn(String base, String email) {
            Resp page = get(base + "/sign-in");
            return post(base + "/sign-in", form("csrf-token", field(page.body(), "csrf-token"), "email", email, "password", PASSWORD, "next", ""));
        }
    }

    static int status(String url) {
        return new Browser().get(url).status();
    }

    static Map<String, String> form(String... pairs) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.put(pairs[i], pairs[i + 1]);
        }
        return out;
    }

    static String encode(Map<String, String> fields) {
        StringBuilder out = new StringBuilder();
        fields.forEach((k, v) -> out.append(out.isEmpty() ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(v == null ? "" : v, StandardCharsets.UTF_8)));
        return out.toString();
    }

    static String field(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + Pattern.quote(name) + "\"[^>]*value=\"([^\"]*)\"").matcher(html);
        return m.find() ? unescape(m.group(1)) : "";
    }

    static String unescape(String html) {
        return html.replace("&#39;", "'").replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&#x27;", "'").replace("&amp;", "&");
    }

    // ------------------------------------------------------------------------------------------------ survey answers

    static final SecureRandom RANDOM = new SecureRandom();
    static final ThreadLocal<Mac> MAC = ThreadLocal.withInitial(() -> {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(nonceKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    });

    /** A form nonce as the portal issues it (SurveyNonces): random, with its expiry day, signed for the link. */
    static String nonce(String token) {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes) + "." + LocalDate.now(LONDON).plusDays(1).toEpochDay();
        String signature = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(MAC.get().doFinal((payload + "." + token).getBytes(StandardCharsets.UTF_8)));
        return payload + "." + signature;
    }

    static final String ANSWERS;
    static {
        StringBuilder answers = new StringBuilder("roleBand=FRONTLINE&worksWith=BOTH");
        for (int q = 1; q <= 14; q++) {
            answers.append("&q").append(q).append('=').append(q == 13 ? "PROCEDURES" : q == 4 || q == 6 || q == 8 || q == 10 || q == 11 ? "A" : "YES");
        }
        ANSWERS = answers.toString();
    }

    static String surveyBody(String nonce) {
        return "csrf-token=" + SURVEY_CSRF + "&nonce=" + nonce + "&" + ANSWERS;
    }

    static final HttpClient PLAIN = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(3)).version(HttpClient.Version.HTTP_1_1).build();

    /** A survey answer as the form sends it: the CSRF cookie and field of the form, no session. */
    static Resp postSurvey(String base, String token, String nonce) {
        try {
            HttpResponse<String> r = PLAIN.send(HttpRequest.newBuilder(URI.create(base + "/survey/" + token))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Cookie", "csrf-token=" + SURVEY_CSRF).POST(HttpRequest.BodyPublishers.ofString(surveyBody(nonce))).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Resp(r.statusCode(), r.body(), r);
        } catch (IOException e) {
            return new Resp(-1, e.toString(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Resp(-1, e.toString(), null);
        }
    }

    // ------------------------------------------------------------------------------------------------ database

    record Agency(long id, String token) {
    }

    static Agency agency(String name) {
        String row = sql(0, "SELECT a.id, l.token FROM agency a JOIN survey_link l ON l.agency_id = a.id AND l.active = 1 WHERE a.name = '"
                + name.replace("'", "''") + "' ORDER BY l.id DESC LIMIT 1");
        String[] parts = row.split("\t");
        return new Agency(Long.parseLong(parts[0]), parts[1]);
    }

    static long countResponses(long agencyId, int node) {
        return Long.parseLong(sql(node, "SELECT COUNT(*) FROM survey_response WHERE agency_id = " + agencyId));
    }

    /** The node HAProxy sends the portals to: the one holding their connections. */
    static int activeNode() {
        int best = 1;
        long most = -1;
        for (int n = 1; n <= 3; n++) {
            long c = Long.parseLong(sql(n, "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE USER = 'portal'"));
            if (c > most) {
                most = c;
                best = n;
            }
        }
        return best;
    }

    static Map<String, Long> wsrepCounters(int node) {
        Map<String, Long> out = new TreeMap<>();
        for (String line : sql(node, "SELECT LOWER(VARIABLE_NAME), VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS"
                + " WHERE VARIABLE_NAME IN ('WSREP_LOCAL_CERT_FAILURES', 'WSREP_LOCAL_BF_ABORTS')").split("\n")) {
            String[] p = line.split("\t");
            out.put(p[0], Long.parseLong(p[1]));
        }
        return out;
    }

    /**
     * One query as root through node N's socket (N = 0: the first node that answers), after the node has applied
     * everything the cluster committed before (wsrep_sync_wait).
     */
    static String sql(int node, String query) {
        List<Integer> nodes = node == 0 ? List.of(1, 2, 3) : List.of(node);
        String error = "";
        for (int n : nodes) {
            Exec e = exec(List.of("mariadb", "--no-defaults", "--protocol=SOCKET", "-S", STATE.resolve("node" + n + "/mysqld.sock").toString(),
                    "-u", "root", "-N", "-B", "s11portal", "-e", "SET SESSION wsrep_sync_wait = 1; " + query), null);
            if (e.code() == 0) {
                return e.out().strip();
            }
            error = e.err();
        }
        throw new IllegalStateException("query failed on node(s) " + nodes + ": " + error.strip());
    }

    // ------------------------------------------------------------------------------------------------ processes

    record Exec(int code, String out, String err) {
    }

    static Exec exec(List<String> command, String input) {
        try {
            Process p = new ProcessBuilder(command).start();
            Thread feeder = new Thread(() -> {
                try (var in = p.getOutputStream()) {
                    if (input != null) {
                        in.write(input.getBytes(StandardCharsets.UTF_8));
                    }
                } catch (IOException ignored) {
                    // the client stopped reading at its first error: that is how it ends
                }
            });
            feeder.start();
            var err = new StringBuilder();
            Thread errReader = new Thread(() -> {
                try {
                    err.append(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException ignored) {
                }
            });
            errReader.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int code = p.waitFor();
            feeder.join();
            errReader.join();
            return new Exec(code, out, err.toString());
        } catch (IOException e) {
            return new Exec(-1, "", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Exec(-1, "", e.toString());
        }
    }

    /** A cluster.sh sub-command; its own messages go to this program's stderr. */
    static String cluster(String... args) {
        List<String> command = new ArrayList<>(List.of("deploy/cluster/cluster.sh"));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IllegalStateException("cluster.sh " + String.join(" ", args) + " failed");
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String readPid(String file) {
        try {
            return Files.readString(STATE.resolve(file)).strip();
        } catch (IOException e) {
            return "";
        }
    }

    static boolean alive(String pid) {
        return !pid.isEmpty() && Files.isDirectory(Path.of("/proc", pid));
    }

    static Map<String, String> readEnv(Path file) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return out;
        }
        for (String line : Files.readAllLines(file)) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                out.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return out;
    }

    static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return List.of();
        }
    }

    // ------------------------------------------------------------------------------------------------ report

    static void writeReport(List<Result> results, Map<String, Object> throughput) throws IOException {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("measured_at", Instant.now().toString());
        report.put("machine", Runtime.getRuntime().availableProcessors() + " cores");
        report.put("passed", results.stream().allMatch(Result::passed));
        List<Object> scenarios = new ArrayList<>();
        for (Result r : results) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("scenario", r.number());
            s.put("name", r.name());
            s.put("passed", r.passed());
            s.put("figures", r.figures());
            s.put("notes", r.notes());
            scenarios.add(s);
        }
        report.put("scenarios", scenarios);
        if (throughput != null) {
            report.put("throughput", throughput);
        }
        Files.createDirectories(Path.of("target/cluster"));
        Files.writeString(Path.of("target/cluster/report.json"), json(report, "") + "\n");

        StringBuilder table = new StringBuilder();
        table.append("Last run: ").append(LocalDateTime.now(LONDON).withNano(0).toString().replace('T', ' ')).append(" (Europe/London), ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores; ")
                .append(results.stream().filter(Result::passed).count()).append(" of ").append(results.size()).append(" scenarios passed.\n\n");
        table.append("| # | Scenario | Result | Measured |\n|---|---|---|---|\n");
        for (Result r : results) {
            table.append("| ").append(r.number()).append(" | ").append(r.name()).append(" | ").append(r.passed() ? "passed" : "**FAILED**")
                    .append(" | ").append(summary(r).replace("|", "\\|")).append(" |\n");
        }
        if (throughput != null) {
            @SuppressWarnings("unchecked")
            Map<String, Object> single = (Map<String, Object>) throughput.get("single_instance_one_mariadb");
            @SuppressWarnings("unchecked")
            Map<String, Object> cluster = (Map<String, Object>) throughput.get("cluster_2_instances");
            table.append("\nThroughput, same run, same client (").append(throughput.get("clients")).append(" concurrent clients, ")
                    .append(throughput.get("seconds_each")).append(" s each after a warm-up; ").append(throughput.get("machine")).append("):\n\n");
            table.append("| | Survey submits/s | Assessment page views/s |\n|---|---|---|\n");
            table.append("| 1 instance, one MariaDB | ").append(single.get("survey_submits_per_second")).append(" | ")
                    .append(single.get("assessment_page_views_per_second")).append(" |\n");
            table.append("| 2 instances, 3-node Galera, HAProxy | ").append(cluster.get("survey_submits_per_second")).append(" | ")
                    .append(cluster.get("assessment_page_views_per_second")).append(" |\n");
        }
        Path doc = Path.of("docs/reliability.md");
        String begin = "<!-- cluster-test:begin (written by make cluster-test) -->";
        String end = "<!-- cluster-test:end -->";
        String text = Files.exists(doc) ? Files.readString(doc) : "# Reliability\n\n";
        int b = text.indexOf(begin);
        int e = text.indexOf(end);
        String block = begin + "\n" + table + end;
        text = b >= 0 && e > b ? text.substring(0, b) + block + text.substring(e + end.length()) : text + "\n" + block + "\n";
        Files.writeString(doc, text);
    }

    /** The figures that matter for the table, in words. */
    static String summary(Result r) {
        Map<String, Object> f = r.figures();
        String text = switch (r.number()) {
            case 1 -> "session and CSRF token accepted on both instances; HAProxy pages by instance " + f.get("pages_through_haproxy_by_instance");
            case 2, 3 -> "acknowledged " + nested(f, "acknowledged") + ", stored " + f.get("stored") + ", retried requests " + f.get("retried_requests")
                    + (r.number() == 2 ? ", instance 2 back after " + f.get("instance_2_down_seconds") + " s"
                            : ", node " + f.get("killed_node") + " back and synced after " + f.get("node_down_then_synced_seconds")
                                    + " s; 1213 on the other writer " + f.get("conflict_writer_1213") + ", portal-side cert. failures "
                                    + f.get("cert_failures_on_new_writer") + ", BF aborts " + f.get("bf_aborts_on_new_writer")
                                    + "; longest gap " + f.get("longest_gap_without_thanks_seconds") + " s");
            case 4 -> "conflict page " + f.get("sequential_conflict_pages") + "/1 one after the other, " + f.get("simultaneous_rounds_one_saved_one_conflict")
                    + "/" + f.get("simultaneous_rounds") + " simultaneous rounds: one saved, one conflict page";
            case 5 -> "readiness DOWN after " + f.get("readiness_down_after_seconds") + " s, recovered " + f.get("recovered_after_seconds")
                    + " s after; answers " + f.get("responses_during_outage") + "; resent and stored " + f.get("answers_refused_then_resent_and_thanked");
            case 6 -> jobSummary("housekeeping", f) + "; " + jobSummary("reminders", f);
            case 7 -> {
                List<?> after = (List<?>) f.get("old_link_stopped_after_seconds");
                yield after == null ? "" : "old link refused after " + after.get(0) + " s on instance 1 (where it was replaced), "
                        + after.get(1) + " s on instance 2 (bound " + f.get("documented_bound_seconds") + " s)";
            }
            default -> String.valueOf(f);
        };
        return r.passed() ? text : text + "; " + String.join("; ", r.notes().stream().filter(n -> n.startsWith("NOT")).toList());
    }

    static Object nested(Map<String, Object> f, String key) {
        return f.get(key);
    }

    static String jobSummary(String job, Map<String, Object> f) {
        @SuppressWarnings("unchecked")
        Map<String, Object> j = (Map<String, Object>) f.get(job);
        return j == null ? "" : job + ": " + j.get("firings_run_once") + " of " + j.get("firings_watched") + " firings run once, "
                + j.get("firings_run_twice_or_more") + " twice, by " + j.get("runs_by_instance");
    }

    static String json(Object value, String indent) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                return "{}";
            }
            StringBuilder out = new StringBuilder("{\n");
            int i = 0;
            for (var e : map.entrySet()) {
                out.append(indent).append("  ").append(quote(String.valueOf(e.getKey()))).append(": ").append(json(e.getValue(), indent + "  "))
                        .append(++i < map.size() ? ",\n" : "\n");
            }
            return out.append(indent).append('}').toString();
        }
        if (value instanceof List<?> list) {
            if (list.isEmpty()) {
                return "[]";
            }
            StringBuilder out = new StringBuilder("[\n");
            for (int i = 0; i < list.size(); i++) {
                out.append(indent).append("  ").append(json(list.get(i), indent + "  ")).append(i + 1 < list.size() ? ",\n" : "\n");
            }
            return out.append(indent).append(']').toString();
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        return quote(value.toString());
    }

    static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    // ------------------------------------------------------------------------------------------------ small things

    static boolean check(List<String> notes, boolean ok, String format, Object... args) {
        notes.add((ok ? "ok: " : "NOT OK: ") + String.format(format, args));
        return ok;
    }

    static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    static void log(String format, Object... args) {
        System.err.printf("cluster-test [%5.0fs] %s%n", (System.nanoTime() - started) / 1e9, String.format(format, args));
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void join(Thread t) {
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
