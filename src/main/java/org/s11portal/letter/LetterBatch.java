package org.s11portal.letter;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.hibernate.Hibernate;
import org.jboss.logging.Logger;
import org.s11portal.account.CurrentUser;
import org.s11portal.account.User;
import org.s11portal.assessment.AssessmentScope;
import org.s11portal.common.config.PortalClock;
import org.s11portal.common.config.PortalConfig;
import org.s11portal.common.persistence.Transactions;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.ws.rs.NotFoundException;

/**
 * Issues many draft letters at once with several threads (a panel's "Issue all draft letters"): the PDFs are made in
 * parallel ({@link LetterRenderer} is thread-safe), and each letter is stored in its own short transaction that
 * locks it, checks again that it is a draft and that the lifecycle allows the move, and moves its assessment to
 * feedback issued, exactly as {@link LetterService#issue} does (the same code). A letter edited while the batch ran
 * is rendered again in its transaction, so the PDF is always made from what the letter shows.
 * <p>
 * Who may issue is checked first, for every letter, on the caller's thread: a moderator whose scope includes every
 * letter's assessment, otherwise 404 and nothing is issued. Must not be called inside a transaction (each letter
 * commits on its own; a failure of one leaves the ones already issued issued). Threads: {@code
 * portal.letters.issue-threads} (default 2, one per core of the machine it was measured on).
 */
@ApplicationScoped
public class LetterBatch {

    private static final Logger LOG = Logger.getLogger(LetterBatch.class);
    private static final AtomicInteger POOLS = new AtomicInteger();

    @Inject
    LetterService letters;

    @Inject
    AssessmentScope scope;

    @Inject
    CurrentUser currentUser;

    @Inject
    PortalClock clock;

    @Inject
    PortalConfig config;

    /** A draft to issue, read on the caller's thread: what it shows today and the template it is made with. */
    private record Job(long letterId, LetterTemplate template, LetterContent content) {
    }

    /** Issues the letters with the configured number of threads; one outcome per id, in the same order. */
    public List<LetterService.IssueOutcome> issue(List<Long> letterIds) {
        return issue(letterIds, config.letters().issueThreads());
    }

    /** Issues the letters with this many threads (at least 1); one outcome per id, in the same order. */
    public List<LetterService.IssueOutcome> issue(List<Long> letterIds, int threadCount) {
        if (QuarkusTransaction.isActive()) {
            throw new IllegalStateException("a letter batch commits each letter on its own: call it outside a transaction");
        }
        long started = System.nanoTime();
        List<Job> jobs = QuarkusTransaction.requiringNew().call(() -> read(letterIds));
        long moderatorId = currentUser.user().id;
        long readMs = (System.nanoTime() - started) / 1_000_000;
        AtomicLong renderNanos = new AtomicLong();
        AtomicLong storeNanos = new AtomicLong();
        int n = Math.max(1, Math.min(threadCount, Math.max(1, jobs.size())));
        List<LetterService.IssueOutcome> outcomes = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, "letter-batch-" + POOLS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<LetterService.IssueOutcome>> futures = new ArrayList<>();
            for (Job job : jobs) {
                futures.add(pool.submit(() -> issueOne(job, moderatorId, renderNanos, storeNanos)));
            }
            for (Future<LetterService.IssueOutcome> future : futures) {
                outcomes.add(future.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("letter batch interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        LOG.infof("letters-issued requested=%d issued=%d threads=%d ms=%d read-ms=%d render-ms-total=%d store-ms-total=%d",
                letterIds.size(), outcomes.stream().filter(LetterService.Issued.class::isInstance).count(), n,
                (System.nanoTime() - started) / 1_000_000, readMs, renderNanos.get() / 1_000_000, storeNanos.get() / 1_000_000);
        return outcomes;
    }

    /** Every letter, in the moderator's scope (404 otherwise, before anything is issued), with its content today. */
    private List<Job> read(List<Long> letterIds) {
        if (!currentUser.isModerator()) {
            throw new NotFoundException();
        }
        List<Job> jobs = new ArrayList<>();
        for (Long id : letterIds) {
            FeedbackLetter letter = id == null ? null : FeedbackLetter.findById(id);
            if (letter == null) {
                throw new NotFoundException();
            }
            scope.assessment(letter.assessment.id);
            LetterTemplate template = (LetterTemplate) Hibernate.unproxy(letter.template);
            template.source.length(); // read here: the batch's threads render outside any session
            jobs.add(new Job(id, template, letter.isDraft() ? letters.shown(letter).datedOn(clock.today()) : null));
        }
        return jobs;
    }

    /**
     * On a batch thread: the PDF (no transaction held while it renders), then the letter stored in its own, tried again
     * after a deadlock or certification conflict (the issue re-reads the letter under its lock, so a letter another
     * moderator issued meanwhile is reported, not issued twice).
     */
    private LetterService.IssueOutcome issueOne(Job job, long moderatorId, AtomicLong renderNanos, AtomicLong storeNanos) {
        long started = System.nanoTime();
        LetterService.Rendered rendered = job.content() == null ? null : letters.render(job.template(), job.content());
        long rendering = System.nanoTime();
        renderNanos.addAndGet(rendering - started);
        try {
            return Transactions.retryingConflicts(() -> {
                FeedbackLetter letter = FeedbackLetter.findById(job.letterId(), LockModeType.PESSIMISTIC_WRITE);
                return letters.issueOne(letter, User.findById(moderatorId), rendered);
            });
        } finally {
            storeNanos.addAndGet(System.nanoTime() - rendering);
        }
    }
}
