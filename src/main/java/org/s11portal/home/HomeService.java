package org.s11portal.home;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.s11portal.account.AccessScope;
import org.s11portal.account.CurrentUser;
import org.s11portal.account.User;
import org.s11portal.agency.Agency;
import org.s11portal.agency.Area;
import org.s11portal.agency.Partnership;
import org.s11portal.assessment.Assessment;
import org.s11portal.assessment.AssessmentState;
import org.s11portal.assessment.ReviewQueue;
import org.s11portal.common.config.PortalClock;
import org.s11portal.cycle.Cycle;
import org.s11portal.monitoring.MonitoringService;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** What each role's home page shows, always limited to the caller's scope. */
@ApplicationScoped
public class HomeService {

    @Inject
    CurrentUser currentUser;

    @Inject
    AccessScope scope;

    @Inject
    PortalClock clock;

    @Inject
    ReviewQueue reviewQueue;

    @Inject
    MonitoringService monitoring;

    /** The live cycle's deadline for this stage: the self-assessment in year 1, the progress update in year 2. */
    public record Deadline(Cycle cycle, int year, LocalDate due, long daysLeft) {
        public boolean overdue() {
            return daysLeft < 0;
        }
    }

    /** An agency and its assessment in the live cycle; {@code assessmentId} is null when none exists yet. */
    /** {@code takingPart} is false for an agency the live cycle leaves out: it has no self-assessment to wait for. */
    public record AgencyRow(Agency agency, AssessmentState state, Long assessmentId, boolean takingPart) {

        /** Whether a moderator has a submitted version to read. */
        public boolean hasSubmission() {
            return assessmentId != null && state.ordinal() >= AssessmentState.SUBMITTED.ordinal();
        }
    }

    /** {@code takingPart} is false when the live cycle leaves the lead's agency out (then it has no self-assessment in it). */
    public record LeadHome(Agency agency, Deadline deadline, AssessmentState state, Long assessmentId,
            List<MonitoringService.LeadPlan> yearTwo, boolean takingPart) {
    }

    public record ModeratorHome(Deadline deadline, List<ReviewQueue.Waiting> waiting, List<AgencyRow> rows,
            Optional<Area> area, int total) {
    }

    public record PartnershipRow(Partnership partnership, long agencies, long jointAgencies) {
    }

    /** The admin's home: users are on their own page (useradmin's /admin/users), paged. */
    public record AdminHome(Deadline deadline, List<PartnershipRow> partnerships, List<AgencyRow> agencies) {
    }

    @Transactional
    public LeadHome leadHome() {
        Agency agency = currentUser.leadAgency();
        Deadline deadline = liveDeadline().orElse(null);
        Assessment assessment = deadline == null ? null : Assessment.findFor(agency, deadline.cycle());
        boolean takingPart = deadline == null || assessment != null || deadline.cycle().takesPart(agency);
        AssessmentState state = deadline == null ? null : assessment == null ? AssessmentState.NOT_STARTED : assessment.state;
        return new LeadHome(agency, takingPart ? deadline : null, state, assessment == null ? null : assessment.id,
                monitoring.leadPlans(agency), takingPart);
    }

    @Transactional
    public ModeratorHome moderatorHome(Optional<Area> area) {
        Deadline deadline = liveDeadline().orElse(null);
        List<Agency> visible = scope.visibleAgencies();
        List<Agency> shown = area.map(a -> visible.stream()
                        .filter(agency -> agency.areas.stream().anyMatch(p -> p.code == a)).toList())
                .orElse(visible);
        List<ReviewQueue.Waiting> waiting = deadline == null ? List.of() : reviewQueue.waiting(deadline.cycle(), visible);
        return new ModeratorHome(deadline, waiting, rows(shown, deadline), area, visible.size());
    }

    @Transactional
    public AdminHome adminHome() {
        Deadline deadline = liveDeadline().orElse(null);
        List<Agency> agencies = scope.visibleAgencies();
        User admin = currentUser.user();
        List<PartnershipRow> partnerships = Partnership.listInOrder().stream()
                .filter(p -> admin.partnership == null || admin.partnership.id.equals(p.id))
                .map(p -> new PartnershipRow(p,
                        agencies.stream().filter(a -> a.worksIn(p)).count(),
                        agencies.stream().filter(a -> a.worksIn(p) && a.isJoint()).count()))
                .toList();
        return new AdminHome(deadline, partnerships, rows(agencies, deadline));
    }

    Optional<Deadline> liveDeadline() {
        LocalDate today = clock.today();
        Cycle cycle = Cycle.liveOn(today);
        if (cycle == null) {
            return Optional.empty();
        }
        int year = cycle.yearOn(today);
        LocalDate due = year == 1 ? cycle.year1Due : cycle.year2Due;
        return Optional.of(new Deadline(cycle, year, due, clock.daysUntil(due)));
    }

    /**
     * Each agency with whether it takes part in the cycle and, if it has started, its assessment's id and state: one
     * statement that reads only those columns, however many agencies. (An agency takes part before it starts, and
     * only a participant can start: every assessment of the cycle is a participant's.)
     */
    private static List<AgencyRow> rows(List<Agency> agencies, Deadline deadline) {
        Map<Long, AgencyRow> byAgency = new HashMap<>();
        if (deadline != null && !agencies.isEmpty()) {
            Map<Long, Agency> byId = agencies.stream().collect(Collectors.toMap(a -> a.id, a -> a, (x, y) -> x));
            Panache.getEntityManager()
                    .createQuery("select p.agency.id, a.state, a.id from CycleAgency p left join Assessment a"
                            + " on a.agency.id = p.agency.id and a.cycle = p.cycle where p.cycle = ?1 and p.agency.id in ?2",
                            Object[].class)
                    .setParameter(1, deadline.cycle()).setParameter(2, byId.keySet()).getResultList()
                    .forEach(r -> byAgency.putIfAbsent((Long) r[0], new AgencyRow(byId.get((Long) r[0]),
                            r[1] == null ? AssessmentState.NOT_STARTED : (AssessmentState) r[1], (Long) r[2], true)));
        }
        return agencies.stream()
                .map(a -> byAgency.getOrDefault(a.id, new AgencyRow(a, AssessmentState.NOT_STARTED, null, deadline == null)))
                .toList();
    }
}
