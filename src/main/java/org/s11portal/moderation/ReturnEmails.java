package org.s11portal.moderation;

import org.s11portal.assessment.Assessment;
import org.s11portal.mail.Emails;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The email to an agency's leads when a moderator returns their submission for more information. */
@ApplicationScoped
public class ReturnEmails {

    static final String KIND = "returned";

    @CheckedTemplate(basePath = "mail")
    static class Templates {
        static native TemplateInstance returned(String agencyName, String cycleName, String link);
    }

    @Inject
    Emails emails;

    /** Writes the email to the outbox in the caller's transaction, once per lead for this return of this version. */
    public void returned(Assessment assessment, int versionNumber) {
        emails.toAgencyLeads(assessment.agency.id,
                Templates.returned(assessment.agency.name, assessment.cycle.name, emails.link("/assessments/" + assessment.id)),
                KIND, assessment.id + ":" + versionNumber, "Your Section 11 self-assessment needs more information");
    }
}
