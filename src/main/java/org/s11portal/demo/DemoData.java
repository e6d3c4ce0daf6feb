package org.s11portal.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jboss.logging.Logger;
import org.s11portal.account.PasswordPolicy;
import org.s11portal.account.Roles;
import org.s11portal.account.TwoStepService;
import org.s11portal.account.User;
import org.s11portal.agency.Agency;
import org.s11portal.agency.Area;
import org.s11portal.agency.Partnership;
import org.s11portal.agency.Sector;
import org.s11portal.common.config.PortalClock;
import org.s11portal.common.config.PortalConfig;
import org.s11portal.cycle.Cycle;
import org.s11portal.cycle.CycleAgency;
import org.s11portal.reminder.Reminders;
import org.s11portal.tool.Tool;
import org.s11portal.tooladmin.ToolFile;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Demo data for `make run`: the 2020 tool, 20+ fictional agencies, a historical 2020-22 cycle (its panels held and
 * letters issued), a live cycle whose dates follow today so there is always open work (a panel held, one to come,
 * see {@link DemoPanels}), and a demo user for each role. Loaded only when
 * {@code portal.demo-data.enabled} is true (the dev profile) and never when the prod profile is active.
 */
@ApplicationScoped
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class);

    /** The demo users' shared password: published in the README, demo only. */
    public static final String DEMO_PASSWORD = "Demo-Portal-2026!";
    public static final String DEMO_EMAIL_DOMAIN = "demo.s11portal.example";

    /** The demo lead who leads a second agency (theirs, then the second): the README's "Demo users" names them. */
    static final String[] SECOND_AGENCY_LEAD = { "Island Youth Trust", "Portsea Island Youth Club" };
    /**
     * The demo moderators' and admins' authenticator secret (Base32), published in the README like the password: their
     * role needs two-step sign-in, so `make run` shows it as it is, with this key in any authenticator app (or
     * {@code oathtool --totp -b}). Demo only: demo data is never loaded in prod.
     */
    public static final String DEMO_TWO_STEP_SECRET = "DEMOTWOSTEPSECRETPUBLISHEDREADME";
    static final String TOOL_VERSION = "2020.1";
    static final String HISTORICAL_CYCLE = "2020–22";
    static final String LIVE_CYCLE_MARKER = "(demo, live)";

    @Inject
    PortalConfig config;

    @Inject
    PortalClock clock;

    @Inject
    DemoAssessments demoAssessments;

    @Inject
    DemoSurvey demoSurvey;

    @Inject
    DemoPanels demoPanels;

    @Inject
    DemoMonitoring demoMonitoring;

    @Inject
    Reminders reminders;

    @Inject
    TwoStepService twoStep;

    record AgencyFile(String name, Sector sector, List<Area> areas, int headcount) {
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.demoData().enabled()) {
            return;
        }
        if (ConfigUtils.getProfiles().contains("prod")) {
            LOG.warn("portal.demo-data.enabled is set under the prod profile: demo data is never loaded in prod");
            return;
        }
        load();
    }

    @Transactional
    public void load() {
        if (Tool.findByVersion(TOOL_VERSION) != null) {
            Cycle live = Cycle.find("name like ?1", "%" + LIVE_CYCLE_MARKER).firstResult();
            alignLiveCycle(live);
            enrolTwoStep(User.<User>list("email like ?1", "%@" + DEMO_EMAIL_DOMAIN));
            demoPanels.realign(live);
            demoMonitoring.liveCheckpoint(live);
            reminders.run(clock.today());
            LOG.info("Demo data already present; live demo cycle dates realigned to today");
            return;
        }
        long started = System.nanoTime(); // elapsed time only, for the log: not the portal's clock
        Tool tool = loadTool();
        List<Agency> agencies = loadAgencies();
        Cycle historical = historicalCycle(tool);
        Cycle live = new Cycle();
        live.tool = tool;
        alignLiveCycle(live);
        live.persist();
        CycleAgency.add(historical, agencies);
        CycleAgency.add(live, agencies);
        String passwordHash = demoPasswordHash();
        List<User> users = loadUsers(agencies, passwordHash);
        enrolTwoStep(users);
        // the surveys first: the panels' letters state each agency's number of survey responses
        demoSurvey.seed(agencies, live);
        demoSurvey.seedClosed(agencies, historical);
        seedStates(agencies, historical, live, users.get(0));
        demoMonitoring.liveCheckpoint(live);
        // today's reminders at once, as the daily job would write them, so the Emails page shows them
        reminders.run(clock.today());
        LOG.infof("Demo data loaded in %d ms: %d standards, %d agencies, %d users; sign in with any demo user and password %s"
                + " (moderators and admins: two-step sign-in, authenticator key %s)",
                (System.nanoTime() - started) / 1_000_000, tool.standards.size(), agencies.size(), users.size(), DEMO_PASSWORD,
                DEMO_TWO_STEP_SECRET);
    }

    /** The HIPS 2020 tool, read as the tool file that admins import (docs/administration.md), published. */
    private Tool loadTool() {
        ToolFile.Read read;
        try (InputStream in = DemoData.class.getResourceAsStream("/demo/tool-2020.json")) {
            read = ToolFile.read(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!read.problems().isEmpty()) {
            throw new IllegalStateException("The demo tool file has problems: " + read.problems());
        }
        Tool tool = read.file().toTool(read.file().version(), read.file().title());
        tool.status = Tool.Status.PUBLISHED;
        tool.persist();
        return tool;
    }

    private List<Agency> loadAgencies() {
        AgencyFile[] files = read("/demo/agencies.json", AgencyFile[].class);
        Map<Area, Partnership> partnerships = Map.of(
                Area.HAMPSHIRE, Partnership.of(Area.HAMPSHIRE),
                Area.ISLE_OF_WIGHT, Partnership.of(Area.ISLE_OF_WIGHT),
                Area.PORTSMOUTH, Partnership.of(Area.PORTSMOUTH),
                Area.SOUTHAMPTON, Partnership.of(Area.SOUTHAMPTON));
        return java.util.Arrays.stream(files).map(file -> {
            Agency agency = new Agency();
            agency.name = file.name();
            agency.sector = file.sector();
            agency.headcount = file.headcount();
            file.areas().forEach(area -> agency.areas.add(partnerships.get(area)));
            agency.persist();
            return agency;
        }).toList();
    }

    private Cycle historicalCycle(Tool tool) {
        Cycle cycle = new Cycle();
        cycle.name = HISTORICAL_CYCLE;
        cycle.tool = tool;
        cycle.year1Opens = LocalDate.of(2020, 10, 14);
        cycle.year1Due = LocalDate.of(2021, 1, 4);
        cycle.surveyOpens = LocalDate.of(2020, 10, 14);
        cycle.surveyCloses = LocalDate.of(2021, 1, 4);
        cycle.year2Due = LocalDate.of(2022, 3, 31);
        cycle.closes = LocalDate.of(2022, 9, 30);
        cycle.takeupTargetPct = 30;
        cycle.lettersBy = LocalDate.of(2021, 4, 30);
        cycle.plannedPanelDates.addAll(List.of(LocalDate.of(2021, 2, 24), LocalDate.of(2021, 3, 10)));
        cycle.persist();
        return cycle;
    }

    /** Year 1 opened six weeks ago and is due in five weeks; the survey window is open now. */
    private void alignLiveCycle(Cycle cycle) {
        if (cycle == null) {
            return;
        }
        LocalDate today = clock.today();
        cycle.year1Opens = today.minusWeeks(6);
        cycle.year1Due = today.plusWeeks(5);
        cycle.surveyOpens = today.minusWeeks(2);
        cycle.surveyCloses = today.plusWeeks(3);
        cycle.year2Due = cycle.year1Due.plusMonths(9);
        cycle.closes = cycle.year1Opens.plusYears(2).minusDays(1);
        cycle.takeupTargetPct = 40;
        cycle.lettersBy = cycle.year1Due.plusWeeks(12);
        cycle.plannedPanelDates.clear();
        cycle.plannedPanelDates.addAll(List.of(cycle.year1Due.plusWeeks(4), cycle.year1Due.plusWeeks(6)));
        int year = cycle.year1Opens.getYear();
        cycle.name = year + "–" + String.format("%02d", (year + 2) % 100) + " " + LIVE_CYCLE_MARKER;
    }

    private String demoPasswordHash() {
        PasswordPolicy.problemWith(DEMO_PASSWORD).ifPresent(problem -> {
            throw new IllegalStateException("The demo password breaks the password policy: " + problem);
        });
        return BcryptUtil.bcryptHash(DEMO_PASSWORD, User.BCRYPT_COST);
    }

    private List<User> loadUsers(List<Agency> agencies, String passwordHash) {
        List<User> users = new java.util.ArrayList<>();
        users.add(user("hips.admin", "Morgan Ellis", Roles.PARTNERSHIP_ADMIN, null, null, passwordHash));
        users.add(user("portsmouth.admin", "Sam Okafor", Roles.PARTNERSHIP_ADMIN, null,
                Partnership.of(Area.PORTSMOUTH), passwordHash));
        users.add(user("hampshire.moderator", "Alex Carter", Roles.MODERATOR, null, Partnership.of(Area.HAMPSHIRE), passwordHash));
        users.add(user("iow.moderator", "Jo Whitfield", Roles.MODERATOR, null, Partnership.of(Area.ISLE_OF_WIGHT), passwordHash));
        users.add(user("portsmouth.moderator", "Ravi Patel", Roles.MODERATOR, null, Partnership.of(Area.PORTSMOUTH), passwordHash));
        users.add(user("southampton.moderator", "Chris Morgan", Roles.MODERATOR, null, Partnership.of(Area.SOUTHAMPTON), passwordHash));
        for (Agency agency : agencies) {
            users.add(user("lead." + slug(agency.name), "Lead, " + agency.name, Roles.AGENCY_LEAD, agency, null, passwordHash));
        }
        // a lead of two agencies, in two partnerships: "Change agency" in the page header switches between them
        users.stream().filter(u -> u.email.startsWith("lead." + slug(SECOND_AGENCY_LEAD[0]) + "@")).findFirst()
                .ifPresent(lead -> agencies.stream().filter(a -> a.name.equals(SECOND_AGENCY_LEAD[1])).findFirst()
                        .ifPresent(lead.agencies::add));
        return users;
    }

    private static User user(String localPart, String name, String role, Agency agency, Partnership partnership,
            String passwordHash) {
        User user = new User();
        user.email = localPart + "@" + DEMO_EMAIL_DOMAIN;
        user.displayName = name.length() > 120 ? name.substring(0, 120) : name;
        user.role = role;
        if (agency != null) {
            user.agencies.add(agency);
        }
        user.partnership = partnership;
        user.passwordHash = passwordHash;
        user.persist();
        return user;
    }

    /** Demo users whose role needs two-step sign-in get the published demo secret (unless they set up their own). */
    private void enrolTwoStep(List<User> users) {
        for (User user : users) {
            if (twoStep.requiredFor(user.role) && !twoStep.isSetUp(user.id)) {
                twoStep.enrol(user.id, DEMO_TWO_STEP_SECRET);
            }
        }
    }

    /** The agency's own demo lead (before one who also leads another agency). */
    static User leadOf(Agency agency) {
        return User.find("select u from User u join u.agencies a where a = ?1 order by size(u.agencies), u.id", agency)
                .firstResult();
    }

    /** "Solent & Wessex Police Service" becomes "solent-wessex-police-service". */
    public static String slug(String name) {
        return name.toLowerCase(Locale.ROOT).replace("&", " ").replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    /**
     * One agency in each state of the domain's life cycle, with real answers, actions and frozen versions,
     * so every screen has something to show (see {@link DemoAssessments}).
     */
    private void seedStates(List<Agency> agencies, Cycle historical, Cycle live, User admin) {
        demoAssessments.seed(agencies, historical, live, admin);
    }

    private static <T> T read(String resource, Class<T> type) {
        try (InputStream in = DemoData.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            return new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                    .readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
