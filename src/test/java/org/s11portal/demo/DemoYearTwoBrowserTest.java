package org.s11portal.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.s11portal.agency.Area;
import org.s11portal.assessment.ActionItem;
import org.s11portal.assessment.ActionStatus;
import org.s11portal.assessment.Assessment;
import org.s11portal.assessment.AssessmentState;
import org.s11portal.common.config.PortalClock;
import org.s11portal.cycle.Cycle;
import org.s11portal.monitoring.ActionRag;
import org.s11portal.monitoring.Checkpoint;
import org.s11portal.monitoring.CheckpointAnswer;
import org.s11portal.monitoring.CheckpointReturn;
import org.s11portal.monitoring.ProgressUpdate;
import org.s11portal.monitoring.YearTwoRecord;
import org.s11portal.support.Browser;
import org.s11portal.support.BrowserTest;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Year 2 of the demo's historical 2020–22 cycle: progress on track, at risk, complete and overdue, one checkpoint
 * answered late and one not at all, closed agencies with a conclusion; and the cycle walked in Chromium from the
 * letter to closed by the demo users.
 */
@QuarkusTest
@TestProfile(DemoDatabase.class)
class DemoYearTwoBrowserTest extends BrowserTest {

    @Inject
    DemoData demoData;

    @Inject
    PortalClock clock;

    record YearTwo(Map<AssessmentState, Long> states, Set<ActionStatus> monitoredStatuses, long overdue,
            Set<CheckpointAnswer> monitoredAnswers, long closedWithConclusion, long updates, long closedWithOpenActions) {
    }

    @Transactional
    YearTwo yearTwo() {
        Cycle cycle = Cycle.findByName(DemoData.HISTORICAL_CYCLE);
        List<Assessment> assessments = Assessment.list("cycle", cycle);
        List<Checkpoint> checkpoints = Checkpoint.forCycle(cycle);
        List<Assessment> monitored = assessments.stream().filter(a -> a.state == AssessmentState.MONITORING).toList();
        List<ActionItem> monitoredActions = monitored.stream().flatMap(a -> ActionItem.forAssessment(a).stream()).toList();
        Map<Long, CheckpointReturn> sent = CheckpointReturn.forAssessments(monitored).stream()
                .collect(Collectors.toMap(r -> r.checkpoint.id * 1_000_000 + r.assessment.id, r -> r));
        Set<CheckpointAnswer> answers = monitored.stream().flatMap(a -> checkpoints.stream()
                .map(c -> CheckpointAnswer.of(c, sent.get(c.id * 1_000_000 + a.id), clock.today(), clock.clock().getZone())))
                .collect(Collectors.toSet());
        List<Assessment> closed = assessments.stream().filter(a -> a.state == AssessmentState.CLOSED).toList();
        return new YearTwo(assessments.stream().collect(Collectors.groupingBy(a -> a.state, () -> new EnumMap<>(AssessmentState.class),
                Collectors.counting())),
                monitoredActions.stream().map(a -> a.status).collect(Collectors.toSet()),
                monitoredActions.stream().filter(a -> ActionRag.overdue(a, clock.today())).count(), answers,
                closed.stream().filter(a -> YearTwoRecord.of(a) != null && YearTwoRecord.of(a).conclusion != null).count(),
                ProgressUpdate.count(), closed.stream().filter(a -> ActionItem.forAssessment(a).stream().anyMatch(x -> x.status.isOpen())).count());
    }

    @Test
    void theHistoricalCycleShowsEveryKindOfProgressAndCheckpointAnswer() {
        demoData.load();
        YearTwo y = yearTwo();
        // the walk below closes the one waiting for its agreed plan, whichever runs first
        assertEquals(2L, y.states().get(AssessmentState.MONITORING), "two monitored: " + y.states());
        assertEquals(7L, y.states().getOrDefault(AssessmentState.FEEDBACK_ISSUED, 0L) + y.states().get(AssessmentState.CLOSED),
                "one to agree its plan, the rest closed: " + y.states());
        assertTrue(y.monitoredStatuses().containsAll(Set.of(ActionStatus.ON_TRACK, ActionStatus.AT_RISK, ActionStatus.COMPLETE)),
                "on track, at risk and complete: " + y.monitoredStatuses());
        assertTrue(y.overdue() > 0, "overdue actions");
        assertTrue(y.monitoredAnswers().containsAll(Set.of(CheckpointAnswer.ON_TIME, CheckpointAnswer.LATE, CheckpointAnswer.MISSING)),
                "a checkpoint answered on time, one late and one not at all: " + y.monitoredAnswers());
        assertEquals(y.states().get(AssessmentState.CLOSED).longValue(), y.closedWithConclusion(), "every closed agency with its conclusion");
        assertTrue(y.closedWithOpenActions() >= 1, "an open action to carry into the live cycle");
        assertTrue(y.updates() >= 10, "progress updates posted");
    }

    @Transactional
    Assessment awaitingAgreement() {
        Assessment a = Assessment.find("cycle.name = ?1 and state = ?2", DemoData.HISTORICAL_CYCLE, AssessmentState.FEEDBACK_ISSUED)
                .firstResult();
        a.agency.areas.size();
        return a;
    }

    private static final Map<Area, String> MODERATORS = Map.of(Area.HAMPSHIRE, "hampshire", Area.ISLE_OF_WIGHT, "iow",
            Area.PORTSMOUTH, "portsmouth", Area.SOUTHAMPTON, "southampton");

    private static void step(Page page, String name) {
        Browser.assertAccessible(page);
        Browser.screenshot(page, "demo-year2-" + name);
    }

    @Test
    void theHistoricalCycleIsWalkedFromTheLetterToClosedByTheDemoUsers() {
        demoData.load();
        Assessment assessment = awaitingAgreement();
        String leadEmail = "lead." + DemoData.slug(assessment.agency.name) + "@" + DemoData.DEMO_EMAIL_DOMAIN;
        Page lead = browser.signedIn(leadEmail, DemoData.DEMO_PASSWORD);
        lead.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Your action plan for " + DemoData.HISTORICAL_CYCLE)).click();
        lead.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm the agreed action plan")).click();
        lead.waitForSelector(".govuk-notification-banner--success");
        step(lead, "01-lead-agreed");
        lead.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Post an update")).first().click();
        lead.check("#status-COMPLETE");
        lead.fill("#done", "Done as planned");
        lead.fill("#childrenChange", "Children's views are recorded in every plan");
        lead.fill("#evidence", "Audit of 30 plans");
        lead.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Post the update")).click();
        lead.waitForSelector(".govuk-notification-banner--success");

        String area = MODERATORS.get(assessment.agency.areasInOrder().get(0).code);
        Page moderator = browser.signedIn((assessment.agency.isJoint() ? "hampshire" : area) + ".moderator@" + DemoData.DEMO_EMAIL_DOMAIN,
                DemoData.DEMO_PASSWORD);
        moderator.locator("#year-two-link").click();
        moderator.selectOption("#cycle", new SelectOption().setLabel(DemoData.HISTORICAL_CYCLE));
        moderator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show agencies")).click();
        moderator.waitForURL("**cycle=**");
        step(moderator, "02-moderator-historical");
        moderator.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(assessment.agency.name).setExact(true)).click();
        moderator.fill("#conclusion", "All actions on track after a late start.");
        moderator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record the conclusion")).click();
        moderator.waitForSelector(".govuk-notification-banner--success");
        moderator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Close this agency's cycle")).click();
        moderator.waitForSelector("#closed");
        step(moderator, "03-moderator-closed");
        assertEquals(AssessmentState.CLOSED, state(assessment.id));
    }

    @Transactional
    AssessmentState state(long id) {
        return Assessment.<Assessment>findById(id).state;
    }
}
