package org.s11portal.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.s11portal.account.User;
import org.s11portal.assessment.ActionItem;
import org.s11portal.assessment.ActionStatus;
import org.s11portal.assessment.Assessment;
import org.s11portal.assessment.AssessmentLifecycle;
import org.s11portal.assessment.AssessmentLifecycle.Actor;
import org.s11portal.assessment.AssessmentLifecycle.Move;
import org.s11portal.common.config.PortalClock;
import org.s11portal.cycle.Cycle;
import org.s11portal.monitoring.Checkpoint;
import org.s11portal.monitoring.CheckpointReturn;
import org.s11portal.monitoring.InformationRequest;
import org.s11portal.monitoring.ProgressUpdate;
import org.s11portal.monitoring.YearTwoRecord;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Year 2 of the historical 2020–22 cycle: two checkpoints; one agency still to confirm its agreed plan (so the cycle
 * can be walked from the letter to closed in the browser); two monitored, with progress on track, at risk, complete
 * and overdue, one checkpoint answered late and one not at all, and a moderator's open request; the rest closed
 * after the panel check with a conclusion, two of them with an action left open to carry into the live cycle.
 */
@ApplicationScoped
class DemoMonitoring {

    static final String MARCH_CHECKPOINT = "Progress update by 31 March 2022";
    static final String JUNE_CHECKPOINT = "Return for the year 2 panel check by 30 June 2022";
    /** The historical assessment (by position) that waits for its lead to confirm the agreed plan. */
    static final int AWAITING_AGREEMENT = 6;
    private static final Actor SYSTEM = Actor.system();

    @Inject
    AssessmentLifecycle lifecycle;

    @Inject
    PortalClock clock;

    void historical(Cycle cycle, List<Assessment> assessments) {
        Checkpoint march = Checkpoint.add(cycle, MARCH_CHECKPOINT, cycle.year2Due);
        Checkpoint june = Checkpoint.add(cycle, JUNE_CHECKPOINT, LocalDate.of(2022, 6, 30));
        for (int i = 0; i < assessments.size(); i++) {
            Assessment assessment = assessments.get(i);
            if (i == AWAITING_AGREEMENT) {
                continue;
            }
            User lead = DemoData.leadOf(assessment.agency);
            agree(assessment, lead, LocalDate.of(2021, 3, 24));
            List<ActionItem> actions = ActionItem.forAssessment(assessment);
            if (i == 0) {
                // mixed progress: on track, at risk, complete; March answered on time, June not at all; asked for more
                update(actions, 0, lead, LocalDate.of(2021, 9, 14), ActionStatus.ON_TRACK,
                        "Workshops booked for every team; half have been held.", null, null);
                update(actions, 1, lead, LocalDate.of(2021, 11, 2), ActionStatus.AT_RISK,
                        "The trainer left in October and the replacement starts in January, so the last sessions are delayed.", null, null);
                update(actions, 2, lead, LocalDate.of(2022, 2, 21), ActionStatus.COMPLETE,
                        "The audit of 20 case records was done and reported to the board.",
                        "Concerns about children are now recorded on the day and shared with the front door within 24 hours in 18 of 20 cases.",
                        "Case record audit report, February 2022; board minutes, 3 March 2022.");
                sent(march, assessment, lead, LocalDate.of(2022, 3, 28),
                        "Two actions on track or complete; the training action is at risk until the new trainer starts.");
                InformationRequest request = new InformationRequest();
                request.assessment = assessment;
                request.askedAt = at(LocalDate.of(2022, 4, 20), LocalTime.of(9, 30));
                request.askedByName = "Alex Carter";
                request.request = "Please send the new date for the remaining training sessions and who will deliver them.";
                request.persist();
            } else if (i == 3) {
                // one complete, the rest left as planned (overdue); March answered late, June not at all
                update(actions, 0, lead, LocalDate.of(2021, 12, 10), ActionStatus.COMPLETE,
                        "The new supervision policy is in use in every team.",
                        "Children's views are now recorded at every supervision of their case.",
                        "Supervision audit, December 2021.");
                sent(march, assessment, lead, LocalDate.of(2022, 4, 12),
                        "One action complete; the others have not started because of staff vacancies.");
            } else {
                boolean leaveOneOpen = i == 4 || i == 7;
                for (int n = 0; n < actions.size(); n++) {
                    boolean open = leaveOneOpen && n == actions.size() - 1;
                    update(actions, n, lead, LocalDate.of(2022, 2, 1).plusDays(7L * n), open ? ActionStatus.ON_TRACK : ActionStatus.COMPLETE,
                            open ? "Half of the planned work is done; the rest moves into the next cycle's plan."
                                    : "Done as planned and reviewed at the safeguarding group.",
                            open ? null : "Staff report more confidence in acting on concerns, and referrals give clearer reasons.",
                            open ? null : "Safeguarding group minutes and the follow-up survey of staff.");
                }
                sent(march, assessment, lead, LocalDate.of(2022, 3, 25), "Every action complete or on track.");
                sent(june, assessment, lead, LocalDate.of(2022, 6, 24), "Ready for the panel check: see the updates on each action.");
                YearTwoRecord record = YearTwoRecord.of(assessment);
                record.conclusion = leaveOneOpen
                        ? "Good progress: all but one action complete with evidence of impact. The open action is carried into the next cycle's plan."
                        : "All actions complete, with evidence of what changed for children. No further action for this cycle.";
                record.concludedAt = at(LocalDate.of(2022, 7, 12), LocalTime.of(15, 0));
                record.concludedByName = "Alex Carter";
                lifecycle.move(assessment, Move.CLOSE, SYSTEM, "Closed after the year 2 panel check (demo data)");
            }
        }
    }

    /** The live cycle's progress-update checkpoint, kept on the cycle's year 2 date as it moves with today. */
    void liveCheckpoint(Cycle live) {
        if (live == null) {
            return;
        }
        Checkpoint checkpoint = Checkpoint.find("cycle", live).firstResult();
        if (checkpoint == null) {
            checkpoint = Checkpoint.add(live, "Progress update", live.year2Due);
        }
        checkpoint.dueOn = live.year2Due;
        checkpoint.title = "Progress update by " + org.s11portal.common.template.TemplateExtensions.format(live.year2Due);
    }

    private void agree(Assessment assessment, User lead, LocalDate on) {
        lifecycle.move(assessment, Move.START_MONITORING, SYSTEM, "Agreed action plan confirmed (demo data)");
        YearTwoRecord record = YearTwoRecord.getOrCreate(assessment);
        record.planAgreedAt = at(on, LocalTime.of(10, 0));
        record.planAgreedByName = lead.displayName;
    }

    private void update(List<ActionItem> actions, int index, User lead, LocalDate on, ActionStatus status, String done,
            String children, String evidence) {
        if (index >= actions.size()) {
            return;
        }
        ProgressUpdate update = new ProgressUpdate();
        update.action = actions.get(index);
        update.postedAt = at(on, LocalTime.of(14, 0));
        update.author = lead;
        update.authorName = lead.displayName;
        update.done = done;
        update.childrenChange = children;
        update.evidence = evidence;
        update.status = status;
        update.persist();
        update.action.status = status;
    }

    private void sent(Checkpoint checkpoint, Assessment assessment, User lead, LocalDate on, String summary) {
        CheckpointReturn sent = new CheckpointReturn();
        sent.checkpoint = checkpoint;
        sent.assessment = assessment;
        sent.sentAt = at(on, LocalTime.of(16, 0));
        sent.sentByName = lead.displayName;
        sent.summary = summary;
        sent.persist();
    }

    private Instant at(LocalDate day, LocalTime time) {
        return day.atTime(time).atZone(clock.clock().getZone()).toInstant();
    }
}
