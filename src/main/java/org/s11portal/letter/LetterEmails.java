package org.s11portal.letter;

import org.s11portal.mail.Emails;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The email to an agency's leads when its feedback letter is issued (or reissued). */
@ApplicationScoped
public class LetterEmails {

    static final String KIND = "letter-issued";

    @CheckedTemplate(basePath = "mail")
    static class Templates {
        static native TemplateInstance letterIssued(String agencyName, String link);
    }

    @Inject
    Emails emails;

    /** Writes the email to the outbox in the caller's transaction, once per lead for this letter. */
    void issued(FeedbackLetter letter) {
        var agency = letter.assessment.agency;
        emails.toAgencyLeads(agency.id, Templates.letterIssued(agency.name, emails.link("/feedback-letter")), KIND,
                String.valueOf(letter.id), "Your Section 11 feedback letter is ready");
    }
}
