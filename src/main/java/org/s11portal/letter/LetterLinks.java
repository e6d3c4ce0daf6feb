package org.s11portal.letter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * What pages of other features need to know about letters, without depending on this package: the lead's home page
 * ({@code inject:feedbackLetters.leadHasIssued}) and the assessment's page ({@code inject:feedbackLetters.existFor(id)}).
 */
@ApplicationScoped
@Named("feedbackLetters")
public class LetterLinks {

    @Inject
    LetterService letters;

    /** Whether the signed-in lead's agency has an issued letter to read. */
    public boolean leadHasIssued() {
        return letters.leadHasIssuedLetter();
    }

    /** Whether the assessment has a letter (draft, issued or superseded). */
    public boolean existFor(Long assessmentId) {
        return assessmentId != null && letters.hasLetters(assessmentId);
    }
}
