package org.s11portal.agency;

/** The four HIPS areas, each with its own safeguarding children partnership. */
public enum Area {
    HAMPSHIRE("Hampshire"),
    ISLE_OF_WIGHT("Isle of Wight"),
    PORTSMOUTH("Portsmouth"),
    SOUTHAMPTON("Southampton");

    public final String label;

    Area(String label) {
        this.label = label;
    }
}
