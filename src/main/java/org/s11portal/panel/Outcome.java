package org.s11portal.panel;

/** What the panel decided about one submission. */
public enum Outcome {
    ACCEPTED("Accepted", "green"),
    ACCEPTED_WITH_ACTIONS("Accepted with required actions", "turquoise"),
    RETURNED("Returned for more information", "orange");

    public final String label;
    /** govuk-tag colour modifier. */
    public final String tagColour;

    Outcome(String label, String tagColour) {
        this.label = label;
        this.tagColour = tagColour;
    }
}
