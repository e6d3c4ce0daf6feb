package org.s11portal.letter;

/** Where a feedback letter is: drafted and edited, issued (never changed again), or superseded by a reissue. */
public enum LetterState {
    DRAFT("Draft", "grey"),
    ISSUED("Issued", "green"),
    SUPERSEDED("Superseded", "orange");

    public final String label;
    /** govuk-tag colour modifier. */
    public final String tagColour;

    LetterState(String label, String tagColour) {
        this.label = label;
        this.tagColour = tagColour;
    }
}
