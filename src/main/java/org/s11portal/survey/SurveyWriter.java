package org.s11portal.survey;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Writes survey answers with group commit: one writer thread takes every answer waiting (up to 500) and
 * stores them in one transaction: each nonce claimed once, the responses, and the take-up counts. Each
 * request waits for its own batch to commit, so "thank you" still means saved; if a batch fails, every
 * request in it is told so and nothing of it is kept. At low load a batch is a single answer.
 */
@ApplicationScoped
public class SurveyWriter {

    private static final Logger LOG = Logger.getLogger(SurveyWriter.class);
    private static final int MAX_BATCH = 500;
    private static final String INSERT_RESPONSE = "INSERT INTO survey_response (id, agency_id, cycle_id, survey_version, answered_on,"
            + " areas, role_band, works_with, q1, q2, q3, q4, q5, q6, q7, q8, q9, q10, q11, q12, q13, q14, free_text)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** One answer to store, with the nonce it came with. */
    public record Pending(String nonceHash, LocalDate nonceExpires, String id, long agencyId, long cycleId, String surveyVersion,
            LocalDate day, String areas, String roleBand, String worksWith, String[] answers, String freeText) {
    }

    private record Job(Pending pending, CompletableFuture<Boolean> stored) {
    }

    private final BlockingQueue<Job> queue = new LinkedBlockingQueue<>(50_000);
    private volatile boolean running;
    private Thread thread;

    @Inject
    AgroalDataSource dataSource;

    void start(@Observes StartupEvent event) {
        running = true;
        thread = new Thread(this::loop, "survey-writer");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    /**
     * Queues the answer; the stage completes with true once it is committed, false when its nonce had been
     * used already, or fails when it could not be saved (within 15 seconds).
     */
    public CompletableFuture<Boolean> write(Pending pending) {
        Job job = new Job(pending, new CompletableFuture<>());
        if (!queue.offer(job)) {
            return CompletableFuture.failedFuture(new IllegalStateException("survey writer queue is full"));
        }
        return job.stored().orTimeout(15, TimeUnit.SECONDS);
    }

    private void loop() {
        List<Job> batch = new ArrayList<>(MAX_BATCH);
        while (running) {
            try {
                batch.add(queue.take());
                queue.drainTo(batch, MAX_BATCH - 1);
                store(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("survey writer failed a batch", e);
                batch.forEach(job -> job.stored().completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
    }

    private void store(List<Job> batch) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                List<Job> fresh = claimNonces(connection, batch);
                insertResponses(connection, fresh);
                countTakeUp(connection, fresh);
                connection.commit();
                batch.forEach(job -> job.stored().complete(fresh.contains(job)));
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            LOG.errorf("survey batch of %d not saved: %s", batch.size(), e.getMessage());
            batch.forEach(job -> job.stored().completeExceptionally(e));
        }
    }

    private static List<Job> claimNonces(Connection connection, List<Job> batch) throws SQLException {
        List<Job> fresh = new ArrayList<>(batch.size());
        try (PreparedStatement claim = connection.prepareStatement(
                "INSERT IGNORE INTO survey_nonce_used (nonce_hash, expires_on) VALUES (?, ?)")) {
            for (Job job : batch) {
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
        if (jobs.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT_RESPONSE)) {
            for (Job job : jobs) {
                Pending p = job.pending();
                int i = 1;
                insert.setString(i++, p.id());
                insert.setLong(i++, p.agencyId());
                insert.setLong(i++, p.cycleId());
                insert.setString(i++, p.surveyVersion());
                insert.setDate(i++, Date.valueOf(p.day()));
                insert.setString(i++, p.areas());
                insert.setString(i++, p.roleBand());
                insert.setString(i++, p.worksWith());
                for (String answer : p.answers()) {
                    insert.setString(i++, answer);
                }
                insert.setString(i, p.freeText());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void countTakeUp(Connection connection, List<Job> jobs) throws SQLException {
        Map<String, Object[]> counts = new LinkedHashMap<>();
        for (Job job : jobs) {
            Pending p = job.pending();
            counts.computeIfAbsent(p.agencyId() + "/" + p.cycleId() + "/" + p.day(), k -> new Object[] { p.agencyId(), p.cycleId(), p.day(), 0 });
            Object[] row = counts.get(p.agencyId() + "/" + p.cycleId() + "/" + p.day());
            row[3] = (Integer) row[3] + 1;
        }
        try (PreparedStatement upsert = connection.prepareStatement(
                "INSERT INTO survey_uptake (agency_id, cycle_id, day, slot, responses) VALUES (?, ?, ?, ?, ?)"
                        + " ON DUPLICATE KEY UPDATE responses = responses + VALUES(responses)")) {
            for (Object[] row : counts.values()) {
                upsert.setLong(1, (Long) row[0]);
                upsert.setLong(2, (Long) row[1]);
                upsert.setDate(3, Date.valueOf((LocalDate) row[2]));
                upsert.setInt(4, ThreadLocalRandom.current().nextInt(SurveyService.UPTAKE_SLOTS));
                upsert.setInt(5, (Integer) row[3]);
                upsert.executeUpdate();
            }
        }
    }
}
