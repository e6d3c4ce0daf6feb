package org.s11portal.letter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.s11portal.account.User;
import org.s11portal.agency.Area;
import org.s11portal.assessment.AssessmentState;
import org.s11portal.support.Fixtures;
import org.s11portal.support.SignedIn;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;

/** Issuing many letters with several threads: the same letters, hashes and states as issuing them one by one. */
@QuarkusTest
class LetterBatchTest {

    @Inject
    Fixtures fixtures;

    @Inject
    LetterFixtures letters;

    @Inject
    LetterBatch batch;

    @Inject
    SignedIn signedIn;

    @Test
    void threadsIssueEveryDraftWithItsHashAndMoveEachAssessment() {
        for (int threads : new int[] { 1, 3 }) {
            List<LetterFixtures.Scenario> drafts = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                drafts.add(letters.moderatedWithDraft(i % 2 == 0 ? Area.HAMPSHIRE : Area.PORTSMOUTH, Area.SOUTHAMPTON));
            }
            LetterFixtures.Scenario notModerated = letters.withDraft(AssessmentState.SUBMITTED, Area.HAMPSHIRE, Area.SOUTHAMPTON);
            User moderator = fixtures.moderator(Area.SOUTHAMPTON);
            List<Long> ids = new ArrayList<>(drafts.stream().map(s -> s.draft().id).toList());
            ids.add(2, notModerated.draft().id);

            List<LetterService.IssueOutcome> outcomes = signedIn.as(moderator, () -> batch.issue(ids, threads));

            assertEquals(ids.size(), outcomes.size());
            assertInstanceOf(LetterService.NotIssued.class, outcomes.get(2), "the lifecycle refuses a submitted assessment");
            assertEquals(LetterState.DRAFT, letters.reload(notModerated.draft()).state);
            assertEquals(AssessmentState.SUBMITTED, fixtures.reload(notModerated.assessment()).state);
            for (LetterFixtures.Scenario s : drafts) {
                int at = ids.indexOf(s.draft().id);
                assertInstanceOf(LetterService.Issued.class, outcomes.get(at), "outcomes are in the order of the ids");
                assertEquals(s.draft().id, ((LetterService.Issued) outcomes.get(at)).letter().id);
                FeedbackLetter issued = letters.reload(s.draft());
                assertEquals(LetterState.ISSUED, issued.state);
                assertEquals(Sha256.hex(issued.pdf), issued.sha256, "the stored hash is of the stored bytes");
                assertTrue(new String(issued.pdf, 0, 5, StandardCharsets.US_ASCII).startsWith("%PDF"));
                assertTrue(issued.contentJson.contains(s.agency().name), "each PDF is made from its own letter");
                assertEquals(moderator.displayName, issued.issuedByName);
                assertEquals(AssessmentState.FEEDBACK_ISSUED, fixtures.reload(s.assessment()).state);
            }
        }
    }

    @Test
    void issuingAgainRefusesTheLettersThatAreNoLongerDrafts() {
        LetterFixtures.Scenario s = letters.moderatedWithDraft(Area.HAMPSHIRE, Area.PORTSMOUTH);
        User moderator = fixtures.moderator(Area.HAMPSHIRE);
        signedIn.as(moderator, () -> batch.issue(List.of(s.draft().id), 2));
        String hash = letters.reload(s.draft()).sha256;

        List<LetterService.IssueOutcome> again = signedIn.as(moderator, () -> batch.issue(List.of(s.draft().id), 2));

        LetterService.NotIssued refused = assertInstanceOf(LetterService.NotIssued.class, again.get(0));
        assertEquals("This letter has already been issued", refused.reason());
        assertEquals(hash, letters.reload(s.draft()).sha256, "the issued letter is unchanged");
        assertEquals(1, letters.lettersOf(s.assessment()).size());
    }

    @Test
    void aLetterOutOfScopeOrSomeoneNotAModeratorIssuesNothing() {
        LetterFixtures.Scenario joint = letters.moderatedWithDraft(Area.HAMPSHIRE, Area.SOUTHAMPTON);
        LetterFixtures.Scenario local = letters.moderatedWithDraft(Area.ISLE_OF_WIGHT);
        List<Long> ids = List.of(joint.draft().id, local.draft().id);

        assertThrows(NotFoundException.class, () -> signedIn.as(fixtures.moderator(Area.SOUTHAMPTON), () -> batch.issue(ids, 2)));
        assertThrows(NotFoundException.class, () -> signedIn.as(joint.lead(), () -> batch.issue(List.of(joint.draft().id), 2)));

        assertEquals(LetterState.DRAFT, letters.reload(joint.draft()).state);
        assertEquals(LetterState.DRAFT, letters.reload(local.draft()).state);
        assertEquals(AssessmentState.MODERATED, fixtures.reload(joint.assessment()).state);
    }

    @Test
    void aBatchRefusesToRunInsideATransaction() {
        LetterFixtures.Scenario s = letters.moderatedWithDraft(Area.HAMPSHIRE, Area.PORTSMOUTH);
        User moderator = fixtures.moderator(Area.HAMPSHIRE);
        assertThrows(IllegalStateException.class, () -> signedIn.as(moderator,
                () -> QuarkusTransaction.requiringNew().call(() -> batch.issue(List.of(s.draft().id), 2))));
        assertEquals(LetterState.DRAFT, letters.reload(s.draft()).state);
    }
}
