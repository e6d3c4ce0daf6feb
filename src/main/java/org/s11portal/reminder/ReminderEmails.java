package org.s11portal.reminder;

import java.time.LocalDate;

import org.s11portal.account.User;
import org.s11portal.agency.Agency;
import org.s11portal.assessment.Assessment;
import org.s11portal.common.template.TemplateExtensions;
import org.s11portal.cycle.Cycle;
import org.s11portal.mail.Emails;
import org.s11portal.mail.Outbox;
import org.s11portal.monitoring.Checkpoint;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The reminders' emails: one template pair each, written to the outbox once per deadline, step and recipient. */
@ApplicationScoped
public class ReminderEmails {

    @Inject
    Emails emails;

    @Inject
    Outbox outbox;

    @CheckedTemplate(basePath = "mail")
    static class Templates {
        static native TemplateInstance assessmentDue(String name, String agency, String cycle, LocalDate due,
                ReminderLadder.Step step, String link);

        static native TemplateInstance actionPlanDue(String name, String agency, String cycle, LocalDate due,
                ReminderLadder.Step step, String link);

        static native TemplateInstance checkpointDue(String name, String agency, String checkpoint, LocalDate due,
                ReminderLadder.Step step, String link);

        static native TemplateInstance surveyTakeUpLow(String name, String agency, String cycle, LocalDate closes,
                int targetPct, String link);
    }

    /**
     * The agency's self-assessment for the cycle is due. The occasion is the agency's self-assessment of the cycle
     * ({@code <cycle id>-<agency id>}), whether or not it has been started, so starting it between two steps sends no
     * step twice; the link goes to the self-assessment, or to the lead's home page (which starts it) before it exists.
     */
    boolean assessmentDue(Cycle cycle, Agency agency, Assessment assessment, LocalDate due, ReminderLadder.Step step, User lead) {
        String link = emails.link(assessment == null ? "/home" : "/assessments/" + assessment.id);
        return outbox.enqueue(emails.render(
                Templates.assessmentDue(lead.displayName, agency.name, cycle.name, due, step, link),
                "assessment-due", cycle.id + "-" + agency.id + ":" + due + ":" + step.key(), lead, agency.id,
                subject("Your Section 11 self-assessment", due, step)));
    }

    boolean actionPlanDue(Assessment assessment, LocalDate due, ReminderLadder.Step step, User lead) {
        String link = emails.link("/assessments/" + assessment.id + "/year-2");
        return outbox.enqueue(emails.render(
                Templates.actionPlanDue(lead.displayName, assessment.agency.name, assessment.cycle.name, due, step, link),
                "action-plan-due", assessment.id + ":" + due + ":" + step.key(), lead, assessment.agency.id,
                subject("Your agreed Section 11 action plan", due, step)));
    }

    boolean checkpointDue(Assessment assessment, Checkpoint checkpoint, ReminderLadder.Step step, User lead) {
        String link = emails.link("/assessments/" + assessment.id + "/year-2/checkpoints/" + checkpoint.id);
        return outbox.enqueue(emails.render(
                Templates.checkpointDue(lead.displayName, assessment.agency.name, checkpoint.title, checkpoint.dueOn, step, link),
                "checkpoint-due", assessment.id + ":" + checkpoint.id + ":" + step.key(), lead, assessment.agency.id,
                subject("Your Section 11 year 2 progress update", checkpoint.dueOn, step)));
    }

    boolean surveyTakeUpLow(Agency agency, Cycle cycle, User lead) {
        String link = emails.link("/staff-survey");
        return outbox.enqueue(emails.render(
                Templates.surveyTakeUpLow(lead.displayName, agency.name, cycle.name, cycle.surveyCloses,
                        cycle.takeupTargetPct, link),
                "survey-take-up", cycle.id + ":" + agency.id, lead, agency.id,
                "Few of your staff have answered the Section 11 staff survey yet"));
    }

    static String subject(String what, LocalDate due, ReminderLadder.Step step) {
        if (step.overdue()) {
            return what + " was due on " + TemplateExtensions.format(due);
        }
        return what + " is due " + (step.daysLeft() == 0 ? "today" : step.daysLeft() == 1 ? "tomorrow"
                : "in " + step.daysLeft() + " days") + ", on " + TemplateExtensions.format(due);
    }
}
