package org.s11portal.cycleadmin;

import java.time.LocalDate;

import org.s11portal.common.template.TemplateExtensions;
import org.s11portal.cycle.Cycle;
import org.s11portal.cycle.CycleAgency;
import org.s11portal.mail.Emails;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The emails to the active leads of every agency taking part and not archived ({@link CycleAgency#emailedAgencyIds}) when the HIPS admin
 * opens a cycle or extends it for everyone.
 */
@ApplicationScoped
public class CycleEmails {

    static final String OPENED = "cycle-opened";
    static final String EXTENDED = "cycle-extended";

    @CheckedTemplate(basePath = "mail")
    static class Templates {
        static native TemplateInstance cycleOpened(String cycle, LocalDate due, LocalDate surveyOpens,
                LocalDate surveyCloses, String link);

        static native TemplateInstance cycleExtended(String cycle, LocalDate due, String reason, String link);
    }

    @Inject
    Emails emails;

    /** Writes the email to the outbox in the caller's transaction, once per lead for this cycle. */
    int opened(Cycle cycle) {
        return emails.toLeadsOfAgencies(CycleAgency.emailedAgencyIds(cycle),
                Templates.cycleOpened(cycle.name, cycle.year1Due, cycle.surveyOpens, cycle.surveyCloses,
                        emails.link("/home")),
                OPENED, String.valueOf(cycle.id), "The " + cycle.name + " Section 11 self-assessment is open");
    }

    /** Writes the email to the outbox in the caller's transaction, once per lead for this cycle and new due date. */
    int extended(Cycle cycle, LocalDate newDue, String reason) {
        // an agency whose own extension ends later keeps its date: the new one is not news to it
        java.util.Set<Long> laterOwn = new java.util.HashSet<>(Cycle.getEntityManager().createQuery(
                "select e.agency.id from DeadlineExtension e where e.cycle = ?1 and e.newDue > ?2", Long.class)
                .setParameter(1, cycle).setParameter(2, newDue).getResultList());
        return emails.toLeadsOfAgencies(CycleAgency.emailedAgencyIds(cycle).stream().filter(id -> !laterOwn.contains(id)).toList(),
                Templates.cycleExtended(cycle.name, newDue, reason, emails.link("/home")),
                EXTENDED, cycle.id + ":" + newDue, "The " + cycle.name + " Section 11 self-assessment is now due on "
                        + TemplateExtensions.format(newDue));
    }
}
