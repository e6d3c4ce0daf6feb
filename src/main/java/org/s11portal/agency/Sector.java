package org.s11portal.agency;

/** The kinds of agency that take part in the Section 11 audit. */
public enum Sector {
    POLICE("Police"),
    HEALTH_PROVIDER("NHS trust or health provider"),
    AMBULANCE("Ambulance service"),
    PRIMARY_CARE("Primary care"),
    PROBATION("Probation"),
    YOUTH_JUSTICE("Youth justice"),
    CAFCASS("Children and family court advisory service"),
    COUNCIL_SERVICE("Council service"),
    HOUSING("Housing"),
    EDUCATION("Education"),
    VOLUNTARY_SECTOR("Voluntary and community sector"),
    FIRE_AND_RESCUE("Fire and rescue");

    public final String label;

    Sector(String label) {
        this.label = label;
    }
}
