package org.s11portal.reminder;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;

import org.jboss.logging.Logger;
import org.s11portal.account.User;
import org.s11portal.assessment.Assessment;
import org.s11portal.assessment.AssessmentState;
import org.s11portal.common.config.PortalClock;
import org.s11portal.common.config.PortalConfig;
import org.s11portal.cycle.Cycle;
import org.s11portal.cycle.DeadlineExtension;
import org.s11portal.letter.ActionPlanDue;
import org.s11portal.mail.Emails;
import org.s11portal.monitoring.Checkpoint;
import org.s11portal.monitoring.CheckpointReturn;
import org.s11portal.survey.SurveyService;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The daily chase of every deadline (docs/email.md): a year-1 due date (an agency's extension replaces the cycle's),
 * the agreed action plan after the letter, a staff survey whose take-up is below target in its last week, and each
 * year-2 checkpoint an agency has not answered yet. Each
 * reminder is written to the outbox under a key naming the deadline, the step of {@link ReminderLadder} and the
 * recipient, so a second run on the same day, on another instance or after a restart, writes nothing new.
 */
@ApplicationScoped
public class Reminders {

    private static final Logger LOG = Logger.getLogger(Reminders.class);
    static final EnumSet<AssessmentState> NOT_YET_SUBMITTED = EnumSet.of(AssessmentState.NOT_STARTED, AssessmentState.IN_PROGRESS);
    static final EnumSet<AssessmentState> IN_YEAR_TWO = EnumSet.of(AssessmentState.FEEDBACK_ISSUED, AssessmentState.MONITORING);
    static final int SURVEY_DAYS_BEFORE_CLOSING = 7;

    @Inject
    PortalClock clock;

    @Inject
    PortalConfig config;

    @Inject
    EntityManager entityManager;

    @Inject
    ReminderEmails emails;

    /** How many reminders of each kind a run wrote to the outbox (a repeated run writes none). */
    public record Written(int assessmentDue, int actionPlanDue, int surveyTakeUp, int checkpointDue) {
        public int total() {
            return assessmentDue + actionPlanDue + surveyTakeUp + checkpointDue;
        }
    }

    @Scheduled(identity = "reminders", cron = "${portal.reminders.cron}", timeZone = "${portal.timezone}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void daily() {
        Written written = run(clock.today());
        LOG.infof("reminders wrote %d emails: %d assessment due, %d action plan due, %d survey take-up, %d checkpoint due",
                written.total(), written.assessmentDue(), written.actionPlanDue(), written.surveyTakeUp(), written.checkpointDue());
    }

    @Transactional
    public Written run(LocalDate today) {
        List<Cycle> live = Cycle.runningOn(today);
        if (live.isEmpty()) {
            return new Written(0, 0, 0, 0);
        }
        return new Written(assessmentsDue(live, today), actionPlansDue(today), surveyTakeUpBelowTarget(live, today),
                checkpointsDue(live, today));
    }

    private int assessmentsDue(List<Cycle> live, LocalDate today) {
        List<Assessment> open = Assessment.list(
                "select a from Assessment a join fetch a.agency join fetch a.cycle where a.cycle in ?1 and a.state in ?2",
                live, NOT_YET_SUBMITTED);
        Map<String, LocalDate> extended = new HashMap<>();
        DeadlineExtension.<DeadlineExtension>list("cycle in ?1 order by grantedAt, id", live)
                .forEach(e -> extended.put(e.agency.id + ":" + e.cycle.id, e.newDue));
        // an agency's own extension counts only while it is later than the cycle's due date (which "extend for everyone" moves)
        Leads leads = Leads.of(open.stream().map(a -> a.agency.id).toList());
        int written = 0;
        for (Assessment assessment : open) {
            LocalDate own = extended.get(assessment.agency.id + ":" + assessment.cycle.id);
            LocalDate due = own != null && own.isAfter(assessment.cycle.year1Due) ? own : assessment.cycle.year1Due;
            written += chase(due, today, leads.of(assessment.agency.id), (step, lead) -> emails.assessmentDue(assessment, due, step, lead));
        }
        return written;
    }

    private int actionPlansDue(LocalDate today) {
        List<Object[]> rows = entityManager.createQuery("""
                select a, min(l.issuedAt) from FeedbackLetter l join l.assessment a join fetch a.agency join fetch a.cycle
                where a.state = ?1 and l.issuedAt is not null group by a""", Object[].class)
                .setParameter(1, AssessmentState.FEEDBACK_ISSUED).getResultList();
        Leads leads = Leads.of(rows.stream().map(r -> ((Assessment) r[0]).agency.id).toList());
        int written = 0;
        for (Object[] row : rows) {
            Assessment assessment = (Assessment) row[0];
            LocalDate due = ActionPlanDue.afterLetterIssuedOn(LocalDate.ofInstant((java.time.Instant) row[1], config.timezone()),
                    assessment.cycle);
            written += chase(due, today, leads.of(assessment.agency.id), (step, lead) -> emails.actionPlanDue(assessment, due, step, lead));
        }
        return written;
    }

    private int surveyTakeUpBelowTarget(List<Cycle> live, LocalDate today) {
        int written = 0;
        for (Cycle cycle : live) {
            long daysLeft = java.time.temporal.ChronoUnit.DAYS.between(today, cycle.surveyCloses);
            if (daysLeft < 0 || daysLeft > SURVEY_DAYS_BEFORE_CLOSING || today.isBefore(cycle.surveyOpens)) {
                continue;
            }
            List<Assessment> taking = Assessment.list("select a from Assessment a join fetch a.agency where a.cycle = ?1", cycle);
            Map<Long, Long> responses = SurveyService.responsesByAgency(cycle);
            Leads leads = Leads.of(taking.stream().map(a -> a.agency.id).toList());
            for (Assessment assessment : taking) {
                SurveyService.TakeUp takeUp = new SurveyService.TakeUp(assessment.agency, assessment.agency.headcount,
                        responses.getOrDefault(assessment.agency.id, 0L), cycle.takeupTargetPct);
                if (!takeUp.belowTarget()) {
                    continue;
                }
                for (User lead : leads.of(assessment.agency.id)) {
                    written += emails.surveyTakeUpLow(assessment, cycle, lead) ? 1 : 0;
                }
            }
        }
        return written;
    }

    /** Year 2: every checkpoint of a live cycle that a monitored agency has not yet sent its return for. */
    private int checkpointsDue(List<Cycle> live, LocalDate today) {
        List<Checkpoint> checkpoints = Checkpoint.list("cycle in ?1 order by dueOn, id", live);
        if (checkpoints.isEmpty()) {
            return 0;
        }
        List<Assessment> monitored = Assessment.list(
                "select a from Assessment a join fetch a.agency where a.cycle in ?1 and a.state in ?2", live, IN_YEAR_TWO);
        Set<String> sent = CheckpointReturn.forAssessments(monitored).stream()
                .map(r -> r.assessment.id + ":" + r.checkpoint.id).collect(Collectors.toSet());
        Leads leads = Leads.of(monitored.stream().map(a -> a.agency.id).toList());
        int written = 0;
        for (Assessment assessment : monitored) {
            for (Checkpoint checkpoint : checkpoints) {
                if (!checkpoint.cycle.id.equals(assessment.cycle.id) || sent.contains(assessment.id + ":" + checkpoint.id)) {
                    continue;
                }
                written += chase(checkpoint.dueOn, today, leads.of(assessment.agency.id),
                        (step, lead) -> emails.checkpointDue(assessment, checkpoint, step, lead));
            }
        }
        return written;
    }

    /** Writes the step of the ladder due today, if any, to each lead; returns how many emails were new. */
    private static int chase(LocalDate due, LocalDate today, List<User> leads, BiPredicate<ReminderLadder.Step, User> email) {
        ReminderLadder.Step step = ReminderLadder.stepOn(due, today);
        if (step == null) {
            return 0;
        }
        int written = 0;
        for (User lead : leads) {
            written += email.test(step, lead) ? 1 : 0;
        }
        return written;
    }

    /** The active agency leads of a set of agencies, loaded in one query. */
    record Leads(Map<Long, List<User>> byAgency) {

        static Leads of(List<Long> agencyIds) {
            if (agencyIds.isEmpty()) {
                return new Leads(Map.of());
            }
            // a lead of two of the agencies is chased for each
            return new Leads(Emails.activeLeadsOf(agencyIds).stream().collect(Collectors.groupingBy(Emails.AgencyLead::agencyId,
                    Collectors.mapping(Emails.AgencyLead::user, Collectors.toCollection(ArrayList::new)))));
        }

        List<User> of(long agencyId) {
            return byAgency.getOrDefault(agencyId, List.of());
        }
    }
}
