package org.s11portal.letteradmin;

import java.time.LocalDate;
import java.util.List;

import org.s11portal.account.User;
import org.s11portal.agency.Agency;
import org.s11portal.agency.Area;
import org.s11portal.agency.Partnership;
import org.s11portal.assessment.Assessment;
import org.s11portal.assessment.AssessmentState;
import org.s11portal.audit.AdminChange;
import org.s11portal.cycle.Cycle;
import org.s11portal.letter.LetterTemplate;
import org.s11portal.panel.AgendaItem;
import org.s11portal.panel.Outcome;
import org.s11portal.panel.PanelDay;
import org.s11portal.panel.PanelKind;
import org.s11portal.panel.PanelTestData;
import org.s11portal.panel.StandardFinding;
import org.s11portal.panel.Theme;
import org.s11portal.support.Fixtures;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Records for the letter-template and theme admin tests: an agency's submission with a panel outcome, and reads. */
@ApplicationScoped
public class LetterAdminTestData {

    static final String STRENGTH = "Leaders know their safeguarding data well.";

    @Inject
    Fixtures fixtures;

    @Inject
    PanelTestData panels;

    /** An agency in these areas, its moderated assessment, and a panel (local, or joint for two areas) that accepted it. */
    public record PanelRecord(Agency agency, Cycle cycle, Assessment assessment, long itemId, long panelId, User moderator,
            String standardCode) {
        String itemPath() {
            return "/panels/" + panelId + "/items/" + itemId;
        }
    }

    public PanelRecord withOutcome(LocalDate heldOn, Area... areas) {
        return withOutcome(heldOn, List.of(), areas);
    }

    /** As above, with one finding (a strength) noting these themes. */
    public PanelRecord withOutcome(LocalDate heldOn, List<Theme> themes, Area... areas) {
        Cycle cycle = fixtures.aCycle().withTool().create();
        Agency agency = fixtures.anAgency().inAreas(areas).create();
        Assessment assessment = fixtures.anAssessment().forAgency(agency).inCycle(cycle).inState(AssessmentState.MODERATED).create();
        return onPanel(heldOn, agency, cycle, assessment, Outcome.ACCEPTED, themes, areas);
    }

    /** A submission (with its frozen version, submitted by its lead) on a panel that has decided nothing yet. */
    public PanelRecord awaitingOutcome(LocalDate heldOn, List<Theme> themes, Area... areas) {
        Cycle cycle = fixtures.aCycle().withTool().create();
        Agency agency = fixtures.anAgency().inAreas(areas).create();
        Assessment assessment = panels.submittedThroughThePages(agency, cycle);
        return onPanel(heldOn, agency, cycle, assessment, null, themes, areas);
    }

    private PanelRecord onPanel(LocalDate heldOn, Agency agency, Cycle cycle, Assessment assessment, Outcome outcome,
            List<Theme> themes, Area... areas) {
        User moderator = fixtures.moderator(areas[0]);
        return QuarkusTransaction.requiringNew().call(() -> {
            PanelDay panel = new PanelDay();
            panel.cycle = Cycle.findById(cycle.id);
            panel.heldOn = heldOn;
            panel.kind = areas.length > 1 ? PanelKind.JOINT : PanelKind.LOCAL;
            panel.partnership = areas.length > 1 ? null : Partnership.of(areas[0]);
            panel.createdBy = User.findById(moderator.id);
            panel.members.add(panel.createdBy);
            panel.persist();
            AgendaItem item = new AgendaItem();
            item.panel = panel;
            item.assessment = Assessment.findById(assessment.id);
            item.position = 1;
            item.outcome = outcome;
            item.persist();
            StandardFinding finding = new StandardFinding();
            finding.item = item;
            finding.standard = panel.cycle.tool.standards.get(0);
            finding.agrees = true;
            finding.strengths = STRENGTH;
            themes.forEach(t -> finding.themes.add(Theme.findById(t.id)));
            finding.persist();
            return new PanelRecord(agency, cycle, assessment, item.id, panel.id, moderator, finding.standard.code);
        });
    }

    LetterTemplate current(String scopeKey) {
        return QuarkusTransaction.requiringNew().call(() -> LetterTemplate.current(scopeKey));
    }

    long versions(String scopeKey) {
        return QuarkusTransaction.requiringNew().call(() -> LetterTemplate.count("scopeKey", scopeKey));
    }

    Theme theme(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Theme.findById(id));
    }

    Theme themeNamed(String name) {
        return QuarkusTransaction.requiringNew().call(() -> Theme.find("name", name).firstResult());
    }

    List<AdminChange> changes(String recordType, Long recordId) {
        return QuarkusTransaction.requiringNew().call(() -> AdminChange.list("recordType = ?1 and recordId = ?2 order by id",
                recordType, recordId));
    }
}
