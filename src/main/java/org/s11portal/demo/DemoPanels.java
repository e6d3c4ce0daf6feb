package org.s11portal.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.s11portal.account.Roles;
import org.s11portal.account.User;
import org.s11portal.agency.Partnership;
import org.s11portal.assessment.ActionStatus;
import org.s11portal.assessment.Assessment;
import org.s11portal.assessment.AssessmentLifecycle;
import org.s11portal.assessment.AssessmentLifecycle.Actor;
import org.s11portal.assessment.Rating;
import org.s11portal.common.config.PortalClock;
import org.s11portal.common.template.TemplateExtensions;
import org.s11portal.cycle.Cycle;
import org.s11portal.letter.FeedbackLetter;
import org.s11portal.letter.LetterService;
import org.s11portal.panel.AgendaItem;
import org.s11portal.panel.Outcome;
import org.s11portal.panel.PanelDay;
import org.s11portal.panel.PanelKind;
import org.s11portal.panel.PanelLetters;
import org.s11portal.panel.PanelService;
import org.s11portal.panel.RequiredAction;
import org.s11portal.panel.StandardFinding;
import org.s11portal.panel.Theme;
import org.s11portal.tool.Standard;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The demo's panel days and feedback letters. In the historical 2020–22 cycle a joint panel and a local panel per
 * partnership were held a few weeks after year 1 was due: every submission accepted (one with a required action), the
 * panel's findings written for a few standards, and a letter issued from that record within a few weeks. In the live
 * cycle an earlier joint panel accepted two submissions (one letter still a draft, one issued), and a joint panel in
 * two weeks has the submitted joint assessments on its agenda, ready to run. Letters are made exactly as a
 * moderator's are ({@link PanelLetters#contentFor}); every state is reached through {@link AssessmentLifecycle}.
 */
@ApplicationScoped
class DemoPanels {

    /** How long after year 1 was due the historical panels sat, and how long after a panel its letters went out. */
    static final int WEEKS_AFTER_DUE = 3;
    static final int DAYS_TO_LETTER = 16;
    /** When the live cycle's earlier panel sat, its letter went out, and the next panel sits (from today). */
    static final int LIVE_HELD_DAYS_AGO = 10;
    static final int LIVE_LETTER_DAYS_AGO = 3;
    static final int UPCOMING_IN_DAYS = 14;

    private static final Actor SYSTEM = Actor.system();

    @Inject
    AssessmentLifecycle lifecycle;

    @Inject
    PanelLetters panelLetters;

    @Inject
    LetterService letters;

    @Inject
    PortalClock clock;

    /**
     * The historical cycle's panels: its submitted assessments, joint ones at a joint panel and single-area ones at
     * their partnership's local panel, all accepted and each sent its letter. Leaves them feedback issued.
     */
    void heldHistorical(Cycle cycle, List<Assessment> submitted) {
        Map<Long, User> moderators = moderatorsByPartnership();
        List<User> all = new ArrayList<>(moderators.values());
        User hampshire = hampshireModerator();
        LocalDate jointDay = cycle.year1Due.plusWeeks(WEEKS_AFTER_DUE);
        List<Assessment> joint = submitted.stream().filter(a -> a.agency.isJoint()).toList();
        PanelDay jointPanel = panel(cycle, jointDay, PanelKind.JOINT, null, hampshire, all);
        hold(jointPanel, joint, jointDay.plusDays(DAYS_TO_LETTER), true);
        // a local panel for each partnership with single-area agencies, the week after the joint one
        Map<Long, List<Assessment>> local = new LinkedHashMap<>();
        submitted.stream().filter(a -> !a.agency.isJoint())
                .sorted(Comparator.comparing((Assessment a) -> a.agency.areas.iterator().next().code))
                .forEach(a -> local.computeIfAbsent(a.agency.areas.iterator().next().id, k -> new ArrayList<>()).add(a));
        int day = 0;
        for (List<Assessment> assessments : local.values()) {
            Partnership partnership = assessments.get(0).agency.areas.iterator().next();
            User moderator = moderators.get(partnership.id);
            LocalDate heldOn = jointDay.plusWeeks(1).plusDays(day++);
            PanelDay panel = panel(cycle, heldOn, PanelKind.LOCAL, partnership, moderator, List.of(moderator));
            hold(panel, assessments, heldOn.plusDays(DAYS_TO_LETTER), false);
        }
    }

    /**
     * The live cycle's earlier joint panel, held recently: both submissions accepted; the first one's letter is a
     * draft waiting to be issued (so it stays moderated), the second one's letter issued a few days ago.
     */
    void heldLive(Cycle cycle, Assessment draftLetter, Assessment issuedLetter) {
        LocalDate today = clock.today();
        LocalDate heldOn = today.minusDays(LIVE_HELD_DAYS_AGO);
        PanelDay panel = panel(cycle, heldOn, PanelKind.JOINT, null, hampshireModerator(),
                new ArrayList<>(moderatorsByPartnership().values()));
        List<AgendaItem> items = accept(panel, List.of(draftLetter, issuedLetter), false);
        letters.createDraft(draftLetter, panelLetters.contentFor(panel, items.get(0), today));
        LocalDate issuedOn = today.minusDays(LIVE_LETTER_DAYS_AGO);
        FeedbackLetter letter = letters.createDraft(issuedLetter, panelLetters.contentFor(panel, items.get(1), issuedOn));
        letters.issueAsSystem(letter.id, at(issuedOn, LocalTime.of(11, 0)));
    }

    /**
     * The next joint panel, in two weeks: its agenda is what a moderator planning it today would get, every
     * submitted joint assessment of the live cycle on no panel yet, by agency name.
     */
    void upcoming(Cycle cycle) {
        PanelDay panel = panel(cycle, upcomingDay(), PanelKind.JOINT, null, hampshireModerator(),
                new ArrayList<>(moderatorsByPartnership().values()));
        int position = 1;
        for (Assessment assessment : PanelService.waitingFor(cycle, PanelKind.JOINT, null)) {
            AgendaItem item = new AgendaItem();
            item.panel = panel;
            item.assessment = assessment;
            item.position = position++;
            item.persist();
        }
    }

    /** On a restart with the demo already loaded: live panels that have decided nothing yet stay two weeks ahead. */
    void realign(Cycle live) {
        if (live == null) {
            return;
        }
        for (PanelDay panel : PanelDay.<PanelDay>list("cycle", live)) {
            if (AgendaItem.count("panel = ?1 and outcome is not null", panel) == 0) {
                panel.heldOn = upcomingDay();
            }
        }
    }

    private LocalDate upcomingDay() {
        return clock.today().plusDays(UPCOMING_IN_DAYS);
    }

    private static PanelDay panel(Cycle cycle, LocalDate heldOn, PanelKind kind, Partnership partnership, User createdBy,
            List<User> members) {
        PanelDay panel = new PanelDay();
        panel.cycle = cycle;
        panel.heldOn = heldOn;
        panel.kind = kind;
        panel.partnership = partnership;
        panel.createdBy = createdBy;
        panel.members.addAll(members);
        panel.persist();
        return panel;
    }

    /** The panel sits: every submission accepted (the second of a joint panel with a required action), then the letters. */
    private void hold(PanelDay panel, List<Assessment> assessments, LocalDate lettersOn, boolean withRequiredAction) {
        List<AgendaItem> items = accept(panel, assessments, withRequiredAction);
        for (AgendaItem item : items) {
            FeedbackLetter letter = letters.createDraft(item.assessment, panelLetters.contentFor(panel, item, lettersOn));
            letters.issueAsSystem(letter.id, at(lettersOn, LocalTime.of(10, 30)));
        }
    }

    private List<AgendaItem> accept(PanelDay panel, List<Assessment> assessments, boolean withRequiredAction) {
        List<Theme> themes = Theme.activeInOrder();
        List<AgendaItem> items = new ArrayList<>();
        int position = 1;
        for (Assessment assessment : assessments) {
            AgendaItem item = new AgendaItem();
            item.panel = panel;
            item.assessment = assessment;
            item.position = position;
            item.persist();
            boolean requiresAction = withRequiredAction && position == 2;
            findings(item, position, panel.kind == PanelKind.JOINT && position == 1);
            noteThemes(item, themes, position);
            Outcome outcome = requiresAction ? Outcome.ACCEPTED_WITH_ACTIONS : Outcome.ACCEPTED;
            lifecycle.move(assessment, AssessmentLifecycle.Move.MODERATE, SYSTEM,
                    outcome.label + " at the " + panel.title().toLowerCase() + " on " + TemplateExtensions.format(panel.heldOn));
            item.outcome = outcome;
            item.outcomeBy = panel.createdBy;
            item.outcomeByName = panel.createdBy.displayName;
            item.outcomeAt = at(panel.heldOn, LocalTime.of(10, 0).plusMinutes(40L * position));
            if (requiresAction) {
                requiredAction(item, standard(assessment, "S5"));
            }
            items.add(item);
            position++;
        }
        return items;
    }

    /**
     * The panel's view of four standards: it agrees with the agency on each (on the first submission of a joint panel
     * it rates training only partly in place, with the reason), with strengths and areas for development in the
     * letter's words, and one private note that never leaves the panel.
     */
    private static void findings(AgendaItem item, int position, boolean panelRating) {
        Assessment assessment = item.assessment;
        int v = position % 2;
        finding(item, standard(assessment, "S1"), null, null,
                v == 0 ? "The board receives a safeguarding report every quarter and the named executive lead challenges it: the minutes show the questions asked and the follow-up at the next meeting."
                        : "Safeguarding is a standing item at senior leadership meetings, and the annual safeguarding report says what changed for children as well as what was done.",
                "Make the annual report say how leaders know the arrangements work, not only what they are: the findings of audits, and what staff, children and families have told you.",
                position == 1 ? "Ask at the next HIPS meeting whether the new executive lead has started: the return names an interim post holder." : null);
        finding(item, standard(assessment, "S5"), panelRating ? Rating.PART : null,
                panelRating ? "The return rates training fully in place, but its own figures show level 3 training below target in two teams, and there is no evidence yet that training has changed practice." : null,
                v == 0 ? "Training is tracked by team every month and managers follow up staff who are overdue; new starters complete their induction training before working alone."
                        : "Supervision is regular and recorded, and staff who answered the survey said they know who to go to with a worry about a child.",
                "Show how you know training changes practice: a short audit of case records some months after training, or observation in supervision, would give the evidence of impact the panel looked for.",
                null);
        finding(item, standard(assessment, "S6"), null, null,
                "Children's views are recorded in their own words, and the panel saw examples where what a child said changed the plan.",
                v == 0 ? "Tell children and families what changed because of what they said, for example in a short \"you said, we did\" update." : null,
                null);
        finding(item, standard(assessment, "S8"), null, null,
                "Staff use the Continuum of Need when they make referrals, and the agency is reliably represented at multi-agency meetings.",
                "Complete the Continuum of Need workshops in your action plan, then check a sample of referral decisions against the outcome from the front door, so you can show thresholds are applied consistently.",
                null);
    }

    private static void finding(AgendaItem item, Standard standard, Rating panelRating, String reason, String strengths,
            String development, String privateNotes) {
        StandardFinding finding = new StandardFinding();
        finding.item = item;
        finding.standard = standard;
        finding.agrees = panelRating == null;
        finding.panelRating = panelRating;
        finding.ratingReason = reason;
        finding.strengths = strengths;
        finding.areasForDevelopment = development;
        finding.privateNotes = privateNotes;
        finding.updatedByName = item.panel.createdBy.displayName;
        finding.persist();
    }

    /** Thresholds under the first standard written about, for every submission; the Family Approach under the last, for every other one. */
    private static void noteThemes(AgendaItem item, List<Theme> themes, int position) {
        List<StandardFinding> findings = StandardFinding.forItem(item);
        if (themes.isEmpty() || findings.isEmpty()) {
            return;
        }
        findings.get(0).themes.add(themes.get(0));
        if (position % 2 == 1 && themes.size() > 1) {
            findings.get(findings.size() - 1).themes.add(themes.get(1));
        }
    }

    /** As the panel's outcome form does it: the action joins the agency's plan, and the panel keeps what it required. */
    private void requiredAction(AgendaItem item, Standard standard) {
        PanelDay panel = item.panel;
        LocalDate due = panel.heldOn.plusMonths(4);
        LocalDate target = due.isAfter(panel.cycle.closes) ? panel.cycle.closes : due;
        RequiredAction.record(item, standard, "Audit 20 case records of staff who completed level 3 training, and send"
                + " the panel what the audit found about how concerns are now recorded and acted on.", panel.heldOn, target, due.isBefore(clock.today()) ? ActionStatus.COMPLETE : ActionStatus.NOT_STARTED,
                at(panel.heldOn, LocalTime.of(12, 0)));
    }

    private static Standard standard(Assessment assessment, String code) {
        return assessment.cycle.tool.standards.stream().filter(s -> s.code.equals(code)).findFirst().orElseThrow();
    }

    private Instant at(LocalDate day, LocalTime time) {
        return day.atTime(time).atZone(clock.clock().getZone()).toInstant();
    }

    /** The demo moderator of each partnership, by partnership id (DemoData's "…moderator@" users). */
    private static Map<Long, User> moderatorsByPartnership() {
        Map<Long, User> byPartnership = new LinkedHashMap<>();
        User.<User>list("select u from User u join fetch u.partnership p where u.role = ?1 and u.email like ?2 order by p.id",
                Roles.MODERATOR, "%.moderator@" + DemoData.DEMO_EMAIL_DOMAIN)
                .forEach(u -> byPartnership.putIfAbsent(u.partnership.id, u));
        return byPartnership;
    }

    private static User hampshireModerator() {
        return User.find("email", "hampshire.moderator@" + DemoData.DEMO_EMAIL_DOMAIN).firstResult();
    }
}
