package org.s11portal.assessment;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.s11portal.agency.Agency;
import org.s11portal.cycle.Cycle;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The submissions of a cycle that wait for a moderator: submitted and not yet moderated or returned. */
@ApplicationScoped
public class ReviewQueue {

    @Inject
    AssessmentService assessments;

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

    /** Waiting submissions of these agencies (the caller's scope), the longest waiting first. */
    public List<Waiting> waiting(Cycle cycle, Collection<Agency> agencies) {
        Set<Long> inScope = agencies.stream().map(a -> a.id).collect(Collectors.toSet());
        List<SubmissionVersion> latest = SubmissionVersion.list(
                "from SubmissionVersion s join fetch s.assessment a join fetch a.agency"
                        + " where a.cycle = ?1 and a.state = ?2 and s.number ="
                        + " (select max(v.number) from SubmissionVersion v where v.assessment = s.assessment)",
                cycle, AssessmentState.SUBMITTED);
        return latest.stream()
                .filter(v -> inScope.contains(v.assessment.agency.id))
                .map(v -> {
                    SubmissionSnapshot snapshot = assessments.read(v);
                    return new Waiting(v.assessment.id, v.assessment.agency, v.number, v.submittedAt,
                            snapshot.answersWithoutImpact(), snapshot.gapsWithoutAction());
                })
                .sorted(Comparator.comparing(Waiting::submittedAt))
                .toList();
    }
}
