package org.s11portal.letter;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Builds the API's letter JSON inside one transaction (the letters' lazy parts are read there). */
@ApplicationScoped
public class LetterJsons {

    @Inject
    LetterService letters;

    @Transactional
    public LetterApiResource.LetterJson letter(long letterId) {
        return LetterApiResource.LetterJson.of(letters.issued(letterId));
    }

    @Transactional
    public List<LetterApiResource.LetterJson> ofAssessment(long assessmentId) {
        return letters.issuedLettersOf(assessmentId).letters().stream().map(LetterApiResource.LetterJson::of).toList();
    }
}
