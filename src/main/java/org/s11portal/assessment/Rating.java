package org.s11portal.assessment;

/** How far a question's arrangement is in place, as the agency rates it. */
public enum Rating {
    FULL("Fully in place", "green"),
    PART("Partly in place", "yellow"),
    NOT("Not in place", "red"),
    NA("Not applicable", "grey");

    public final String label;
    public final String tagColour;

    Rating(String label, String tagColour) {
        this.label = label;
        this.tagColour = tagColour;
    }

    /** The rating stored under this name (as in a frozen version), or null for none. */
    public static Rating named(String name) {
        return name == null ? null : valueOf(name);
    }

    /** Partly or not in place: a gap that needs a SMART action. */
    public boolean isGap() {
        return this == PART || this == NOT;
    }
}
