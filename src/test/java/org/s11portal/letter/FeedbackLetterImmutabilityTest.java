package org.s11portal.letter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.s11portal.agency.Area;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * An issued letter never changes, whatever code tries: the entity refuses every change of an issued row at flush,
 * except ISSUED → SUPERSEDED, and the transaction writes nothing. Drafts change freely.
 */
@QuarkusTest
class FeedbackLetterImmutabilityTest {

    @Inject
    LetterFixtures letters;

    private static final byte[] PDF = "%PDF-1.7 an issued letter".getBytes(StandardCharsets.US_ASCII);

    @Test
    void aDraftChangesFreely() {
        FeedbackLetter draft = letters.moderatedWithDraft(Area.HAMPSHIRE).draft();
        change(draft, l -> l.paragraphsJson = "{\"strengths\":\"Edited\"}");
        assertEquals("{\"strengths\":\"Edited\"}", letters.reload(draft).paragraphsJson);
    }

    @Test
    void everyFieldOfAnIssuedLetterIsRefusedAndNothingIsWritten() {
        FeedbackLetter letter = issued(letters.moderatedWithDraft(Area.PORTSMOUTH).draft());
        FeedbackLetter before = letters.reload(letter);

        refused(letter, l -> l.contentJson = l.contentJson.replace("Dr Jane Senior", "Someone else"), "content");
        refused(letter, l -> l.paragraphsJson = "{}", "paragraphs");
        refused(letter, l -> l.pdf = "%PDF-1.7 forged".getBytes(StandardCharsets.US_ASCII), "PDF");
        refused(letter, l -> l.sha256 = Sha256.hex("other".getBytes(StandardCharsets.US_ASCII)), "checksum");
        refused(letter, l -> l.issuedAt = Instant.EPOCH, "issue details");
        refused(letter, l -> l.issuedByName = "Someone else", "issue details");
        refused(letter, l -> l.reissueReason = "Sneaked in", "reissue reason");
        refused(letter, l -> l.state = LetterState.DRAFT, "state ISSUED to DRAFT");

        FeedbackLetter after = letters.reload(letter);
        assertEquals(LetterState.ISSUED, after.state);
        assertEquals(before.contentJson, after.contentJson);
        assertEquals(before.paragraphsJson, after.paragraphsJson);
        assertArrayEquals(PDF, after.pdf);
        assertEquals(Sha256.hex(PDF), after.sha256);
        assertEquals(before.issuedAt, after.issuedAt);
        assertEquals(before.version, after.version);
    }

    @Test
    void anIssuedLetterMayOnlyBecomeSupersededAndThenNothingChanges() {
        FeedbackLetter letter = issued(letters.moderatedWithDraft(Area.SOUTHAMPTON).draft());
        refused(letter, l -> {
            l.state = LetterState.SUPERSEDED;
            l.contentJson = "{}";
        }, "content");
        change(letter, l -> l.state = LetterState.SUPERSEDED);
        FeedbackLetter superseded = letters.reload(letter);
        assertEquals(LetterState.SUPERSEDED, superseded.state);
        assertArrayEquals(PDF, superseded.pdf);

        refused(letter, l -> l.state = LetterState.ISSUED, "state SUPERSEDED to ISSUED");
        refused(letter, l -> l.reissueReason = "Later", "reissue reason");
        assertEquals(LetterState.SUPERSEDED, letters.reload(letter).state);
    }

    /** Issues the draft directly (as the service does, without rendering): state, PDF, checksum, who and when. */
    private FeedbackLetter issued(FeedbackLetter draft) {
        change(draft, l -> {
            l.state = LetterState.ISSUED;
            l.pdf = PDF;
            l.sha256 = Sha256.hex(PDF);
            l.issuedAt = Instant.parse("2026-04-01T10:00:00Z");
            l.issuedByName = "A moderator";
        });
        FeedbackLetter issued = letters.reload(draft);
        assertEquals(LetterState.ISSUED, issued.state);
        assertNotNull(issued.sha256);
        return issued;
    }

    private static void change(FeedbackLetter letter, Consumer<FeedbackLetter> change) {
        QuarkusTransaction.requiringNew().run(() -> {
            FeedbackLetter l = FeedbackLetter.findById(letter.id);
            change.accept(l);
            FeedbackLetter.flush(); // the entity's rule runs here, as it would at commit
        });
    }

    private static void refused(FeedbackLetter letter, Consumer<FeedbackLetter> change, String what) {
        RuntimeException e = assertThrows(RuntimeException.class, () -> change(letter, change), what);
        Throwable cause = e;
        while (cause != null && !(cause instanceof FeedbackLetter.IssuedLetterChanged)) {
            cause = cause.getCause();
        }
        assertNotNull(cause, "refused by the entity, not something else: " + e);
        assertTrue(cause.getMessage().contains(what), cause.getMessage());
    }
}
