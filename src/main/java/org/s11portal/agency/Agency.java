package org.s11portal.agency;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.s11portal.common.persistence.EditableEntity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;

/**
 * An organisation audited under Section 11. Working in two or more areas makes it a joint (HIPS) agency,
 * audited once and moderated by all four partnerships; otherwise its own partnership audits it locally.
 */
@Entity
@Table(name = "agency")
public class Agency extends EditableEntity {

    /** The headcounts a lead may give: a real agency has at least one person and far fewer than half a million. */
    public static final int MIN_HEADCOUNT = 1;
    public static final int MAX_HEADCOUNT = 500_000;

    @Column(nullable = false, unique = true, length = 200)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 40)
    public Sector sector;

    /**
     * Staff headcount, null until known: the one headcount of the agency, shown on its profile and the denominator of
     * staff-survey take-up. The agency's lead sets it on the staff-survey page.
     */
    @Column
    public Integer headcount;

    /** The agency's named senior lead for safeguarding children (optional). */
    @Column(name = "senior_lead_name", length = 120)
    public String seniorLeadName;

    @Column(name = "senior_lead_email", length = 254)
    public String seniorLeadEmail;

    /**
     * When an admin archived the agency, or null while active. An agency with history is archived, never deleted: it
     * stays readable, but takes part in no new cycle.
     */
    @Column(name = "archived_at")
    public Instant archivedAt;

    /** At most four, and shown wherever an agency is: loaded with it. */
    @ManyToMany(fetch = FetchType.EAGER)
    @JoinTable(name = "agency_area",
            joinColumns = @JoinColumn(name = "agency_id"),
            inverseJoinColumns = @JoinColumn(name = "partnership_id"))
    public Set<Partnership> areas = new LinkedHashSet<>();

    public boolean isArchived() {
        return archivedAt != null;
    }

    public boolean isJoint() {
        return areas.size() >= 2;
    }

    public boolean worksIn(Partnership partnership) {
        return areas.stream().anyMatch(p -> p.id.equals(partnership.id));
    }

    /** Areas in the fixed HIPS order, for display. */
    public List<Partnership> areasInOrder() {
        return areas.stream().sorted(Comparator.comparing(p -> p.code.ordinal())).toList();
    }

    /** "Joint (HIPS)" or "Local (Portsmouth)". */
    public String route() {
        if (isJoint()) {
            return "Joint (HIPS)";
        }
        return areas.isEmpty() ? "No area" : "Local (" + areas.iterator().next().areaName() + ")";
    }

    /** "/agencies/12": the agency's profile page. */
    public String path() {
        return "/agencies/" + id;
    }

    public static Agency findByName(String name) {
        return find("name", name).firstResult();
    }
}
