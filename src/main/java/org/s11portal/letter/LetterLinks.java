package org.s11portal.letter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * What the assessment's page needs to know about letters without depending on this package
 * ({@code inject:feedbackLetters.existFor(id)}, one count for moderators only). The lead's home page needs no query:
 * its assessment is "feedback issued" (or later) exactly when a letter has been issued, since only issuing a letter
 * makes that move.
 */
@ApplicationScoped
@Named("feedbackLetters")
public class LetterLinks {

    @Inject
    LetterService letters;

    /** Whether the assessment has a letter (draft, issued or superseded). */
    public boolean existFor(Long assessmentId) {
        return assessmentId != null && letters.hasLetters(assessmentId);
    }
}
