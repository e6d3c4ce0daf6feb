package org.s11portal.survey;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;
import org.s11portal.common.observability.BusinessMetrics;
import org.s11portal.common.persistence.Transactions;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Writes survey answers with group commit: a writer thread takes every answer waiting (up to 500) and
 * stores them in one transaction: each nonce claimed once, the responses, and the take-up counts. Each
 * request waits for its own batch to commit, so "thank you" still means saved; if a batch fails, every
 * request in it is told so and nothing of it is kept. At low load a batch is a single answer.
 */
@ApplicationScoped
public class SurveyWriter {

    private static final Logger LOG = Logger.getLogger(SurveyWriter.class);
    private static final int MAX_BATCH = 500;
    /** Writers, each with its own batch: one fills while another waits for its commit. */
    private static final int WRITERS = 3;
    /** How long a shutdown waits for the answers already queued to be stored before it refuses the rest. */
    static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(10);

    /** Sets one column of the insert from an answer. */
    private interface Binder {
        void bind(PreparedStatement insert, int index, Pending answer) throws SQLException;
    }

    /** One binder per column of {@link SurveyResponse#COLUMNS}, in the same order. */
    private static final List<Binder> BINDERS = SurveyResponse.COLUMNS.stream().map(column -> binder(column.field())).toList();

    /** The insert, its column list read from the entity's mapping (never written out a second time). */
    static final String INSERT_RESPONSE = "INSERT INTO survey_response ("
            + String.join(", ", SurveyResponse.COLUMNS.stream().map(SurveyResponse.MappedColumn::name).toList())
            + ") VALUES (" + String.join(", ", Collections.nCopies(SurveyResponse.COLUMNS.size(), "?")) + ")";

    /** One answer to store, with the nonce it came with. */
    public record Pending(String nonceHash, LocalDate nonceExpires, String id, long agencyId, long cycleId, String surveyVersion,
            LocalDate day, String areas, String roleBand, String worksWith, String[] answers, String freeText) {
    }

    private record Job(Pending pending, CompletableFuture<Boolean> stored) {
    }

    private final BlockingQueue<Job> queue = new LinkedBlockingQueue<>(50_000);
    private final List<Thread> threads = new ArrayList<>(WRITERS);
    /** False once shutdown has begun: no answer is queued any more, and the writers stop when the queue is empty. */
    private volatile boolean accepting;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    BusinessMetrics metrics;

    void start(@Observes StartupEvent event) {
        startWriters(WRITERS);
    }

    void stop(@Observes ShutdownEvent event) {
        shutDown(SHUTDOWN_WAIT);
    }

    /** Starts the writer threads; package-private so that a test can run a writer of its own. */
    synchronized void startWriters(int writers) {
        accepting = true;
        for (int i = 0; i < writers; i++) {
            Thread thread = new Thread(this::loop, "survey-writer-" + i);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
    }

    /**
     * Stops taking answers and drains the queue: every answer already queued is stored by the writers (which stop
     * once the queue is empty), and any the writers could not store within {@code wait} (a database that does not
     * answer) is refused, so that its sender is told it was not saved. No answer is dropped without a word, and none
     * is thanked for without being stored.
     */
    synchronized void shutDown(Duration wait) {
        accepting = false;
        long deadline = System.nanoTime() + wait.toNanos();
        for (Thread thread : threads) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left > 0) {
                try {
                    thread.join(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        int refused = refuseWaiting();
        if (refused > 0) {
            LOG.errorf("survey writer stopped with %d answers not stored; their senders were told", refused);
        }
        threads.forEach(Thread::interrupt);
        threads.clear();
    }

    private int refuseWaiting() {
        List<Job> waiting = new ArrayList<>();
        queue.drainTo(waiting);
        waiting.forEach(job -> job.stored().completeExceptionally(stopped()));
        return waiting.size();
    }

    private static IllegalStateException stopped() {
        return new IllegalStateException("survey writer stopped");
    }

    /**
     * Queues the answer; the stage completes with true once it is committed, false when its nonce had been
     * used already, or fails when it could not be saved (within 15 seconds, or because the portal is stopping).
     */
    public CompletableFuture<Boolean> write(Pending pending) {
        if (!accepting) {
            return CompletableFuture.failedFuture(stopped());
        }
        Job job = new Job(pending, new CompletableFuture<>());
        if (!queue.offer(job)) {
            return CompletableFuture.failedFuture(new IllegalStateException("survey writer queue is full"));
        }
        // Shutdown began while this answer was being queued, and may have drained the queue already: if no writer
        // has taken the answer, take it back and refuse it (whoever removes it from the queue answers it).
        if (!accepting && queue.remove(job)) {
            return CompletableFuture.failedFuture(stopped());
        }
        return job.stored().orTimeout(15, TimeUnit.SECONDS);
    }

    /** Stores the answers as one batch, as a writer thread does, and tells which were new; for tests. */
    List<Boolean> storeAsOneBatch(List<Pending> answers) {
        return storeAsOneBatchReportingEach(answers).stream().map(CompletableFuture::join).toList();
    }

    /** As {@link #storeAsOneBatch}, with each answer's own outcome (a failure included); for tests. */
    List<CompletableFuture<Boolean>> storeAsOneBatchReportingEach(List<Pending> answers) {
        List<Job> jobs = answers.stream().map(pending -> new Job(pending, new CompletableFuture<Boolean>())).toList();
        store(jobs);
        return jobs.stream().map(Job::stored).toList();
    }

    /** Stores batches until shutdown has begun and the queue is empty. */
    private void loop() {
        List<Job> batch = new ArrayList<>(MAX_BATCH);
        while (true) {
            try {
                Job first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    if (!accepting) {
                        return;
                    }
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                store(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.errorf("survey writer failed a batch of %d: %s", batch.size(), e.getClass().getName());
                batch.forEach(job -> job.stored().completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
    }

    private void store(List<Job> batch) {
        try {
            Set<Job> stored = storeRetrying(batch);
            metrics.surveyAnswersStored(stored.size());
            batch.forEach(job -> job.stored().complete(stored.contains(job)));
        } catch (SQLException e) {
            if (batch.size() > 1 && dataError(e)) {
                // one answer the database refuses must never fail anyone else's: store them one by one
                LOG.warnf("survey batch of %d refused (sql-state=%s code=%d); storing its answers one by one", batch.size(),
                        e.getSQLState(), e.getErrorCode());
                batch.forEach(job -> store(List.of(job)));
                return;
            }
            // never the driver's message: it can quote the values (a nonce's hash, an answer)
            LOG.errorf("survey batch of %d not saved (sql-state=%s code=%d)", batch.size(), e.getSQLState(), e.getErrorCode());
            batch.forEach(job -> job.stored().completeExceptionally(e));
        }
    }

    /**
     * A deadlock, a Galera certification conflict or a lost connection (a node killed) is tried again: the nonces make
     * that safe even when the first commit did happen unseen, as the answers then come back already received.
     */
    private Set<Job> storeRetrying(List<Job> batch) throws SQLException {
        return Transactions.retrying(Transactions.Retry.CONFLICTS_AND_LOST_CONNECTIONS, () -> storeOnce(batch));
    }

    /**
     * The database refused something in the data itself (too long, a broken constraint), not the connection:
     * then each answer of the batch is worth trying alone. A connection or server failure is not retried per answer.
     */
    private static boolean dataError(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("22") || state.startsWith("23"));
    }

    /** Stores the batch in one transaction; returns the jobs whose answer was new. */
    private Set<Job> storeOnce(List<Job> batch) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                List<Job> fresh = claimNonces(connection, batch);
                insertResponses(connection, fresh);
                countTakeUp(connection, fresh);
                connection.commit();
                Set<Job> stored = Collections.newSetFromMap(new IdentityHashMap<>());
                stored.addAll(fresh);
                return stored;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    /**
     * Claims every nonce of the batch in one statement; the jobs whose nonce was new are returned. A nonce
     * sent twice in one batch counts once. {@code INSERT IGNORE}, so a nonce used before is no error (a
     * duplicate-key error makes the driver log a warning quoting the nonce's hash). Only when fewer rows were
     * inserted than sent (a resubmitted form, rare) does it claim them one by one, to tell which were new.
     */
    private static List<Job> claimNonces(Connection connection, List<Job> batch) throws SQLException {
        Map<String, Job> firstByNonce = new LinkedHashMap<>();
        batch.forEach(job -> firstByNonce.putIfAbsent(job.pending().nonceHash(), job));
        StringBuilder sql = new StringBuilder("INSERT IGNORE INTO survey_nonce_used (nonce_hash, expires_on) VALUES ");
        for (int i = 0; i < firstByNonce.size(); i++) {
            sql.append(i == 0 ? "(?, ?)" : ", (?, ?)");
        }
        Savepoint beforeClaim = connection.setSavepoint();
        try (PreparedStatement claim = connection.prepareStatement(sql.toString())) {
            int i = 1;
            for (Job job : firstByNonce.values()) {
                claim.setString(i++, job.pending().nonceHash());
                claim.setDate(i++, Date.valueOf(job.pending().nonceExpires()));
            }
            if (claim.executeUpdate() == firstByNonce.size()) {
                return new ArrayList<>(firstByNonce.values());
            }
        }
        connection.rollback(beforeClaim);
        return claimOneByOne(connection, firstByNonce.values());
    }

    private static List<Job> claimOneByOne(Connection connection, Collection<Job> jobs) throws SQLException {
        List<Job> fresh = new ArrayList<>(jobs.size());
        try (PreparedStatement claim = connection.prepareStatement(
                "INSERT IGNORE INTO survey_nonce_used (nonce_hash, expires_on) VALUES (?, ?)")) {
            for (Job job : jobs) {
                claim.setString(1, job.pending().nonceHash());
                claim.setDate(2, Date.valueOf(job.pending().nonceExpires()));
                if (claim.executeUpdate() == 1) {
                    fresh.add(job);
                }
            }
        }
        return fresh;
    }

    private static void insertResponses(Connection connection, List<Job> jobs) throws SQLException {
        insert(connection, jobs.stream().map(Job::pending).toList());
    }

    /**
     * Inserts the responses in one JDBC batch on the caller's connection and transaction, without claiming nonces or
     * counting take-up (the demo data does both its own way).
     */
    public static void insert(Connection connection, List<Pending> answers) throws SQLException {
        if (answers.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT_RESPONSE)) {
            for (Pending p : answers) {
                for (int i = 0; i < BINDERS.size(); i++) {
                    BINDERS.get(i).bind(insert, i + 1, p);
                }
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** How a column of the response table gets its value from an answer; a column without one stops the portal starting. */
    private static Binder binder(String field) {
        SurveyDefinition.Question question = SurveyDefinition.byField(field);
        if (question != null) {
            int index = question.number() - 1;
            return (insert, i, p) -> insert.setString(i, p.answers()[index]);
        }
        return switch (field) {
            case "id" -> (insert, i, p) -> insert.setString(i, p.id());
            case "agency" -> (insert, i, p) -> insert.setLong(i, p.agencyId());
            case "cycle" -> (insert, i, p) -> insert.setLong(i, p.cycleId());
            case "surveyVersion" -> (insert, i, p) -> insert.setString(i, p.surveyVersion());
            case "answeredOn" -> (insert, i, p) -> insert.setDate(i, Date.valueOf(p.day()));
            case "areas" -> (insert, i, p) -> insert.setString(i, p.areas());
            case "roleBand" -> (insert, i, p) -> insert.setString(i, p.roleBand());
            case "worksWith" -> (insert, i, p) -> insert.setString(i, p.worksWith());
            case "freeText" -> (insert, i, p) -> insert.setString(i, p.freeText());
            default -> throw new IllegalStateException("SurveyWriter has no value for SurveyResponse." + field);
        };
    }

    /** Adds the batch's answers to the take-up counters, in key order so that two writers never deadlock. */
    private static void countTakeUp(Connection connection, List<Job> jobs) throws SQLException {
        record Key(long agencyId, long cycleId, LocalDate day) implements Comparable<Key> {
            @Override
            public int compareTo(Key other) {
                return Comparator.comparingLong(Key::agencyId).thenComparingLong(Key::cycleId).thenComparing(Key::day).compare(this, other);
            }
        }
        Map<Key, Integer> counts = new TreeMap<>();
        for (Job job : jobs) {
            Pending p = job.pending();
            counts.merge(new Key(p.agencyId(), p.cycleId(), p.day()), 1, Integer::sum);
        }
        try (PreparedStatement upsert = connection.prepareStatement(
                "INSERT INTO survey_uptake (agency_id, cycle_id, day, slot, responses) VALUES (?, ?, ?, ?, ?)"
                        + " ON DUPLICATE KEY UPDATE responses = responses + VALUES(responses)")) {
            for (Map.Entry<Key, Integer> count : counts.entrySet()) {
                upsert.setLong(1, count.getKey().agencyId());
                upsert.setLong(2, count.getKey().cycleId());
                upsert.setDate(3, Date.valueOf(count.getKey().day()));
                upsert.setInt(4, ThreadLocalRandom.current().nextInt(SurveyService.UPTAKE_SLOTS));
                upsert.setInt(5, count.getValue());
                upsert.executeUpdate();
            }
        }
    }
}
