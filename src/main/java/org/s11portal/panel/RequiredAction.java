package org.s11portal.panel;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.s11portal.assessment.ActionItem;
import org.s11portal.assessment.ActionStatus;
import org.s11portal.common.persistence.GeneratedIdEntity;
import org.s11portal.common.template.TemplateExtensions;
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

    /**
     * Records an action the panel requires: it joins the agency's action plan (tagged as required by the panel,
     * with the fixed wording that makes it SMART) and the panel keeps what it required. The one way both the outcome
     * form and loaded data (demo) add one.
     */
    public static RequiredAction record(AgendaItem item, Standard standard, String description, LocalDate startOn,
            LocalDate dueOn, ActionStatus status, Instant createdAt) {
        PanelDay panel = item.panel;
        ActionItem action = new ActionItem();
        action.assessment = item.assessment;
        action.standard = standard;
        action.gap = "Required by the " + panel.title().toLowerCase() + " on " + TemplateExtensions.format(panel.heldOn);
        action.action = description.strip();
        action.measure = "Done by the due date, as the panel required";
        action.lead = "The agency's senior lead";
        action.resources = "As agreed with the panel";
        action.startDate = startOn;
        action.targetDate = dueOn;
        action.status = status;
        action.requiredByPanelOn = panel.heldOn;
        action.persist();
        RequiredAction required = new RequiredAction();
        required.item = item;
        required.standard = standard;
        required.description = action.action;
        required.dueOn = action.targetDate;
        required.actionItem = action;
        required.createdAt = createdAt;
        required.persist();
        return required;
    }

    public static List<RequiredAction> forItem(AgendaItem item) {
        return list("select r from RequiredAction r join fetch r.standard where r.item = ?1 order by r.id", item);
    }
}
