package org.s11portal.monitoring;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.s11portal.account.CurrentUser;
import org.s11portal.assessment.ActionItem;
import org.s11portal.assessment.Assessment;
import org.s11portal.assessment.AssessmentLifecycle;
import org.s11portal.assessment.AssessmentScope;
import org.s11portal.assessment.AssessmentState;
import org.s11portal.common.web.FormErrors;
import org.s11portal.tool.Standard;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Carrying open actions of the agency's monitored or closed previous cycle into the new cycle's plan: the lead chooses
 * which; each copy is marked carried forward (to review) and keeps "Carried from" the old cycle, so nothing is carried
 * silently. An action already carried (same standard and wording) is not offered again.
 */
@ApplicationScoped
public class CarryForwardService {

    private static final Set<AssessmentState> PREVIOUS = EnumSet.of(AssessmentState.MONITORING, AssessmentState.CLOSED);

    @Inject
    AssessmentScope scope;

    @Inject
    AssessmentLifecycle lifecycle;

    @Inject
    CurrentUser currentUser;

    /** What can be carried into the plan: the previous cycle's assessment (null when none), and its open actions. */
    public record Offer(Assessment assessment, Assessment previous, List<ActionItem> open, List<ActionItem> alreadyCarried) {

        public boolean editable() {
            return AssessmentLifecycle.isEditable(assessment.state);
        }

        public String path() {
            return "/assessments/" + assessment.id + "/carry-actions";
        }
    }

    @Transactional
    public Offer offer(long assessmentId) {
        return offerFor(scope.assessmentToEdit(assessmentId));
    }

    private Offer offerFor(Assessment assessment) {
        Assessment previous = Assessment.find("agency = ?1 and cycle.year1Opens < ?2 and state in ?3 order by cycle.year1Opens desc",
                assessment.agency, assessment.cycle.year1Opens, PREVIOUS).firstResult();
        if (previous == null) {
            return new Offer(assessment, null, List.of(), List.of());
        }
        List<ActionItem> current = ActionItem.forAssessment(assessment);
        List<ActionItem> open = ActionItem.forAssessment(previous).stream().filter(a -> a.status.isOpen()).toList();
        List<ActionItem> carried = open.stream().filter(a -> carried(a, previous, current)).toList();
        return new Offer(assessment, previous, open.stream().filter(a -> !carried.contains(a)).toList(), carried);
    }

    private static boolean carried(ActionItem old, Assessment previous, Collection<ActionItem> current) {
        return current.stream().anyMatch(c -> previous.cycle.name.equals(c.carriedFrom) && c.standard.code.equals(old.standard.code)
                && java.util.Objects.equals(c.action, old.action));
    }

    /** The result: how many were carried, or why nothing was. */
    public record Carried(Offer offer, int count, FormErrors errors) {
    }

    /** Copies the chosen open actions (ids of the previous cycle's actions) into the plan, marked as carried. */
    @Transactional
    public Carried carry(long assessmentId, Collection<Long> chosen) {
        Assessment assessment = scope.assessmentToEdit(assessmentId);
        Offer offer = offerFor(assessment);
        FormErrors errors = FormErrors.none();
        if (!offer.editable()) {
            errors.add("actions", "This action plan has been submitted, so actions cannot be carried into it");
            return new Carried(offer, 0, errors);
        }
        List<ActionItem> picked = offer.open().stream().filter(a -> chosen.contains(a.id)).toList();
        if (picked.isEmpty()) {
            errors.add("actions", "Select the actions to carry into this cycle's plan");
            return new Carried(offer, 0, errors);
        }
        int count = 0;
        for (ActionItem old : picked) {
            Standard standard = assessment.cycle.tool.standards.stream().filter(s -> s.code.equals(old.standard.code))
                    .findFirst().orElse(null);
            if (standard == null) {
                continue;
            }
            old.carryInto(assessment, standard, offer.previous().cycle.name);
            count++;
        }
        lifecycle.edited(assessment, currentUser.user(), "Actions carried from " + offer.previous().cycle.name,
                "Actions carried from " + offer.previous().cycle.name);
        return new Carried(offerFor(assessment), count, errors);
    }
}
