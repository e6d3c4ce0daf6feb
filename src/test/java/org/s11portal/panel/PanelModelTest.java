package org.s11portal.panel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.s11portal.account.Roles;
import org.s11portal.account.User;
import org.s11portal.agency.Agency;
import org.s11portal.agency.Area;
import org.s11portal.agency.Partnership;

/** Which agencies a panel covers, who may run it, and what its agenda says about each item. */
class PanelModelTest {

    private static Partnership partnership(long id, Area area) {
        Partnership p = new Partnership();
        p.id = id;
        p.code = area;
        return p;
    }

    private static final Partnership HAMPSHIRE = partnership(1, Area.HAMPSHIRE);
    private static final Partnership PORTSMOUTH = partnership(3, Area.PORTSMOUTH);

    private static Agency agency(Partnership... areas) {
        Agency agency = new Agency();
        agency.areas.addAll(java.util.List.of(areas));
        return agency;
    }

    private static PanelDay panel(PanelKind kind, Partnership partnership) {
        PanelDay panel = new PanelDay();
        panel.kind = kind;
        panel.partnership = partnership;
        return panel;
    }

    private static User user(String role, Partnership partnership) {
        User user = new User();
        user.role = role;
        user.partnership = partnership;
        return user;
    }

    @Test
    void aJointPanelCoversAgenciesInTwoOrMoreAreasAndALocalPanelItsOwnSingleAreaAgencies() {
        PanelDay joint = panel(PanelKind.JOINT, null);
        PanelDay local = panel(PanelKind.LOCAL, HAMPSHIRE);
        assertTrue(joint.covers(agency(HAMPSHIRE, PORTSMOUTH)));
        assertFalse(joint.covers(agency(HAMPSHIRE)));
        assertTrue(local.covers(agency(HAMPSHIRE)));
        assertFalse(local.covers(agency(PORTSMOUTH)));
        assertFalse(local.covers(agency(HAMPSHIRE, PORTSMOUTH)), "a joint agency is never on a local panel");
        assertEquals("Hampshire local panel", local.title());
        assertEquals("Joint (HIPS) panel", joint.title());
    }

    @Test
    void moderatorsRunJointPanelsAndTheirOwnPartnershipsLocalPanelsOnly() {
        PanelDay joint = panel(PanelKind.JOINT, null);
        PanelDay local = panel(PanelKind.LOCAL, HAMPSHIRE);
        assertTrue(PanelService.mayRun(user(Roles.MODERATOR, HAMPSHIRE), joint));
        assertTrue(PanelService.mayRun(user(Roles.MODERATOR, HAMPSHIRE), local));
        assertFalse(PanelService.mayRun(user(Roles.MODERATOR, PORTSMOUTH), local));
        assertTrue(PanelService.mayRun(user(Roles.MODERATOR, null), joint));
        assertFalse(PanelService.mayRun(user(Roles.MODERATOR, null), local));
        assertFalse(PanelService.mayRun(user(Roles.PARTNERSHIP_ADMIN, HAMPSHIRE), local));
        assertFalse(PanelService.mayRun(user(Roles.PARTNERSHIP_ADMIN, null), joint));
        assertFalse(PanelService.mayRun(user(Roles.AGENCY_LEAD, null), joint));
    }

    @Test
    void anItemWaitsForAnOutcomeUntilOneIsRecordedAndAgainWhenAReturnedSubmissionComesBack() {
        AgendaItem item = new AgendaItem();
        item.assessment = new org.s11portal.assessment.Assessment();
        assertTrue(item.awaitingOutcome());
        assertEquals("No outcome yet", item.status());
        item.outcome = Outcome.ACCEPTED;
        assertFalse(item.awaitingOutcome());
        assertEquals("Accepted", item.status());
    }
}
