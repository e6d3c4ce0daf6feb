package org.s11portal.account;

import java.time.Instant;
import java.util.List;

import org.s11portal.agency.Agency;

import org.s11portal.common.config.PortalClock;
import org.s11portal.common.config.PortalConfig;
import org.s11portal.common.persistence.DatabaseUnavailable;

import io.quarkus.runtime.BlockingOperationControl;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The person behind this request, for resources, services and the layout ({@code inject:currentUser}). */
@RequestScoped
@Named("currentUser")
public class CurrentUser {

    @Inject
    PortalClock clock;

    @Inject
    SecurityIdentity identity;

    @Inject
    PortalConfig config;

    private User user;

    /**
     * Whether someone is signed in. Answers no on the IO thread (a 404 for a path no resource matches is
     * rendered there), where reading the session from the database is not allowed, and while the database cannot be
     * reached (the page then being the "unavailable" one).
     */
    public boolean isSignedIn() {
        if (!BlockingOperationControl.isBlockingAllowed()) {
            return false;
        }
        try {
            return !identity.isAnonymous();
        } catch (RuntimeException e) {
            // the session could not be checked: the request fails with 503 (SessionAuthenticationMechanism), and
            // the "unavailable" page itself is rendered without a name in its header
            if (DatabaseUnavailable.causes(e)) {
                return false;
            }
            throw e;
        }
    }

    /** The signed-in user, loaded once per request (in the first transaction that asks); challenges when nobody is signed in. */
    public User user() {
        if (user == null) {
            if (identity.isAnonymous()) {
                throw new UnauthorizedException();
            }
            Long id = identity.getAttribute(SessionIdentityProvider.USER_ID);
            // with its agencies: the same one statement as loading the user alone
            user = User.withAgencies(id);
            if (user == null) {
                throw new UnauthorizedException();
            }
        }
        return user;
    }

    /** The name read with the session on this request; the user entity only where the identity lacks it. */
    public String displayName() {
        String name = signedInAttribute(SessionIdentityProvider.DISPLAY_NAME);
        return name != null ? name : user().displayName;
    }

    public String roleLabel() {
        String role = signedInAttribute(SessionIdentityProvider.ROLE);
        return role != null ? Roles.label(role) : user().roleLabel();
    }

    private String signedInAttribute(String name) {
        if (identity.isAnonymous()) {
            throw new UnauthorizedException();
        }
        return identity.getAttribute(name);
    }

    /**
     * The agency a lead is working for: the one chosen in this session while it is still theirs, otherwise the first of
     * theirs by name; null for anyone else (and a lead with no agency). Every page about "your agency" asks this.
     */
    public Agency leadAgency() {
        User lead = user();
        if (!Roles.AGENCY_LEAD.equals(lead.role)) {
            return null;
        }
        List<Agency> agencies = lead.agenciesByName();
        Long chosen = sessionLeadAgency().chosenId();
        return agencies.stream().filter(a -> a.id.equals(chosen)).findFirst()
                .orElse(agencies.isEmpty() ? null : agencies.get(0));
    }

    /** Whether a lead of several agencies is signed in: the layout then says which one they work for. */
    public boolean isLeadOfSeveralAgencies() {
        return isSignedIn() && sessionLeadAgency().count() > 1;
    }

    /** The name of the agency the lead works for, as read with the session (no user loaded for the layout). */
    public String leadAgencyName() {
        return sessionLeadAgency().name();
    }

    private SessionService.LeadAgency sessionLeadAgency() {
        SessionService.LeadAgency agency = identity.isAnonymous() ? null : identity.getAttribute(SessionIdentityProvider.LEAD_AGENCY);
        return agency == null ? SessionService.LeadAgency.NONE : agency;
    }

    public boolean is(String role) {
        return isSignedIn() && identity.hasRole(role);
    }

    public boolean isAgencyLead() {
        return is(Roles.AGENCY_LEAD);
    }

    public boolean isModerator() {
        return is(Roles.MODERATOR);
    }

    /** Used by templates ({@code inject:currentUser.admin}). */
    public boolean isAdmin() {
        return is(Roles.PARTNERSHIP_ADMIN);
    }

    /** Seconds until the idle timeout, for the page's "you will be signed out" warning. */
    public long secondsUntilIdleTimeout() {
        Instant expires = identity.getAttribute(SessionIdentityProvider.IDLE_EXPIRES_AT);
        return expires == null ? 0 : Math.max(0, expires.getEpochSecond() - clock.now().getEpochSecond());
    }

    /** How long before the timeout the page warns, in seconds. */
    public long sessionWarningSeconds() {
        return config.session().warningBefore().toSeconds();
    }
}
