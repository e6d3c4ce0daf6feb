package org.s11portal.panel;

/** Joint (HIPS): agencies working in two or more areas; local: one partnership's single-area agencies. */
public enum PanelKind {
    JOINT("Joint (HIPS) panel"),
    LOCAL("Local panel");

    public final String label;

    PanelKind(String label) {
        this.label = label;
    }
}
