package org.s11portal.cycle;

import java.time.Instant;
import java.time.LocalDate;

import org.s11portal.account.AccessScope;
import org.s11portal.account.CurrentUser;
import org.s11portal.account.Roles;
import org.s11portal.agency.Agency;
import org.s11portal.common.config.PortalClock;
import org.s11portal.common.web.FormErrors;

import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

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

    /** Checks and records the extension; returns the problems instead when there are any. */
    @Transactional
    public FormErrors grant(long agencyId, LocalDate newDue, String reason, FormErrors errors) {
        Agency agency = scope.agency(agencyId);
        if (!Roles.PARTNERSHIP_ADMIN.equals(currentUser.user().role)) {
            throw new ForbiddenException();
        }
        Cycle cycle = Cycle.liveOn(clock.today());
        if (cycle == null) {
            return errors.add("newDue-day", "There is no live cycle to extend");
        }
        if (newDue == null && !errors.has("newDue-day") && !errors.has("newDue-month") && !errors.has("newDue-year")) {
            errors.add("newDue-day", "Enter the new due date");
        } else if (newDue != null && !newDue.isAfter(cycle.year1Due)) {
            errors.add("newDue-day", "The new due date must be after the cycle's due date");
        } else if (newDue != null && newDue.isAfter(cycle.year2Due)) {
            errors.add("newDue-day", "The new due date must be before year 2 progress updates are due");
        }
        if (reason == null || reason.isBlank()) {
            errors.add("reason", "Enter the reason for the extension");
        } else if (reason.length() > MAX_REASON) {
            errors.add("reason", "The reason must be " + MAX_REASON + " characters or fewer");
        }
        if (errors.any()) {
            return errors;
        }
        DeadlineExtension extension = new DeadlineExtension();
        extension.agency = agency;
        extension.cycle = cycle;
        extension.newDue = newDue;
        extension.reason = reason.strip();
        extension.grantedBy = currentUser.user();
        extension.grantedAt = Instant.now();
        extension.persist();
        return errors;
    }

    @Transactional
    public DeadlineExtension current(Agency agency) {
        Cycle cycle = Cycle.liveOn(clock.today());
        return cycle == null ? null : DeadlineExtension.latestFor(agency, cycle);
    }
}
