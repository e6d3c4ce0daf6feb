package org.s11portal.panel;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;

import org.s11portal.account.User;
import org.s11portal.agency.Agency;
import org.s11portal.agency.Partnership;
import org.s11portal.common.persistence.EditableEntity;
import org.s11portal.cycle.Cycle;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * A dated sitting of moderators. Joint: the HIPS managers together, for agencies working in two or more areas;
 * local: one partnership, for its single-area agencies. Its agenda holds the submissions it considers.
 */
@Entity
@Table(name = "panel_day")
public class PanelDay extends EditableEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "cycle_id")
    public Cycle cycle;

    @Column(name = "held_on", nullable = false)
    public LocalDate heldOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    public PanelKind kind;

    /** The partnership of a local panel; null for a joint one. Loaded with the panel: its title names it. */
    @ManyToOne
    @JoinColumn(name = "partnership_id")
    public Partnership partnership;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "created_by_user_id")
    public User createdBy;

    /** The moderators taking part. */
    @ManyToMany(fetch = FetchType.LAZY)
    @JoinTable(name = "panel_member",
            joinColumns = @JoinColumn(name = "panel_day_id"),
            inverseJoinColumns = @JoinColumn(name = "user_id"))
    public Set<User> members = new LinkedHashSet<>();

    /** Whether an agency's submission belongs on this panel: joint agencies on a joint one, the partnership's own on a local one. */
    public boolean covers(Agency agency) {
        return kind == PanelKind.JOINT ? agency.isJoint()
                : !agency.isJoint() && partnership != null && agency.worksIn(partnership);
    }

    /** "Joint (HIPS) panel" or "Portsmouth local panel". */
    public String title() {
        return kind == PanelKind.JOINT ? kind.label : partnership.areaName() + " local panel";
    }

    public String path() {
        return "/panels/" + id;
    }
}
