package org.s11portal.panel;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.s11portal.assessment.Rating;
import org.s11portal.common.persistence.EditableEntity;
import org.s11portal.tool.Standard;

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
 * The panel's view of one standard of a submission, drafted before the day and completed on it: agrees with the
 * agency's rating, or a panel rating with the reason; strengths and areas for development (for the letter);
 * private notes that never leave the panel.
 */
@Entity
@Table(name = "standard_finding")
public class StandardFinding extends EditableEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "agenda_item_id")
    public AgendaItem item;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "standard_id")
    public Standard standard;

    @Column(nullable = false)
    public boolean agrees;

    /** The themes across the partnerships the panel noted under this standard. */
    @ManyToMany(fetch = FetchType.LAZY)
    @JoinTable(name = "finding_theme",
            joinColumns = @JoinColumn(name = "standard_finding_id"),
            inverseJoinColumns = @JoinColumn(name = "theme_id"))
    public Set<Theme> themes = new LinkedHashSet<>();

    @Enumerated(EnumType.STRING)
    @Column(name = "panel_rating", length = 10)
    public Rating panelRating;

    @Column(name = "rating_reason", columnDefinition = "text")
    public String ratingReason;

    @Column(columnDefinition = "text")
    public String strengths;

    @Column(name = "areas_for_development", columnDefinition = "text")
    public String areasForDevelopment;

    /** Never shown to the agency, never in a letter. */
    @Column(name = "private_notes", columnDefinition = "text")
    public String privateNotes;

    @Column(name = "updated_by_name", length = 120)
    public String updatedByName;

    /** An item's findings with their themes, in one query. */
    public static List<StandardFinding> forItem(AgendaItem item) {
        return list("select distinct f from StandardFinding f left join fetch f.themes where f.item = ?1", item);
    }

    /** The themes noted under any of these findings, once each, in the list's order: what a letter names. */
    public static List<String> themeNames(Collection<StandardFinding> findings) {
        return findings.stream().flatMap(f -> f.themes.stream()).distinct()
                .sorted(Comparator.comparingInt((Theme t) -> t.position)).map(t -> t.name).toList();
    }
}
