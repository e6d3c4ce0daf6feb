package org.s11portal.reminder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.s11portal.account.User;
import org.s11portal.agency.Agency;
import org.s11portal.agency.Area;
import org.s11portal.assessment.Assessment;
import org.s11portal.assessment.AssessmentState;
import org.s11portal.cycle.Cycle;
import org.s11portal.letter.FeedbackLetter;
import org.s11portal.letter.LetterFixtures;
import org.s11portal.letter.LetterService;
import org.s11portal.mail.MailSender;
import org.s11portal.mail.MailServer;
import org.s11portal.mail.OutboxMessage;
import org.s11portal.monitoring.Checkpoint;
import org.s11portal.monitoring.CheckpointReturn;
import org.s11portal.support.Fixtures;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

@QuarkusTest
class ReminderTest {

    @Inject
    Fixtures fixtures;

    @Inject
    Reminders reminders;

    @Inject
    LetterService letters;

    @Inject
    EntityManager entityManager;

    @Inject
    MailSender sender;

    record Open(Cycle cycle, Agency agency, Assessment assessment, User lead) {
    }

    /**
     * Each test's cycles are the only live ones: every agency that takes part in a live cycle is chased, so the open
     * cycles of other tests and classes (with every agency of the database taking part) are closed first.
     */
    @BeforeEach
    void onlyThisTestsCyclesAreLive() {
        QuarkusTransaction.requiringNew().run(() -> Cycle.update("status = ?1 where status = ?2", Cycle.Status.CLOSED,
                Cycle.Status.OPEN));
    }

    /** A live cycle in which only the agencies given an assessment (or added) take part. */
    Cycle aCycle() {
        return fixtures.aCycle().withTool().withoutParticipants().create();
    }

    Open anOpenAssessment(AssessmentState state) {
        Cycle cycle = aCycle();
        Agency agency = fixtures.anAgency().inAreas(Area.PORTSMOUTH).create();
        Assessment assessment = fixtures.anAssessment().forAgency(agency).inCycle(cycle).inState(state).create();
        return new Open(cycle, agency, assessment, fixtures.lead(agency));
    }

    static List<OutboxMessage> outboxFor(Agency agency) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxMessage.list("agencyId = ?1 order by id", agency.id));
    }

    static List<String> keys(Agency agency) {
        return outboxFor(agency).stream().map(m -> m.dedupeKey).toList();
    }

    @Test
    void aSelfAssessmentIsChasedFourteenSevenAndOneDayBeforeItIsDueThenWeekly() {
        Open o = anOpenAssessment(AssessmentState.IN_PROGRESS);
        LocalDate due = o.cycle().year1Due;
        String prefix = "assessment-due:" + o.cycle().id + "-" + o.agency().id + ":" + due + ":";

        reminders.run(due.minusDays(15));
        assertEquals(List.of(), kinds(o, "assessment-due"), "nothing more than 14 days ahead");
        reminders.run(due.minusDays(14));
        reminders.run(due.minusDays(13));
        reminders.run(due.minusDays(7));
        reminders.run(due.minusDays(1));
        reminders.run(due.plusDays(1));
        reminders.run(due.plusDays(5));
        reminders.run(due.plusDays(8));
        assertEquals(List.of(prefix + "d14:" + o.lead().id, prefix + "d7:" + o.lead().id, prefix + "d1:" + o.lead().id,
                prefix + "w1:" + o.lead().id, prefix + "w2:" + o.lead().id), kinds(o, "assessment-due"));

        List<OutboxMessage> chased = outboxFor(o.agency()).stream().filter(m -> m.kind.equals("assessment-due")).toList();
        OutboxMessage first = chased.get(0);
        assertEquals(o.lead().email, first.recipient);
        assertTrue(first.subject.startsWith("Your Section 11 self-assessment is due in 14 days"), first.subject);
        assertTrue(first.textBody.contains("/assessments/" + o.assessment().id), first.textBody);
        assertTrue(first.htmlBody.contains("href=\"http"), "the HTML part carries the link");
        OutboxMessage overdue = chased.get(3);
        assertTrue(overdue.subject.contains("was due on"), overdue.subject);
        assertTrue(overdue.textBody.contains("1 day overdue"), overdue.textBody);
    }

    @Test
    void aRunRepeatedOnTheSameDayWritesNothingNew() {
        Open o = anOpenAssessment(AssessmentState.NOT_STARTED);
        LocalDate day = o.cycle().year1Due.minusDays(7);
        reminders.run(day);
        List<String> once = keys(o.agency());
        reminders.run(day);
        assertEquals(once, keys(o.agency()));
        assertEquals(1, kinds(o, "assessment-due").size());
    }

    @Test
    void theJobRunTwiceDeliversOneEmailToTheLead() throws Exception {
        Open o = anOpenAssessment(AssessmentState.IN_PROGRESS);
        LocalDate day = o.cycle().year1Due.minusDays(14);
        MailServer server = MailServer.running();
        reminders.run(day);
        MailServer.deliverAll(sender); // deliver everything due, other tests' emails included
        reminders.run(day);
        MailServer.deliverAll(sender); // a second run wrote nothing new, so nothing more arrives
        var received = server.receivedBy(o.lead().email);
        assertEquals(1, received.size());
        assertTrue(received.get(0).getSubject().startsWith("Your Section 11 self-assessment is due in 14 days"));
    }

    @Test
    void anExtensionsDateIsChasedInsteadOfTheCycles() {
        Open o = anOpenAssessment(AssessmentState.IN_PROGRESS);
        LocalDate newDue = o.cycle().year1Due.plusDays(30);
        fixtures.extend(o.agency(), o.cycle(), newDue, fixtures.admin(Area.PORTSMOUTH));

        reminders.run(o.cycle().year1Due.plusDays(1));
        assertEquals(List.of(), kinds(o, "assessment-due"), "not overdue: the extension's date counts");
        reminders.run(newDue.minusDays(7));
        assertEquals(List.of("assessment-due:" + o.cycle().id + "-" + o.agency().id + ":" + newDue + ":d7:" + o.lead().id),
                kinds(o, "assessment-due"));
    }

    @Test
    void submittedAssessmentsAndDeactivatedLeadsGetNoReminder() {
        Open submitted = anOpenAssessment(AssessmentState.SUBMITTED);
        Open withoutActiveLead = anOpenAssessment(AssessmentState.IN_PROGRESS);
        fixtures.deactivate(withoutActiveLead.lead());
        reminders.run(submitted.cycle().year1Due.minusDays(1));
        reminders.run(withoutActiveLead.cycle().year1Due.minusDays(1));
        assertEquals(List.of(), kinds(submitted, "assessment-due"));
        assertEquals(List.of(), keys(withoutActiveLead.agency()), "no email at all without an active lead");
    }

    @Test
    void anAgencyTakingPartThatHasNotStartedIsChasedAndStartingBetweenTwoStepsSendsNoStepTwice() {
        Cycle cycle = aCycle();
        Agency agency = fixtures.anAgency().inAreas(Area.HAMPSHIRE).inNoCycle().create();
        fixtures.takePart(agency, cycle);
        User lead = fixtures.lead(agency);
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> Assessment.count("agency.id", agency.id)), "not started: no row");
        LocalDate due = cycle.year1Due;
        String prefix = "assessment-due:" + cycle.id + "-" + agency.id + ":" + due + ":";

        reminders.run(due.minusDays(14));
        assertEquals(List.of(prefix + "d14:" + lead.id), keys(agency));
        OutboxMessage email = outboxFor(agency).get(0);
        assertTrue(email.subject.startsWith("Your Section 11 self-assessment is due in 14 days"), email.subject);
        assertTrue(email.textBody.contains("/home"), "before it exists the link goes to the lead's home page: " + email.textBody);

        // the lead starts it: the same occasion, so the 14-day step is not sent again, and the next step links to it
        Assessment started = fixtures.anAssessment().forAgency(agency).inCycle(cycle).inProgress().create();
        reminders.run(due.minusDays(13));
        assertEquals(List.of(prefix + "d14:" + lead.id), keys(agency));
        reminders.run(due.minusDays(7));
        assertEquals(List.of(prefix + "d14:" + lead.id, prefix + "d7:" + lead.id), kinds(agency, "assessment-due"));
        String text = outboxFor(agency).stream().filter(m -> m.dedupeKey.startsWith(prefix + "d7:")).findFirst().orElseThrow().textBody;
        assertTrue(text.contains("/assessments/" + started.id), text);
    }

    @Test
    void agenciesNotTakingPartAndArchivedAgenciesAreSentNoReminder() {
        Open archived = anOpenAssessment(AssessmentState.IN_PROGRESS);
        Agency taking = fixtures.anAgency().inAreas(Area.SOUTHAMPTON).inNoCycle().create();
        fixtures.takePart(taking, archived.cycle());
        User takingLead = fixtures.lead(taking);
        Agency outsider = fixtures.anAgency().inAreas(Area.SOUTHAMPTON).inNoCycle().create();
        fixtures.lead(outsider);
        Open archivedInYearTwo = anOpenAssessment(AssessmentState.MONITORING);
        Checkpoint checkpoint = QuarkusTransaction.requiringNew().call(() -> Checkpoint.add(Cycle.findById(archivedInYearTwo.cycle().id),
                "Progress update", archivedInYearTwo.cycle().year1Due));
        fixtures.archive(archived.agency());
        fixtures.archive(archivedInYearTwo.agency());
        // the day is 7 days before the self-assessment is due, the survey closes and the checkpoint falls
        LocalDate day = archived.cycle().year1Due.minusDays(7);
        assertEquals(day, archived.cycle().surveyCloses.minusDays(7));
        reminders.run(day);

        assertEquals(List.of("assessment-due:" + archived.cycle().id + "-" + taking.id + ":" + archived.cycle().year1Due + ":d7:"
                + takingLead.id, "survey-take-up:" + archived.cycle().id + ":" + taking.id + ":" + takingLead.id), keys(taking),
                "an agency taking part is chased (so the rule is not vacuous)");
        assertEquals(List.of(), keys(outsider), "not taking part");
        assertEquals(List.of(), keys(archived.agency()), "archived: no self-assessment or survey reminder");
        assertEquals(List.of(), keys(archivedInYearTwo.agency()), "archived: no checkpoint reminder for " + checkpoint.title);
    }

    @Test
    void theAgreedActionPlanIsChasedFromTheFirstLettersDateUntilYearTwoStarts() {
        Open o = anOpenAssessment(AssessmentState.MODERATED);
        FeedbackLetter draft = letters.createDraft(o.assessment(), LetterFixtures.content(o.agency().name));
        LocalDate issuedOn = o.cycle().year1Due.plusDays(40);
        letters.issueAsSystem(draft.id, issuedOn.atStartOfDay(ZoneId.of("Europe/London")).plusHours(10).toInstant());
        List<String> afterLetter = keys(o.agency());
        LocalDate due = issuedOn.plusWeeks(6);

        reminders.run(due.minusDays(7));
        List<String> reminded = keys(o.agency()).stream().filter(k -> k.startsWith("action-plan-due:")).toList();
        assertEquals(List.of("action-plan-due:" + o.assessment().id + ":" + due + ":d7:" + o.lead().id), reminded,
                "besides " + afterLetter);
        OutboxMessage email = outboxFor(o.agency()).stream().filter(m -> m.kind.equals("action-plan-due")).findFirst().orElseThrow();
        assertTrue(email.textBody.contains("/assessments/" + o.assessment().id + "/year-2"), email.textBody);
    }

    @Test
    void leadsWhoseSurveyTakeUpIsBelowTargetAreToldInItsLastWeek() {
        Open low = anOpenAssessment(AssessmentState.IN_PROGRESS);
        Open met = anOpenAssessment(AssessmentState.IN_PROGRESS);
        setHeadcount(low.agency(), 100);
        setHeadcount(met.agency(), 100);
        uptake(low.agency(), low.cycle(), 39);
        uptake(met.agency(), met.cycle(), 40);
        LocalDate closes = low.cycle().surveyCloses;
        fixtures.surveyWindow(met.cycle(), met.cycle().surveyOpens, closes);

        reminders.run(closes.minusDays(8));
        assertEquals(List.of(), kinds(low, "survey-take-up"), "not before the last week");
        reminders.run(closes.minusDays(7));
        reminders.run(closes.minusDays(2));
        assertEquals(List.of("survey-take-up:" + low.cycle().id + ":" + low.agency().id + ":" + low.lead().id),
                kinds(low, "survey-take-up"), "once, even though the job ran twice in the week");
        assertEquals(List.of(), kinds(met, "survey-take-up"), "40 of 100 meets the 40% target");
        String text = outboxFor(low.agency()).stream().filter(m -> m.kind.equals("survey-take-up")).findFirst().orElseThrow().textBody;
        assertTrue(text.contains("/staff-survey") && text.contains("40%"), text);
    }

    @Test
    void aYearTwoCheckpointIsChasedUntilTheAgencySendsItsReturn() {
        Open chased = anOpenAssessment(AssessmentState.MONITORING);
        Open answered = anOpenAssessment(AssessmentState.FEEDBACK_ISSUED);
        LocalDate due = chased.cycle().year1Due.plusMonths(3);
        Checkpoint checkpoint = QuarkusTransaction.requiringNew().call(
                () -> Checkpoint.add(Cycle.findById(chased.cycle().id), "Progress update by the end of March", due));
        Checkpoint otherCycles = QuarkusTransaction.requiringNew().call(
                () -> Checkpoint.add(Cycle.findById(answered.cycle().id), "Progress update by the end of March", due));
        QuarkusTransaction.requiringNew().run(() -> {
            CheckpointReturn sent = new CheckpointReturn();
            sent.checkpoint = Checkpoint.findById(otherCycles.id);
            sent.assessment = Assessment.findById(answered.assessment().id);
            sent.sentAt = due.minusDays(20).atStartOfDay(ZoneId.of("Europe/London")).toInstant();
            sent.sentByName = "A lead";
            sent.summary = "Sent early";
            sent.persist();
        });

        reminders.run(due.minusDays(7));
        reminders.run(due.plusDays(2));
        String prefix = "checkpoint-due:" + chased.assessment().id + ":" + checkpoint.id + ":";
        assertEquals(List.of(prefix + "d7:" + chased.lead().id, prefix + "w1:" + chased.lead().id),
                kinds(chased.agency(), "checkpoint-due"));
        assertEquals(List.of(), kinds(answered.agency(), "checkpoint-due"), "the return was sent");
        OutboxMessage overdue = outboxFor(chased.agency()).stream().filter(m -> m.dedupeKey.endsWith("w1:" + chased.lead().id))
                .findFirst().orElseThrow();
        assertTrue(overdue.textBody.contains("/assessments/" + chased.assessment().id + "/year-2/checkpoints/" + checkpoint.id),
                overdue.textBody);
        assertTrue(overdue.textBody.contains("2 days overdue"), overdue.textBody);
    }

    static List<String> kinds(Agency agency, String kind) {
        return keys(agency).stream().filter(k -> k.startsWith(kind + ":")).toList();
    }

    /**
     * The reminders of this kind about this agency in this cycle (an agency made after another test's cycle opened
     * takes part in it too, as Fixtures has it).
     */
    static List<String> kinds(Open o, String kind) {
        String occasion = switch (kind) {
            case "assessment-due" -> o.cycle().id + "-" + o.agency().id + ":";
            case "survey-take-up" -> o.cycle().id + ":" + o.agency().id + ":";
            default -> o.assessment().id + ":";
        };
        return kinds(o.agency(), kind).stream().filter(k -> k.startsWith(kind + ":" + occasion)).toList();
    }

    void setHeadcount(Agency agency, int headcount) {
        QuarkusTransaction.requiringNew().run(() -> Agency.<Agency>findById(agency.id).headcount = headcount);
    }

    void uptake(Agency agency, Cycle cycle, int responses) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "INSERT INTO survey_uptake (agency_id, cycle_id, day, slot, responses) VALUES (?1, ?2, CURRENT_DATE, 0, ?3)")
                .setParameter(1, agency.id).setParameter(2, cycle.id).setParameter(3, responses).executeUpdate());
    }
}
