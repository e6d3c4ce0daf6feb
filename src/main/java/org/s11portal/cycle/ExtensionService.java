package org.s11portal.cycle;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.s11portal.account.AccessScope;
import org.s11portal.account.CurrentUser;
import org.s11portal.account.Roles;
import org.s11portal.agency.Agency;
import org.s11portal.common.config.PortalClock;
import org.s11portal.common.web.InputProblem;
import org.s11portal.common.web.Violations;

import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A partnership admin grants an agency a later year-1 due date in the live cycle, with the reason recorded. */
@ApplicationScoped
public class ExtensionService {

    public static final int MAX_REASON = 2_000;

    @Inject
    AccessScope scope;

    @Inject
    CurrentUser currentUser;

    @Inject
    PortalClock clock;

    @Inject
    Validator validator;

    /** What the admin asks for: the new year-1 due date and why. */
    public record ExtensionRequest(
            @NotNull(message = "Enter the new due date") LocalDate newDue,
            @NotBlank(message = "Enter the reason for the extension")
            @Size(max = MAX_REASON, message = "The reason must be " + MAX_REASON + " characters or fewer") String reason) {
    }

    /**
     * Checks and records the extension; returns the problems instead (by property: {@code newDue}, {@code reason})
     * when there are any. Only a partnership admin whose scope includes the agency may ask (404, 403 otherwise).
     */
    @Transactional
    public List<InputProblem> grant(long agencyId, ExtensionRequest request) {
        Agency agency = scope.agency(agencyId);
        if (!Roles.PARTNERSHIP_ADMIN.equals(currentUser.user().role)) {
            throw new ForbiddenException();
        }
        Cycle cycle = Cycle.liveOn(clock.today());
        if (cycle == null) {
            return List.of(new InputProblem("newDue", "There is no live cycle to extend"));
        }
        List<InputProblem> problems = new ArrayList<>(Violations.problems(validator.validate(request)));
        LocalDate newDue = request.newDue();
        if (newDue != null && !newDue.isAfter(cycle.year1Due)) {
            problems.add(new InputProblem("newDue", "The new due date must be after the cycle's due date"));
        } else if (newDue != null && newDue.isAfter(cycle.year2Due)) {
            problems.add(new InputProblem("newDue", "The new due date must be before year 2 progress updates are due"));
        }
        if (!problems.isEmpty()) {
            return problems;
        }
        DeadlineExtension extension = new DeadlineExtension();
        extension.agency = agency;
        extension.cycle = cycle;
        extension.newDue = newDue;
        extension.reason = request.reason().strip();
        extension.grantedBy = currentUser.user();
        extension.grantedAt = clock.now();
        extension.persist();
        return List.of();
    }

    @Transactional
    public DeadlineExtension current(Agency agency) {
        Cycle cycle = Cycle.liveOn(clock.today());
        return cycle == null ? null : DeadlineExtension.latestFor(agency, cycle);
    }
}
