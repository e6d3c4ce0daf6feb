package org.s11portal.useradmin;

import org.jboss.resteasy.reactive.RestForm;

/** The invitation form as typed: every field a string, so that whatever was typed can be shown back. */
public class InviteForm {

    @RestForm
    public String displayName;

    @RestForm
    public String email;

    @RestForm
    public String role;

    @RestForm
    public String agencyId;

    /** A partnership's id, or {@link #ALL_PARTNERSHIPS} for a HIPS admin. */
    @RestForm
    public String partnershipId;

    public static final String ALL_PARTNERSHIPS = "all";

    static InviteForm empty() {
        InviteForm form = new InviteForm();
        form.displayName = "";
        form.email = "";
        form.role = "";
        form.agencyId = "";
        form.partnershipId = "";
        return form;
    }
}
