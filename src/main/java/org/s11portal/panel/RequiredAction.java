package org.s11portal.panel;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.s11portal.assessment.ActionItem;
import org.s11portal.common.persistence.GeneratedIdEntity;
import org.s11portal.tool.Standard;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** An action the panel requires of an agency; written once, with the action it added to the agency's plan. */
@Entity
@Table(name = "required_action")
public class RequiredAction extends GeneratedIdEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "agenda_item_id")
    public AgendaItem item;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "standard_id")
    public Standard standard;

    @Column(nullable = false, columnDefinition = "text")
    public String description;

    @Column(name = "due_on", nullable = false)
    public LocalDate dueOn;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "action_item_id")
    public ActionItem actionItem;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static List<RequiredAction> forItem(AgendaItem item) {
        return list("select r from RequiredAction r join fetch r.standard where r.item = ?1 order by r.id", item);
    }
}
