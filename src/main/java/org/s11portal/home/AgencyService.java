package org.s11portal.home;

import java.time.LocalDate;
import java.util.List;

import org.s11portal.account.AccessScope;
import org.s11portal.account.CurrentUser;
import org.s11portal.agency.Agency;
import org.s11portal.assessment.Assessment;
import org.s11portal.assessment.AssessmentState;
import org.s11portal.cycle.DeadlineExtension;
import org.s11portal.cycle.ExtensionService;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** An agency's profile and its record across cycles, for anyone whose scope includes it. */
@ApplicationScoped
public class AgencyService {

    @Inject
    AccessScope scope;

    @Inject
    CurrentUser currentUser;

    @Inject
    ExtensionService extensions;

    /** {@code extension}: the agency's extension in the live cycle, or null. */
    public record AgencyProfile(Agency agency, List<CycleRow> cycles, DeadlineExtension extension) {
    }

    /** One cycle of the agency's record; {@code path} is where this user reads that cycle's assessment. */
    public record CycleRow(String cycleName, LocalDate due, AssessmentState state, String path) {
    }

    @Transactional
    public AgencyProfile profile(long agencyId) {
        Agency agency = scope.agency(agencyId);
        List<CycleRow> cycles = Assessment.<Assessment>list("select a from Assessment a join fetch a.cycle c"
                + " where a.agency = ?1 order by c.year1Opens desc", agency).stream()
                .map(a -> new CycleRow(a.cycle.name, a.cycle.year1Due, a.state,
                        "/assessments/" + a.id + (currentUser.isAgencyLead() ? "" : "/view")))
                .toList();
        return new AgencyProfile(agency, cycles, extensions.current(agency));
    }
}
