package org.s11portal.support;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.s11portal.account.User;
import org.s11portal.assessment.Answer;
import org.s11portal.assessment.Assessment;
import org.s11portal.assessment.EvidenceFile;
import org.s11portal.common.config.PortalClock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * What a page costs the database, counted with Hibernate's statistics (on in the test profile), and the larger
 * records the page-cost tests grow to show that the count does not depend on the record's size.
 */
@ApplicationScoped
public class PageCost {

    public static final Map<String, String> SIGN_OFF = Map.of("declaredByName", "Dr Jane Senior", "declaredRole",
            "Director", "confirm", "yes");

    @Inject
    PortalClock clock;

    @Inject
    SessionFactory sessionFactory;

    /** The SQL statements the request prepared (warm caches: make the same request once before). */
    public long statements(Runnable request) {
        Statistics statistics = sessionFactory.getStatistics();
        assertTrue(statistics.isStatisticsEnabled(), "quarkus.hibernate-orm.statistics must be on in tests");
        long before = statistics.getPrepareStatementCount();
        request.run();
        return statistics.getPrepareStatementCount() - before;
    }

    /** The transactions the request opened: one for the page, the session's included. */
    public long transactions(Runnable request) {
        Statistics statistics = sessionFactory.getStatistics();
        long before = statistics.getTransactionCount();
        request.run();
        return statistics.getTransactionCount() - before;
    }

    /** How many rows of this entity the request loaded (warm caches: make the same request once before). */
    public long entityLoads(Class<?> entity, Runnable request) {
        Statistics statistics = sessionFactory.getStatistics();
        long before = statistics.getEntityStatistics(entity.getName()).getLoadCount();
        request.run();
        return statistics.getEntityStatistics(entity.getName()).getLoadCount() - before;
    }

    /** Stores {@code count} small text files as evidence for every answer of the assessment. */
    @Transactional
    public void filesForEveryAnswer(Assessment assessment, int count, User uploadedBy) {
        for (Answer answer : Answer.forAssessment(Assessment.findById(assessment.id))) {
            for (int i = 1; i <= count; i++) {
                EvidenceFile file = new EvidenceFile();
                file.answer = answer;
                file.filename = "evidence-" + answer.question.code + "-" + i + ".txt";
                file.contentType = "text/plain";
                file.content = ("Evidence " + i).getBytes();
                file.sizeBytes = file.content.length;
                file.sha256 = String.format("%064x", answer.id * 1000 + i);
                file.uploadedBy = User.findById(uploadedBy.id);
                file.uploadedAt = clock.now();
                file.persist();
            }
        }
    }

    /** The agency's lead signs off and submits, through the pages, as a lead would. */
    public static void submit(WebSession lead, Assessment assessment) {
        String base = "/assessments/" + assessment.id;
        lead.get(base + "/check").then().statusCode(200);
        lead.post(base + "/submit", SIGN_OFF).then().statusCode(303);
    }
}
