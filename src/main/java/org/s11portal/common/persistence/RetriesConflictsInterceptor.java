package org.s11portal.common.persistence;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionManager;

/**
 * Runs a {@link RetriesConflicts} method through {@link Transactions#retrying}, each attempt in a new transaction.
 * Its priority puts it outside {@code @Transactional}, so the services the method calls join the attempt's transaction.
 * Called inside a transaction already, it only proceeds: the outer one retries.
 *
 * <p>A method that catches a service's refusal (an exception, which marks the transaction rollback-only) and answers
 * with a page returns normally: its transaction is then rolled back, not committed, as the service's own would have
 * been, and the page is answered.
 */
@RetriesConflicts
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class RetriesConflictsInterceptor {

    @Inject
    TransactionManager transactions;

    @AroundInvoke
    Object retry(InvocationContext context) throws Exception {
        if (QuarkusTransaction.isActive()) {
            return context.proceed();
        }
        return Transactions.retrying(Transactions.Retry.CONFLICTS, () -> attempt(context));
    }

    private Object attempt(InvocationContext context) throws Exception {
        transactions.begin();
        try {
            Object result = context.proceed();
            if (transactions.getStatus() == Status.STATUS_MARKED_ROLLBACK) {
                transactions.rollback();
            } else {
                transactions.commit();
            }
            return result;
        } catch (Exception | Error failure) {
            // a failed commit has already ended the transaction
            if (transactions.getStatus() != Status.STATUS_NO_TRANSACTION) {
                transactions.rollback();
            }
            throw failure;
        }
    }
}
