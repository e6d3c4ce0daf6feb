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
import org.s11portal.agency.Agency;
import org.s11portal.assessment.Assessment;
import org.s11portal.assessment.AssessmentState;
import org.s11portal.common.config.PortalClock;
import org.s11portal.common.config.PortalConfig;
import org.s11portal.cycle.Cycle;
import org.s11portal.cycle.CycleAgency;
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
 * The daily chase of every deadline (docs/email.md), for the agencies taking part in a cycle and not archived (their
 * active leads): a year-1 due date (an agency's extension replaces the cycle's), started or not,
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

    /**
     * Who is chased: an agency taking part in the assessment's cycle and not archived (an agency archived during a cycle
     * stays a participant but is sent nothing). A JPQL condition on an assessment {@code a}.
     */
    static final String CHASED = " and a.agency.archivedAt is null"
            + " and exists (select p.id from CycleAgency p where p.cycle = a.cycle and p.agency = a.agency)";

    /**
     * Every agency taking part in a live cycle (not archived) whose self-assessment is not submitted yet: not started
     * (with no assessment row at all, or one not started) or in progress.
     */
    private int assessmentsDue(List<Cycle> live, LocalDate today) {
        List<Object[]> open = entityManager.createQuery("""
                select p, a from CycleAgency p join fetch p.cycle join fetch p.agency g
                left join Assessment a on a.cycle = p.cycle and a.agency = p.agency
                where p.cycle in ?1 and g.archivedAt is null and (a.id is null or a.state in ?2)
                order by p.id""", Object[].class)
                .setParameter(1, live).setParameter(2, NOT_YET_SUBMITTED).getResultList();
        Map<String, LocalDate> extended = new HashMap<>();
        DeadlineExtension.<DeadlineExtension>list("cycle in ?1 order by grantedAt, id", live)
                .forEach(e -> extended.put(e.agency.id + ":" + e.cycle.id, e.newDue));
        // an agency's own extension counts only while it is later than the cycle's due date (which "extend for everyone" moves)
        Leads leads = Leads.of(open.stream().map(r -> ((CycleAgency) r[0]).agency.id).toList());
        int written = 0;
        for (Object[] row : open) {
            CycleAgency taking = (CycleAgency) row[0];
            Assessment assessment = (Assessment) row[1];
            Cycle cycle = taking.cycle;
            LocalDate own = extended.get(taking.agency.id + ":" + cycle.id);
            LocalDate due = own != null && own.isAfter(cycle.year1Due) ? own : cycle.year1Due;
            written += chase(due, today, leads.of(taking.agency.id),
                    (step, lead) -> emails.assessmentDue(cycle, taking.agency, assessment, due, step, lead));
        }
        return written;
    }

    private int actionPlansDue(LocalDate today) {
        List<Object[]> rows = entityManager.createQuery("""
                select a, min(l.issuedAt) from FeedbackLetter l join l.assessment a join fetch a.agency join fetch a.cycle
                where a.state = ?1 and l.issuedAt is not null""" + CHASED + " group by a", Object[].class)
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

    /** Every agency taking part in the cycle (not archived), whether or not it has started its self-assessment. */
    private int surveyTakeUpBelowTarget(List<Cycle> live, LocalDate today) {
        int written = 0;
        for (Cycle cycle : live) {
            long daysLeft = java.time.temporal.ChronoUnit.DAYS.between(today, cycle.surveyCloses);
            if (daysLeft < 0 || daysLeft > SURVEY_DAYS_BEFORE_CLOSING || today.isBefore(cycle.surveyOpens)) {
                continue;
            }
            List<Agency> taking = entityManager.createQuery("select g from CycleAgency p join p.agency g"
                    + " where p.cycle = ?1 and g.archivedAt is null order by g.id", Agency.class)
                    .setParameter(1, cycle).getResultList();
            Map<Long, Long> responses = SurveyService.responsesByAgency(cycle);
            Leads leads = Leads.of(taking.stream().map(a -> a.id).toList());
            for (Agency agency : taking) {
                SurveyService.TakeUp takeUp = new SurveyService.TakeUp(agency, agency.headcount,
                        responses.getOrDefault(agency.id, 0L), cycle.takeupTargetPct);
                if (!takeUp.belowTarget()) {
                    continue;
                }
                for (User lead : leads.of(agency.id)) {
                    written += emails.surveyTakeUpLow(agency, cycle, lead) ? 1 : 0;
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
                "select a from Assessment a join fetch a.agency where a.cycle in ?1 and a.state in ?2" + CHASED, live, IN_YEAR_TWO);
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
