package org.s11portal.common.persistence;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;

/**
 * The whole method runs in one new transaction, tried again from the start after a deadlock, a Galera certification
 * conflict or a lock wait timeout ({@link Transactions#retryingConflicts}). For a form's POST whose work is all in the
 * database: the services it calls join that transaction, so a retry repeats all of it or none. Not for work with an
 * effect outside the transaction (a {@code requiringNew} inside, threads of its own, a file written to disk).
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.METHOD, ElementType.TYPE })
public @interface RetriesConflicts {
}
