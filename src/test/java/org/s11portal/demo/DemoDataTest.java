package org.s11portal.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.s11portal.account.Roles;
import org.s11portal.account.User;
import org.s11portal.agency.Agency;
import org.s11portal.common.config.PortalClock;
import org.s11portal.cycle.Cycle;
import org.s11portal.support.WebSession;
import org.s11portal.tool.Tool;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

@QuarkusTest
@TestProfile(DemoDatabase.class)
class DemoDataTest {

    @Inject
    PortalClock clock;

    @Inject
    DemoData demoData;

    @Test
    void loadsTheToolAgenciesCyclesAndAUserForEveryRoleOnceOnly() {
        demoData.load();
        demoData.load();

        Snapshot snapshot = snapshot();
        assertEquals(10, snapshot.tool.standards.size());
        assertEquals(36, snapshot.tool.questionCount());
        assertTrue(snapshot.demoAgencies.size() >= 20, "at least 20 demo agencies");
        assertTrue(snapshot.demoAgencies.stream().anyMatch(Agency::isJoint), "some joint agencies");
        assertTrue(snapshot.demoAgencies.stream().anyMatch(a -> !a.isJoint()), "some single-area agencies");
        assertEquals(1, snapshot.historicalCycles);
        assertNotNull(snapshot.live, "a live cycle running today");
        assertTrue(snapshot.live.year1Due.isAfter(clock.today()), "open work in the live cycle");
        for (String role : List.of(Roles.AGENCY_LEAD, Roles.MODERATOR, Roles.PARTNERSHIP_ADMIN)) {
            assertFalse(snapshot.demoUsers.stream().noneMatch(u -> u.role.equals(role)), "a demo " + role);
        }
    }

    @Test
    void theDemoHasADatabaseOfItsOwn() {
        demoData.load();
        assertEquals(snapshot().demoAgencies.size(), agencyCount(), "no agency but the demo's: no other test's rows");
    }

    @Test
    void demoUsersSignInWithThePublishedPassword() {
        demoData.load();
        WebSession session = WebSession.anonymous();
        assertEquals(303, session.signIn("hips.admin@" + DemoData.DEMO_EMAIL_DOMAIN, DemoData.DEMO_PASSWORD).statusCode());
        assertEquals(303, WebSession.anonymous().signIn(
                "lead.solent-wessex-police-service@" + DemoData.DEMO_EMAIL_DOMAIN, DemoData.DEMO_PASSWORD).statusCode());
    }

    @Test
    void theReadmesLeadOfTwoAgenciesWorksForIslandYouthTrustAndCanChangeToPortseaIslandYouthClub() {
        demoData.load();
        WebSession lead = WebSession.anonymous();
        assertEquals(303, lead.signIn("lead.island-youth-trust@" + DemoData.DEMO_EMAIL_DOMAIN, DemoData.DEMO_PASSWORD)
                .statusCode());
        lead.get("/home").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("Working for <strong>Island Youth Trust</strong>"));
        lead.get("/account/agency").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("Portsea Island Youth Club"));
    }

    @Test
    void theClosedCycleShowsSurveyResultsWithASmallAgencyLeftOut() {
        demoData.load();
        long historical = historicalCycleId();
        java.util.Map<Long, Long> perAgency = answersPerAgency(historical);
        assertTrue(perAgency.containsValue(3L), "an agency with 3 answers: left out");
        Long seven = perAgency.entrySet().stream().filter(e -> e.getValue() == 7L).map(java.util.Map.Entry::getKey)
                .findFirst().orElseThrow();
        WebSession admin = WebSession.anonymous();
        admin.signIn("hips.admin@" + DemoData.DEMO_EMAIL_DOMAIN, DemoData.DEMO_PASSWORD);
        admin.get("/survey-results?cycle=" + historical).then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("(1 agency here)"))
                .body(org.hamcrest.Matchers.containsString("app-chart__bar"));
        admin.get("/survey-results?cycle=" + historical + "&agency=" + seven).then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("7 responses"))
                .body(org.hamcrest.Matchers.containsString("Written answers are shown only from agencies where at least 10"));
    }

    @Transactional
    @Test
    void theEmailsPageShowsWhatTheDemoWouldHaveSent() {
        demoData.load();
        demoData.load();
        java.util.Map<String, Long> kinds = outboxKinds();
        assertEquals(1L, kinds.get("returned"), "the live cycle's returned submission, to its one lead, once");
        assertTrue(kinds.getOrDefault("letter-issued", 0L) >= 2, "the demo panels' issued letters: " + kinds);
        WebSession admin = WebSession.anonymous();
        admin.signIn("hips.admin@" + DemoData.DEMO_EMAIL_DOMAIN, DemoData.DEMO_PASSWORD);
        admin.get("/emails").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("Your Section 11 self-assessment needs more information"));
    }

    @Transactional
    java.util.Map<String, Long> outboxKinds() {
        java.util.Map<String, Long> counts = new java.util.HashMap<>();
        for (Object[] row : org.s11portal.mail.OutboxMessage.getEntityManager()
                .createQuery("select m.kind, count(m) from OutboxMessage m group by m.kind", Object[].class).getResultList()) {
            counts.put((String) row[0], (Long) row[1]);
        }
        return counts;
    }

    long agencyCount() {
        return Agency.count();
    }

    @Transactional
    long historicalCycleId() {
        return Cycle.findByName(DemoData.HISTORICAL_CYCLE).id;
    }

    @Transactional
    java.util.Map<Long, Long> answersPerAgency(long cycleId) {
        java.util.Map<Long, Long> counts = new java.util.HashMap<>();
        org.s11portal.survey.SurveyResponse.<org.s11portal.survey.SurveyResponse>list("cycle.id", cycleId)
                .forEach(r -> counts.merge(r.agency.id, 1L, Long::sum));
        return counts;
    }

    record Snapshot(Tool tool, List<Agency> demoAgencies, long historicalCycles, Cycle live, List<User> demoUsers) {
    }

    @Transactional
    Snapshot snapshot() {
        Tool tool = Tool.findByVersion(DemoData.TOOL_VERSION);
        tool.standards.forEach(s -> s.questions.size());
        List<Agency> agencies = Agency.list("select distinct a from User u join u.agencies a where u.email like ?1",
                "lead.%@" + DemoData.DEMO_EMAIL_DOMAIN);
        Cycle live = Cycle.find("name like ?1", "%" + DemoData.LIVE_CYCLE_MARKER).firstResult();
        return new Snapshot(tool, agencies, Cycle.count("name", DemoData.HISTORICAL_CYCLE), live,
                User.list("email like ?1", "%@" + DemoData.DEMO_EMAIL_DOMAIN));
    }
}
