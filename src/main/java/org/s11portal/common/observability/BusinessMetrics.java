package org.s11portal.common.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * The portal's business counters, served at /q/metrics on the management port (docs/observability.md). No counter
 * has a tag naming an agency, cycle, user or survey link: whoever reads the metrics must not learn which agency's
 * staff answered when, or whose sign-in failed. A count made inside a transaction is added only once it commits, so
 * a rolled-back submit or letter is never counted.
 */
@Startup // each counter is listed, at 0, from the first scrape: a rate over a series that appears late misses its start
@ApplicationScoped
public class BusinessMetrics {

    /** Where a sign-in failed: the password (or an unknown email), or the two-step code. */
    public enum SignInStep {
        PASSWORD("password"), TWO_STEP("two_step");

        final String tag;

        SignInStep(String tag) {
            this.tag = tag;
        }
    }

    /** Why: the secret was wrong, or the throttle refused the attempt before checking it. */
    public enum SignInFailure {
        REJECTED("rejected"), THROTTLED("throttled");

        final String tag;

        SignInFailure(String tag) {
            this.tag = tag;
        }
    }

    @Inject
    MeterRegistry registry;

    @Inject
    TransactionSynchronizationRegistry transactions;

    private Counter submitted;
    private Counter surveyAnswers;
    private Counter lettersIssued;

    @PostConstruct
    void register() {
        submitted = Counter.builder("s11.self.assessments.submitted")
                .description("Self-assessments submitted by agency leads (each version counts once)").register(registry);
        surveyAnswers = Counter.builder("s11.survey.answers.stored")
                .description("Staff survey answers stored (a resubmitted form counts once)").register(registry);
        lettersIssued = Counter.builder("s11.letters.issued")
                .description("Feedback letters issued by moderators, reissues included").register(registry);
        for (SignInStep step : SignInStep.values()) {
            for (SignInFailure failure : SignInFailure.values()) {
                signInFailures(step, failure);
            }
        }
    }

    /** A self-assessment was submitted (counted when the caller's transaction commits). */
    public void selfAssessmentSubmitted() {
        afterCommit(submitted);
    }

    /** Survey answers were stored, by a writer that has committed them itself. */
    public void surveyAnswersStored(int count) {
        if (count > 0) {
            surveyAnswers.increment(count);
        }
    }

    /** A feedback letter was issued (counted when the caller's transaction commits). */
    public void letterIssued() {
        afterCommit(lettersIssued);
    }

    public void signInFailed(SignInStep step, SignInFailure failure) {
        signInFailures(step, failure).increment();
    }

    private Counter signInFailures(SignInStep step, SignInFailure failure) {
        return Counter.builder("s11.sign.in.failures")
                .description("Sign-in attempts refused: a wrong password or code, or one the throttle stopped")
                .tag("step", step.tag).tag("outcome", failure.tag).register(registry);
    }

    private void afterCommit(Counter counter) {
        int status = transactions.getTransactionStatus();
        if (status == Status.STATUS_NO_TRANSACTION) {
            counter.increment();
            return;
        }
        if (status != Status.STATUS_ACTIVE) {
            return; // marked for rollback: it will not be kept
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    counter.increment();
                }
            }
        });
    }
}
