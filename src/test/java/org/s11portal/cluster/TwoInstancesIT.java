package org.s11portal.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.s11portal.support.TcpRelay;
import org.s11portal.support.TestDatabase;
import org.s11portal.survey.SurveyDefinition;

/**
 * The short version of the cluster's fault scenarios 1, 2 and 5 (docs/reliability.md), run by `mvn verify` on every
 * build: two packaged portals in the {@code cluster} profile share one fresh database, reached through a
 * {@link TcpRelay} that plays the database going away. The full versions run against three Galera nodes and HAProxy
 * (`make cluster-test`).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesIT {

    static final String LEAD = "lead.solent-wessex-police-service@demo.s11portal.example";
    static final String DEMO_PASSWORD = "Demo-Portal-2026!";
    static final String UNAVAILABLE = "<h1 class=\"govuk-heading-l\">Sorry, the service is unavailable</h1>";
    private static final Pattern SURVEY_LINK = Pattern.compile("/survey/([A-Za-z0-9_-]{20,})");
    private static final Pattern NONCE = Pattern.compile("name=\"nonce\" value=\"([^\"]+)\"");

    private final TestDatabase database = new TestDatabase();
    private String databaseName;
    private TcpRelay relay;
    private PortalInstance a;
    private PortalInstance b;
    /** The lead, signed in on instance A; the same cookies are used on both. */
    private final HttpBrowser lead = new HttpBrowser();

    @BeforeAll
    void startTwoInstances() throws Exception {
        databaseName = database.start().get("s11.db.name");
        relay = TcpRelay.toTestDatabase();
        Map<String, String> shared = new HashMap<>();
        shared.put("S11_DB_HOST", "127.0.0.1");
        shared.put("S11_DB_PORT", String.valueOf(relay.port()));
        shared.put("S11_DB_NAME", databaseName);
        shared.put("S11_DB_USER", env("S11_DB_USER", "root"));
        shared.put("S11_DB_PASSWORD", env("S11_DB_PASSWORD", ""));
        shared.put("S11_SURVEY_NONCE_KEY", "two-instances-it-survey-nonce-key-0123456789");
        shared.put("S11_TWO_STEP_KEY", "two-instances-it-two-step-key-0123456789abcd");
        Runtime.getRuntime().addShutdownHook(new Thread(this::killQuietly));
        // the first instance loads the demo data and builds the schema; only then may the second start
        a = PortalInstance.start("instance-a", shared);
        a.awaitReady(Duration.ofSeconds(120));
        b = PortalInstance.start("instance-b", shared);
        b.awaitReady(Duration.ofSeconds(90));
    }

    @AfterAll
    void stopEverything() {
        killQuietly();
        if (relay != null) {
            relay.close();
        }
        database.stop();
    }

    /** Scenario 1: signed in on A, the same session and a form's CSRF token work on B. */
    @Test
    @Order(1)
    void aSessionStartedOnOneInstanceWorksOnTheOther() throws Exception {
        lead.get(a.url("/sign-in"));
        HttpResponse<String> signedIn = lead.post(a.url("/sign-in"), Map.of("email", LEAD, "password", DEMO_PASSWORD));
        assertEquals(303, signedIn.statusCode(), "signed in on A");
        assertNotNull(lead.cookie("s11_session"));

        HttpResponse<String> onB = lead.get(b.url("/staff-survey"));
        assertEquals(200, onB.statusCode(), "B knows the session A started");
        String linkBefore = surveyToken(onB.body());
        // a state change on B, with the CSRF token of B's form: a new survey link
        HttpResponse<String> newLink = lead.post(b.url("/staff-survey/link"), Map.of());
        assertEquals(303, newLink.statusCode(), "B accepts the session's CSRF token");
        String linkAfter = surveyToken(lead.get(a.url("/staff-survey")).body());
        assertNotEquals(linkBefore, linkAfter, "A shows the link that B made");
    }

    /** Scenario 5 (short): the database away for about 10 s; both answer 503 and are not ready, then recover alone. */
    @Test
    @Order(2)
    void bothInstancesAnswer503DuringADatabaseOutageAndRecoverWithoutARestart() throws Exception {
        signInIfNeeded();
        long cutAt = System.nanoTime();
        relay.cut();
        try {
            for (PortalInstance instance : List.of(a, b)) {
                HttpResponse<String> home = lead.get(instance.url("/home"));
                assertEquals(503, home.statusCode(), instance.name + " /home");
                assertTrue(home.body().contains(UNAVAILABLE), instance.name + " shows the service's page");
                HttpResponse<String> signIn = new HttpBrowser().get(instance.url("/sign-in"));
                assertEquals(503, signIn.statusCode(), instance.name + " /sign-in");
                assertTrue(signIn.body().contains(UNAVAILABLE));
                assertEquals(200, new HttpBrowser().get(instance.url("/assets/portal.css")).statusCode(), "static files still served");
                HttpResponse<String> ready = instance.readiness();
                assertEquals(503, ready.statusCode(), instance.name + " readiness");
                assertTrue(ready.body().contains("DOWN"));
            }
            long left = TimeUnit.SECONDS.toNanos(10) - (System.nanoTime() - cutAt);
            if (left > 0) {
                TimeUnit.NANOSECONDS.sleep(left);
            }
        } finally {
            relay.restore();
        }
        for (PortalInstance instance : List.of(a, b)) {
            awaitStatus(instance, "/home", 200, Duration.ofSeconds(30));
            assertTrue(instance.ready(), instance.name + " ready again");
            assertTrue(instance.alive(), instance.name + " was never restarted");
        }
    }

    /**
     * Scenario 2 (short): survey answers sent alternately to A and B by a few staff at once while A is killed with
     * kill -9; a staff member whose request got no answer sends the same form again to B. Every form is acknowledged
     * in the end, and the database holds exactly as many answers as were acknowledged.
     */
    @Test
    @Order(3)
    void surveyAnswersSurviveAnInstanceKilledMidBurst() throws Exception {
        signInIfNeeded();
        String token = surveyToken(lead.get(b.url("/staff-survey")).body());
        long before = storedAnswers(token);
        int forms = 60;
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger acknowledged = new AtomicInteger();
        AtomicInteger resent = new AtomicInteger();
        ExecutorService staff = Executors.newFixedThreadPool(4);
        List<Future<?>> work = new ArrayList<>();
        for (int i = 0; i < forms; i++) {
            PortalInstance first = i % 2 == 0 ? a : b;
            work.add(staff.submit(() -> {
                sent.incrementAndGet();
                if (answerOnce(first, token, resent)) {
                    acknowledged.incrementAndGet();
                }
                return null;
            }));
        }
        while (sent.get() < forms / 3) {
            Thread.sleep(5);
        }
        a.kill();
        for (Future<?> future : work) {
            future.get(120, TimeUnit.SECONDS);
        }
        staff.shutdown();

        long stored = storedAnswers(token) - before;
        System.out.printf("cluster-it survey burst: forms=%d acknowledged=%d stored=%d resent-after-no-response=%d%n", forms,
                acknowledged.get(), stored, resent.get());
        assertEquals(acknowledged.get(), stored, "stored answers == acknowledged (thank-you) answers");
        assertEquals(forms, acknowledged.get(), "every form was acknowledged in the end");
        assertTrue(b.alive() && b.ready(), "B kept serving");
    }

    /**
     * One staff member: opens the form (on the first instance, or B if it is gone), sends it, and sends the same form
     * to B when no answer came (the instance died) or the answer was "not saved". True once thanked.
     */
    private boolean answerOnce(PortalInstance first, String token, AtomicInteger resent) throws InterruptedException {
        PortalInstance fallback = b;
        HttpBrowser browser = new HttpBrowser();
        String form;
        try {
            form = browser.get(first.url("/survey/" + token)).body();
        } catch (IOException gone) {
            try {
                form = browser.get(fallback.url("/survey/" + token)).body();
            } catch (IOException e) {
                return false;
            }
        }
        Matcher nonce = NONCE.matcher(form);
        if (!nonce.find()) {
            return false;
        }
        Map<String, String> answers = new HashMap<>();
        for (SurveyDefinition.Question q : SurveyDefinition.QUESTIONS) {
            answers.put(q.field(), q.options().get(0).value());
        }
        answers.put("nonce", nonce.group(1));
        PortalInstance target = first;
        for (int attempt = 1; attempt <= 4; attempt++) {
            try {
                HttpResponse<String> response = browser.post(target.url("/survey/" + token), answers);
                if (response.statusCode() == 303 && response.headers().firstValue("Location").orElse("").contains("/thanks")) {
                    return true;
                }
            } catch (IOException noResponse) {
                resent.incrementAndGet();
            }
            target = fallback;
            Thread.sleep(200);
        }
        return false;
    }

    private void signInIfNeeded() throws Exception {
        PortalInstance any = a.alive() ? a : b;
        if (lead.cookie("s11_session") == null || lead.get(any.url("/home")).statusCode() != 200) {
            lead.get(any.url("/sign-in"));
            assertEquals(303, lead.post(any.url("/sign-in"), Map.of("email", LEAD, "password", DEMO_PASSWORD)).statusCode());
        }
    }

    private void awaitStatus(PortalInstance instance, String path, int status, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        int last = -1;
        while (System.nanoTime() < deadline) {
            try {
                last = lead.get(instance.url(path)).statusCode();
                if (last == status) {
                    return;
                }
            } catch (IOException e) {
                last = -1;
            }
            Thread.sleep(250);
        }
        throw new AssertionError(instance.name + " " + path + " answered " + last + ", not " + status + ", for " + within
                + ":\n" + instance.logTail());
    }

    private static String surveyToken(String staffSurveyPage) {
        Matcher link = SURVEY_LINK.matcher(staffSurveyPage);
        assertTrue(link.find(), "the staff survey page shows the link");
        return link.group(1);
    }

    /** Answers stored for the link's agency and cycle, read straight from the database (not through the relay). */
    private long storedAnswers(String token) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:mariadb://" + TestDatabase.host() + ":"
                + TestDatabase.port() + "/" + databaseName, env("S11_DB_USER", "root"), env("S11_DB_PASSWORD", ""));
                PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM survey_response r"
                        + " JOIN survey_link l ON l.agency_id = r.agency_id AND l.cycle_id = r.cycle_id WHERE l.token = ?")) {
            count.setString(1, token);
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private void killQuietly() {
        for (PortalInstance instance : new PortalInstance[] { a, b }) {
            if (instance != null) {
                try {
                    instance.kill();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
