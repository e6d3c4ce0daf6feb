package org.s11portal.account;

import java.util.List;

import org.s11portal.agency.Agency;
import org.s11portal.common.web.FormErrors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

/**
 * A lead of several agencies works for one at a time: "Change agency" lists theirs and switches the session to the one
 * chosen. Every page about "your agency" then follows {@link CurrentUser#leadAgency()}.
 */
@ApplicationScoped
public class LeadAgencyService {

    @Inject
    CurrentUser currentUser;

    @Inject
    SessionService sessions;

    /** The "Change agency" page: the lead's agencies by name and the one they work for now. */
    public record Choice(List<Agency> agencies, Agency current) {
    }

    @Transactional
    public Choice choice() {
        User lead = currentUser.user();
        if (!Roles.AGENCY_LEAD.equals(lead.role)) {
            throw new NotFoundException();
        }
        return new Choice(lead.agenciesByName(), currentUser.leadAgency());
    }

    /** Works for the agency chosen (one of theirs: any other is 404); the form's problem when none was chosen. */
    public FormErrors workFor(String sessionToken, String agencyId) {
        Long id = parseId(agencyId);
        if (id == null) {
            return FormErrors.none().add("agencyId", "Select the agency you are working for");
        }
        sessions.workFor(sessionToken, id);
        return FormErrors.none();
    }

    private static Long parseId(String value) {
        try {
            return value == null || value.isBlank() ? null : Long.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
