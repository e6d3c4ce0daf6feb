package org.s11portal.survey;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

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
 * Survey results for the caller's scope: an agency's own (its lead, or a moderator or admin in scope) against
 * the HIPS-wide figures, or every agency in scope together. An agency whose answers are too few is shown as
 * suppressed, and so are as many of the next smallest agencies as it takes to stop subtraction from totals.
 */
@ApplicationScoped
public class SurveyResultsService {

    @Inject
    AccessScope scope;

    @Inject
    CurrentUser currentUser;

    @Inject
    PortalClock clock;

    @Inject
    PortalConfig config;

    public record Choice(Long agencyId, List<Agency> agencies) {
    }

    @Transactional
    public SurveyResults.Results results(Long agencyId) {
        Cycle cycle = Cycle.liveOn(clock.today());
        if (cycle == null) {
            throw new NotFoundException();
        }
        int threshold = config.survey().suppressionThreshold();
        List<SurveyResponse> all = SurveyResponse.list("cycle", cycle);
        Map<Long, Agency> agencies = scope.visibleAgencies().stream().collect(Collectors.toMap(a -> a.id, Function.identity()));
        Long chosen = currentUser.isAgencyLead() ? currentUser.user().agency.id : agencyId;
        if (chosen == null) {
            List<SurveyResponse> inScope = all.stream().filter(r -> agencies.containsKey(r.agency.id)).toList();
            return SurveyResults.of("All agencies in your scope", inScope, null, agencies, threshold,
                    config.survey().freeTextThreshold(), true);
        }
        Agency agency = scope.agency(chosen);
        Map<String, Long> sizes = all.stream().collect(Collectors.groupingBy(r -> String.valueOf(r.agency.id), Collectors.counting()));
        Set<String> hidden = SurveyResults.suppressedGroups(sizes, threshold);
        List<SurveyResponse> own = all.stream().filter(r -> r.agency.id.equals(agency.id)).toList();
        if (hidden.contains(String.valueOf(agency.id)) || own.size() < threshold) {
            return new SurveyResults.Results(agency.name, own.size(), true, List.of(), List.of(), List.of(), false, threshold);
        }
        return SurveyResults.of(agency.name, own, all, Map.of(agency.id, agency), threshold, config.survey().freeTextThreshold(), false);
    }

    @Transactional
    public List<Agency> agenciesInScope() {
        return scope.visibleAgencies();
    }
}
