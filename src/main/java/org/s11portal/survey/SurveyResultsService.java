package org.s11portal.survey;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.s11portal.agency.Agency;
import org.s11portal.common.config.PortalClock;
import org.s11portal.common.config.PortalConfig;
import org.s11portal.common.security.AccessScope;
import org.s11portal.common.security.CurrentUser;
import org.s11portal.cycle.Cycle;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

/**
 * Survey results for the caller's scope and a chosen cycle: an agency's own (its lead, or a moderator or admin in
 * scope) against the HIPS-wide figures, or every agency in scope together. The disclosure rules are in
 * {@link SurveyResults}; this service adds the rule against differencing over time: a cycle's results exist only
 * from {@link #DAYS_AFTER_CLOSING} days after its survey closed, when no answer can be added any more.
 */
@ApplicationScoped
public class SurveyResultsService {

    /** Results are shown from this many days after the survey's last day (answers are refused after that day). */
    public static final int DAYS_AFTER_CLOSING = 2;

    @Inject
    AccessScope scope;

    @Inject
    CurrentUser currentUser;

    @Inject
    PortalClock clock;

    @Inject
    PortalConfig config;

    /**
     * The page: the cycles to choose from (those whose survey has opened, newest first), the chosen cycle, the day
     * its results are available from, and the results themselves, or null before that day (or when no cycle).
     */
    public record View(List<Cycle> cycles, Cycle cycle, LocalDate availableFrom, SurveyResults.Results results,
            List<Agency> agencies, Long agency, LocalDate today) {

        public boolean available() {
            return results != null;
        }

        /** The newest cycle whose results can be shown, other than the chosen one; null when there is none. */
        public Cycle latestAvailable() {
            return cycles.stream().filter(c -> (cycle == null || !c.id.equals(cycle.id)) && !SurveyResultsService.availableFrom(c).isAfter(today))
                    .findFirst().orElse(null);
        }

        /** The view adds up several agencies (a moderator's or admin's "all agencies in your scope"). */
        public boolean allAgencies() {
            return agency == null && !agencies.isEmpty();
        }
    }

    static final List<SurveyResults.Dimension> AGENCY_DIMENSIONS = List.of(SurveyResults.BY_AREA, SurveyResults.BY_ROLE,
            SurveyResults.BY_WORKS_WITH);
    static final List<SurveyResults.Dimension> SCOPE_DIMENSIONS = List.of(SurveyResults.BY_AREA, SurveyResults.BY_ROLE,
            SurveyResults.BY_WORKS_WITH, SurveyResults.BY_SECTOR);

    @Transactional
    public View results(Long cycleId, Long agencyId) {
        LocalDate today = clock.today();
        List<Cycle> cycles = Cycle.list("surveyOpens <= ?1 order by surveyOpens desc, id desc", today);
        Long chosen = currentUser.isAgencyLead() ? currentUser.user().agency.id : agencyId;
        Agency agency = chosen == null ? null : scope.agency(chosen);
        List<Agency> inScope = scope.visibleAgencies();
        List<Agency> choices = currentUser.isAgencyLead() ? List.of() : inScope;
        Cycle cycle = cycleId != null ? Cycle.<Cycle>findByIdOptional(cycleId).orElseThrow(NotFoundException::new)
                : Objects.requireNonNullElse(Cycle.liveOn(today), cycles.isEmpty() ? null : cycles.get(0));
        if (cycle == null) {
            return new View(cycles, null, null, null, choices, agencyId, today);
        }
        LocalDate availableFrom = availableFrom(cycle);
        if (today.isBefore(availableFrom)) {
            return new View(cycles, cycle, availableFrom, null, choices, agencyId, today);
        }
        int threshold = config.survey().suppressionThreshold();
        int freeTextThreshold = config.survey().freeTextThreshold();
        List<SurveyResponse> all = SurveyResponse.list("cycle", cycle);
        SurveyResults.Results results;
        if (agency == null) {
            Map<Long, SurveyResults.AgencyCells> cells = SurveyResults.cells(all, threshold, SCOPE_DIMENSIONS);
            List<SurveyResults.AgencyCells> view = inScope.stream().map(a -> cells.get(a.id)).filter(Objects::nonNull).toList();
            results = SurveyResults.of("All agencies in your scope", view, null, SCOPE_DIMENSIONS, threshold, freeTextThreshold);
        } else {
            Map<Long, SurveyResults.AgencyCells> cells = SurveyResults.cells(all, threshold, AGENCY_DIMENSIONS);
            SurveyResults.AgencyCells own = cells.get(agency.id);
            results = SurveyResults.of(agency.name, own == null ? List.of() : List.of(own), List.copyOf(cells.values()),
                    AGENCY_DIMENSIONS, threshold, freeTextThreshold);
        }
        return new View(cycles, cycle, availableFrom, results, choices, agencyId, today);
    }

    static LocalDate availableFrom(Cycle cycle) {
        return cycle.surveyCloses.plusDays(DAYS_AFTER_CLOSING);
    }
}
