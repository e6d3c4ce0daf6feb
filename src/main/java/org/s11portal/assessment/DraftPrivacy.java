package org.s11portal.assessment;

import org.s11portal.account.User;

/**
 * The one rule about unsubmitted work: an agency's draft is its own. Only the leads of the agency read it;
 * moderators and partnership admins, even with the agency in their scope, see only what the agency
 * submitted (the latest frozen version), on every page, download and API route.
 */
public final class DraftPrivacy {

    private DraftPrivacy() {
    }

    /** Whether this person may read the assessment's current, unsubmitted answers, actions and files. */
    public static boolean mayReadDraft(User user, Assessment assessment) {
        return user != null && user.leads(assessment.agency);
    }
}
