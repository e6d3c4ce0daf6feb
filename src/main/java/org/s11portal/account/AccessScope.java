package org.s11portal.account;

import java.util.List;

import org.s11portal.agency.Agency;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;

/**
 * Who may see which agency: the one place that decides record-level access. An agency lead sees each agency they
 * lead; a moderator sees every joint agency and the single-area agencies of their partnership; a
 * partnership admin sees the agencies working in their partnership, or all when they are the HIPS admin.
 * Anything outside scope is reported as not found, so its existence is not given away.
 */
@ApplicationScoped
public class AccessScope {

    @Inject
    CurrentUser currentUser;

    /** The agency, when the current user may see it; otherwise 404. */
    public Agency agency(long agencyId) {
        Agency agency = Agency.findById(agencyId);
        if (agency == null || !canSee(currentUser.user(), agency)) {
            throw new NotFoundException();
        }
        return agency;
    }

    public boolean canSee(User user, Agency agency) {
        return switch (user.role) {
            case Roles.AGENCY_LEAD -> user.leads(agency);
            case Roles.MODERATOR -> agency.isJoint() || (user.partnership != null && agency.worksIn(user.partnership));
            case Roles.PARTNERSHIP_ADMIN -> user.partnership == null || agency.worksIn(user.partnership);
            default -> false;
        };
    }

    /** Every agency the current user may see, by name. */
    public List<Agency> visibleAgencies() {
        User user = currentUser.user();
        return switch (user.role) {
            case Roles.AGENCY_LEAD -> user.agenciesByName();
            // each with its areas in the same statement, however many agencies there are
            case Roles.MODERATOR -> user.partnership == null
                    ? Agency.list("select distinct a from Agency a left join fetch a.areas where size(a.areas) >= 2"
                            + " order by a.name")
                    : Agency.list("select distinct a from Agency a left join fetch a.areas"
                            + " where size(a.areas) >= 2 or ?1 member of a.areas order by a.name", user.partnership);
            case Roles.PARTNERSHIP_ADMIN -> user.partnership == null
                    ? Agency.list("select distinct a from Agency a left join fetch a.areas order by a.name")
                    : Agency.list("select distinct a from Agency a left join fetch a.areas where ?1 member of a.areas"
                            + " order by a.name", user.partnership);
            default -> List.of();
        };
    }

    /**
     * Whether an admin manages an account: the HIPS admin every account; a partnership admin the accounts of their
     * partnership and the leads of whom any agency works in it (joint agencies included).
     */
    public boolean canManage(User admin, User user) {
        if (!Roles.PARTNERSHIP_ADMIN.equals(admin.role)) {
            return false;
        }
        if (admin.partnership == null) {
            return true;
        }
        return user.partnership != null && user.partnership.id.equals(admin.partnership.id)
                || user.agencies.stream().anyMatch(a -> a.worksIn(admin.partnership));
    }
}
