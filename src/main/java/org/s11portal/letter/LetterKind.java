package org.s11portal.letter;

/** Which panel a letter comes from, and so which template frames it. */
public enum LetterKind {
    /** The joint HIPS panel, for agencies working in two or more areas: one letter for all four partnerships. */
    JOINT("Joint (HIPS)"),
    /** One partnership's own panel, for its single-area agencies. */
    LOCAL("Local");

    public final String label;

    LetterKind(String label) {
        this.label = label;
    }
}
