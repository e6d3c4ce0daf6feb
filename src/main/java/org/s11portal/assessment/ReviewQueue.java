package org.s11portal.assessment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.s11portal.agency.Agency;
import org.s11portal.cycle.Cycle;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The submissions of a cycle that wait for a moderator: submitted and not yet moderated or returned. */
@ApplicationScoped
public class ReviewQueue {

    /**
     * The latest version of each submitted assessment of the cycle, among the given agencies: only the columns the
     * queue shows, never the frozen submission itself. The latest is the one no higher number follows, which the
     * unique key (assessment_id, number) answers from its index; the query is parsed once and its plan kept.
     */
    private static final String WAITING = "select v.id, v.number, v.sha256, v.submittedAt, a.id, a.agency.id"
            + " from SubmissionVersion v join v.assessment a"
            + " where a.cycle.id = :cycle and a.state = :state and a.agency.id in :agencies"
            + " and not exists (select 1 from SubmissionVersion later"
            + " where later.assessment = a and later.number > v.number)";

    @Inject
    AssessmentService assessments;

    /** What a frozen version flags, by version id; a version never changes, so neither do its flags. */
    private final Map<Long, Flags> flags = new ConcurrentHashMap<>();

    private record Flags(String sha256, long answersWithoutImpact, long gapsWithoutAction) {
    }

    /** One submission waiting for review, with what its latest version flags for the moderator. */
    public record Waiting(long assessmentId, Agency agency, int version, Instant submittedAt,
            long answersWithoutImpact, long gapsWithoutAction) {

        public boolean resubmitted() {
            return version > 1;
        }

        public boolean flagged() {
            return answersWithoutImpact > 0 || gapsWithoutAction > 0;
        }
    }

    private record Row(long versionId, int number, String sha256, Instant submittedAt, long assessmentId, long agencyId) {
    }

    /**
     * Waiting submissions of these agencies (the caller's scope), the longest waiting first. One statement, plus
     * one for the versions whose flags are not known yet (read once per version, then kept).
     */
    public List<Waiting> waiting(Cycle cycle, Collection<Agency> agencies) {
        if (agencies.isEmpty()) {
            return List.of();
        }
        Map<Long, Agency> byId = agencies.stream().collect(Collectors.toMap(a -> a.id, Function.identity(), (x, y) -> x));
        List<Object[]> result = Panache.getEntityManager().createQuery(WAITING, Object[].class)
                .setParameter("cycle", cycle.id)
                .setParameter("state", AssessmentState.SUBMITTED)
                .setParameter("agencies", byId.keySet())
                .getResultList();
        List<Row> rows = result.stream().map(r -> new Row(((Number) r[0]).longValue(), ((Number) r[1]).intValue(),
                (String) r[2], (Instant) r[3], ((Number) r[4]).longValue(), ((Number) r[5]).longValue())).toList();
        readMissingFlags(rows);
        return rows.stream()
                .map(r -> {
                    Flags f = flags.get(r.versionId());
                    return new Waiting(r.assessmentId(), byId.get(r.agencyId()), r.number(), r.submittedAt(),
                            f.answersWithoutImpact(), f.gapsWithoutAction());
                })
                .sorted(Comparator.comparing(Waiting::submittedAt))
                .toList();
    }

    /** Reads, in one statement, the frozen versions whose flags are not known (or whose row is not the one seen). */
    private void readMissingFlags(List<Row> rows) {
        List<Long> missing = new ArrayList<>();
        for (Row row : rows) {
            Flags known = flags.get(row.versionId());
            if (known == null || !known.sha256().equals(row.sha256())) {
                missing.add(row.versionId());
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        List<SubmissionVersion> versions = SubmissionVersion.list("id in ?1", missing);
        for (SubmissionVersion version : versions) {
            SubmissionSnapshot snapshot = assessments.read(version);
            flags.put(version.id, new Flags(version.sha256, snapshot.answersWithoutImpact(), snapshot.gapsWithoutAction()));
        }
    }
}
