package org.s11portal.support;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.s11portal.account.Roles;
import org.s11portal.account.Totp;
import org.s11portal.account.TwoStepSecrets;
import org.s11portal.account.TwoStepService;
import org.s11portal.account.User;
import org.s11portal.agency.Agency;
import org.s11portal.agency.Area;
import org.s11portal.agency.Partnership;
import org.s11portal.agency.Sector;
import org.s11portal.assessment.ActionItem;
import org.s11portal.assessment.Answer;
import org.s11portal.assessment.Assessment;
import org.s11portal.assessment.AssessmentLifecycle;
import org.s11portal.assessment.AssessmentState;
import org.s11portal.assessment.Rating;
import org.s11portal.common.config.PortalClock;
import org.s11portal.cycle.Cycle;
import org.s11portal.cycle.CycleAgency;
import org.s11portal.cycle.DeadlineExtension;
import org.s11portal.survey.SurveyDefinition;
import org.s11portal.survey.SurveyLinkCache;
import org.s11portal.survey.SurveyResponse;
import org.s11portal.tool.Question;
import org.s11portal.tool.Standard;
import org.s11portal.tool.Tool;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Test data made by each test, with unique names, so no test depends on another's rows or on demo data. Builders
 * start from defaults and say only what differs: {@code fixtures.anAssessment().forAgency(a).inCycle(c).submitted().create()}.
 * Dates are reckoned from the portal's clock, which gives each test class a day of its own ({@link TestClock}).
 */
@ApplicationScoped
public class Fixtures {

    public static final String PASSWORD = "correct-horse-battery-staple";
    /**
     * Test users only: bcrypt's lowest cost, so that the many sign-ins of the suite each take a millisecond instead
     * of a quarter of a second. Real accounts and the demo users are hashed at {@link User#BCRYPT_COST}.
     */
    private static final String PASSWORD_HASH = BcryptUtil.bcryptHash(PASSWORD, 4);
    /**
     * The authenticator secret (Base32) of every test user whose role needs two-step sign-in (moderators and admins):
     * {@link WebSession} and {@link Browser} sign them in with the code it gives now ({@link #twoStepCode}).
     */
    public static final String TWO_STEP_SECRET = "TESTSTWOSTEPSECRETFORFIXTURES234";

    @Inject
    AssessmentLifecycle lifecycle;

    @Inject
    PortalClock clock;

    @Inject
    SurveyLinkCache surveyLinks;

    @Inject
    TwoStepService twoStep;

    @Inject
    TwoStepSecrets twoStepSecrets;

    @Inject
    EntityManager entityManager;

    public static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * A voluntary-sector agency with a unique name, in no area unless told, with no headcount given yet. It takes part
     * in the cycle live today and in the open cycles opened lately or opening later (as an admin adds a new agency to
     * a cycle from the cycle's page).
     */
    public AgencyBuilder anAgency() {
        return new AgencyBuilder();
    }

    /**
     * A cycle running today (OPEN): opened 10 days ago, year 1 and the survey due in 20 days, on a tool of its own,
     * with every active agency taking part (the admins' default).
     */
    public CycleBuilder aCycle() {
        return new CycleBuilder();
    }

    /** An assessment, not started, of a new agency in a new cycle unless told. */
    public AssessmentBuilder anAssessment() {
        return new AssessmentBuilder();
    }

    /** An answer rated "fully in place" with no evidence, impact or reason unless told. */
    public AnswerBuilder anAnswer(Assessment assessment, Question question) {
        return new AnswerBuilder(assessment, question);
    }

    /** A SMART action for the question's gap, starting today and due in two months. */
    public ActionBuilder anAction(Assessment assessment, Question question) {
        return new ActionBuilder(assessment, question);
    }

    /**
     * Staff-survey answers made directly (not through the form), from frontline staff in no particular area with no
     * written answer unless told; the answers alternate between each question's first two options.
     */
    public SurveyResponsesBuilder surveyResponses(int count) {
        return new SurveyResponsesBuilder(count);
    }

    /** A draft being answered (a tool of two standards of two questions) and its first question. */
    public record Draft(Assessment assessment, Question question, WebSession lead) {
    }

    /** A Hampshire agency's draft, its lead signed in and on the task list (so the session has its CSRF cookie). */
    public Draft aDraftWithItsLeadSignedIn() {
        Cycle cycle = aCycle().withTool().create();
        Agency agency = anAgency().inAreas(Area.HAMPSHIRE).create();
        Assessment assessment = anAssessment().forAgency(agency).inCycle(cycle).inProgress().create();
        WebSession lead = WebSession.signedIn(lead(agency).email);
        lead.get("/assessments/" + assessment.id);
        return new Draft(assessment, questions(cycle).get(0), lead);
    }

    /** A published tool version no cycle uses: standards T1, T2 ... of questions T1.Q1 ... (as {@link CycleBuilder#withTool}). */
    @Transactional
    public Tool aPublishedTool(int standards, int questionsEach) {
        Tool tool = new Tool();
        tool.version = UUID.randomUUID().toString().substring(0, 18);
        tool.title = unique("Published tool");
        tool.status = Tool.Status.PUBLISHED;
        new CycleBuilder().withTool(standards, questionsEach).addStandards(tool);
        tool.persist();
        return tool;
    }

    @Transactional
    public User lead(Agency agency) {
        return user(Roles.AGENCY_LEAD, Agency.findById(agency.id), null);
    }

    /** A lead of all these agencies (the first is theirs by name only if its name comes first). */
    @Transactional
    public User leadOf(Agency first, Agency... others) {
        User lead = user(Roles.AGENCY_LEAD, Agency.findById(first.id), null);
        for (Agency other : others) {
            lead.agencies.add(Agency.findById(other.id));
        }
        return lead;
    }

    @Transactional
    public User moderator(Area area) {
        return user(Roles.MODERATOR, null, area == null ? null : Partnership.of(area));
    }

    @Transactional
    public User admin(Area area) {
        return user(Roles.PARTNERSHIP_ADMIN, null, area == null ? null : Partnership.of(area));
    }

    /**
     * The code the user's authenticator app shows now (a fixture user, a demo user, or one who set up an app through the
     * pages: the stored secret is decrypted). A test may sign one user in many times within a 30-second step, and a
     * code is never accepted twice: when this step's code was used already, the user's last used step is moved back,
     * as if this sign-in came a step later.
     */
    public String twoStepCode(String email) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Object[] row = (Object[]) entityManager.createNativeQuery("SELECT t.user_id, t.secret_encrypted, t.last_used_step"
                    + " FROM two_step t JOIN app_user u ON u.id = t.user_id WHERE u.email = ?1")
                    .setParameter(1, User.normaliseEmail(email)).getSingleResult();
            long userId = ((Number) row[0]).longValue();
            long step = Totp.step(clock.now());
            if (row[2] != null && ((Number) row[2]).longValue() >= step) {
                entityManager.createNativeQuery("UPDATE two_step SET last_used_step = ?1 WHERE user_id = ?2")
                        .setParameter(1, step - 1).setParameter(2, userId).executeUpdate();
            }
            return Totp.code(twoStepSecrets.decrypt(userId, (String) row[1]), step);
        });
    }

    /** Sets up two-step sign-in for the user with this secret (Base32), as if through the pages. */
    public void enrolTwoStep(User user, String secret) {
        twoStep.enrol(user.id, secret);
    }

    @Transactional
    public void deactivate(User user) {
        User.<User>findById(user.id).active = false;
    }

    /** A live cycle whose staff survey closed just long enough ago for its results to be shown. */
    public Cycle aCycleWithSurveyResults() {
        Cycle cycle = aCycle().create();
        surveyWindow(cycle, clock.today().minusDays(30),
                clock.today().minusDays(org.s11portal.survey.SurveyResultsService.DAYS_AFTER_CLOSING));
        return cycle;
    }

    /** Archives the agency now, as an admin does on its page. */
    @Transactional
    public void archive(Agency agency) {
        Agency.<Agency>findById(agency.id).archivedAt = clock.now();
    }

    /** The agency takes part in the cycle (as "Add agencies to this cycle" does). */
    @Transactional
    public void takePart(Agency agency, Cycle cycle) {
        CycleAgency.add(Cycle.findById(cycle.id), List.of(Agency.<Agency>findById(agency.id)));
    }

    /** The agency no longer takes part in the cycle, whatever it recorded there before. */
    @Transactional
    public void takeOutOf(Cycle cycle, Agency agency) {
        CycleAgency.delete("cycle.id = ?1 and agency.id = ?2", cycle.id, agency.id);
    }

    /** The cycle's questions in order. */
    @Transactional
    public List<Question> questions(Cycle cycle) {
        List<Question> questions = Question.list("standard.tool.id = ?1 order by standard.position, position", cycle.tool.id);
        questions.forEach(q -> q.standard.code.length());
        return questions;
    }

    /** Answers every question fully in place with evidence and impact: nothing blocks submission. */
    @Transactional
    public void answerAllFully(Assessment assessment, Cycle cycle) {
        for (Question question : questions(cycle)) {
            anAnswer(assessment, question).evidence("Evidence for " + question.code).impact("Impact for " + question.code)
                    .create();
        }
    }

    @Transactional
    public void extend(Agency agency, Cycle cycle, LocalDate newDue, User grantedBy) {
        DeadlineExtension extension = new DeadlineExtension();
        extension.agency = Agency.findById(agency.id);
        extension.cycle = Cycle.findById(cycle.id);
        extension.newDue = newDue;
        extension.reason = "Test extension";
        extension.grantedBy = User.findById(grantedBy.id);
        extension.grantedAt = clock.now();
        extension.persist();
    }

    /** Moves the survey window; cached link details are dropped, as a cycle change must do. */
    @Transactional
    public void surveyWindow(Cycle cycle, LocalDate opens, LocalDate closes) {
        Cycle c = Cycle.findById(cycle.id);
        c.surveyOpens = opens;
        c.surveyCloses = closes;
        surveyLinks.clear();
    }

    @Transactional
    public void moveDue(Cycle cycle, LocalDate due) {
        Cycle.<Cycle>findById(cycle.id).year1Due = due;
    }

    @Transactional
    public Assessment reload(Assessment assessment) {
        return Assessment.findById(assessment.id);
    }

    private User user(String role, Agency agency, Partnership partnership) {
        User user = new User();
        user.email = UUID.randomUUID().toString().substring(0, 12) + "@test.s11portal.example";
        user.displayName = unique("Person");
        user.role = role;
        if (agency != null) {
            user.agencies.add(agency);
        }
        user.partnership = partnership;
        user.passwordHash = PASSWORD_HASH;
        user.persist();
        if (twoStep.requiredFor(role)) {
            twoStep.enrol(user.id, TWO_STEP_SECRET);
        }
        return user;
    }

    public final class AgencyBuilder {
        private final List<Area> areas = new ArrayList<>();
        private boolean inCycles = true;

        public AgencyBuilder inAreas(Area... areas) {
            this.areas.addAll(Arrays.asList(areas));
            return this;
        }

        /** A new agency no cycle has heard of yet: one with no history at all. */
        public AgencyBuilder inNoCycle() {
            inCycles = false;
            return this;
        }

        public Agency create() {
            return QuarkusTransaction.joiningExisting().call(() -> {
                Agency agency = new Agency();
                agency.name = unique("Agency");
                agency.sector = Sector.VOLUNTARY_SECTOR;
                areas.forEach(area -> agency.areas.add(Partnership.of(area)));
                agency.persist();
                if (!inCycles) {
                    return agency;
                }
                // it takes part in the open cycles this class made (opened at most 45 days ago, or opening later) and the live one
                LocalDate today = clock.today();
                Cycle.getEntityManager().createNativeQuery("insert into cycle_agency (cycle_id, agency_id, added_at)"
                        + " select id, ?1, ?2 from cycle where status = 'OPEN' and closes >= ?3 and year1_opens >= ?4")
                        .setParameter(1, agency.id).setParameter(2, clock.now()).setParameter(3, today)
                        .setParameter(4, today.minusDays(45)).executeUpdate();
                Cycle live = Cycle.liveOn(today);
                if (live != null) {
                    CycleAgency.add(live, List.of(agency));
                }
                return agency;
            });
        }
    }

    public final class CycleBuilder {
        private int standards;
        private int questionsEach;
        private Cycle.Status status = Cycle.Status.OPEN;
        private boolean withParticipants = true;

        /** In this status instead of OPEN (a DRAFT or CLOSED cycle is never live). */
        public CycleBuilder inStatus(Cycle.Status status) {
            this.status = status;
            return this;
        }

        /** With no agency taking part. */
        public CycleBuilder withoutParticipants() {
            this.withParticipants = false;
            return this;
        }

        /** Two standards of two questions each (codes T1, T1.Q1 ...); without it the tool has none. */
        public CycleBuilder withTool() {
            return withTool(2, 2);
        }

        /** A tool of this many standards (T1, T2 ...) of this many questions each (T1.Q1, T1.Q2 ...). */
        public CycleBuilder withTool(int standards, int questionsEach) {
            this.standards = standards;
            this.questionsEach = questionsEach;
            return this;
        }

        public Cycle create() {
            return QuarkusTransaction.joiningExisting().call(() -> {
                Tool tool = new Tool();
                tool.version = UUID.randomUUID().toString().substring(0, 18);
                tool.title = "Test tool";
                tool.status = Tool.Status.PUBLISHED;
                addStandards(tool);
                tool.persist();
                Cycle cycle = new Cycle();
                cycle.name = unique("Cycle");
                cycle.tool = tool;
                LocalDate today = clock.today();
                cycle.year1Opens = today.minusDays(10);
                cycle.year1Due = today.plusDays(20);
                cycle.surveyOpens = today.minusDays(10);
                cycle.surveyCloses = today.plusDays(20);
                cycle.year2Due = today.plusMonths(10);
                cycle.closes = today.plusYears(2);
                cycle.takeupTargetPct = 40;
                cycle.lettersBy = today.plusDays(80);
                cycle.status = status;
                cycle.persist();
                if (withParticipants) {
                    Cycle.getEntityManager().createNativeQuery("insert into cycle_agency (cycle_id, agency_id, added_at)"
                            + " select ?1, id, ?2 from agency where archived_at is null")
                            .setParameter(1, cycle.id).setParameter(2, clock.now()).executeUpdate();
                }
                return cycle;
            });
        }

        private void addStandards(Tool tool) {
            for (int s = 1; s <= standards; s++) {
                Standard standard = new Standard();
                standard.tool = tool;
                standard.code = "T" + s;
                standard.position = s;
                standard.title = "Test standard " + s;
                standard.goodLooksLike = "Good practice for standard " + s;
                standard.reflectionPrompts = "How do you know?\nWhat difference has it made for children?";
                standard.evidenceExamples = "An audit that improved";
                for (int q = 1; q <= questionsEach; q++) {
                    Question question = new Question();
                    question.standard = standard;
                    question.code = "T" + s + ".Q" + q;
                    question.position = q;
                    question.text = "Question " + q + " of standard " + s;
                    standard.questions.add(question);
                }
                tool.standards.add(standard);
            }
        }
    }

    public final class AssessmentBuilder {
        private Agency agency;
        private Cycle cycle;
        private AssessmentState state = AssessmentState.NOT_STARTED;

        public AssessmentBuilder forAgency(Agency agency) {
            this.agency = agency;
            return this;
        }

        public AssessmentBuilder inCycle(Cycle cycle) {
            this.cycle = cycle;
            return this;
        }

        /** The state is reached as in real life, move by move through the lifecycle, by the system. */
        public AssessmentBuilder inState(AssessmentState state) {
            this.state = state;
            return this;
        }

        public AssessmentBuilder inProgress() {
            return inState(AssessmentState.IN_PROGRESS);
        }

        public AssessmentBuilder submitted() {
            return inState(AssessmentState.SUBMITTED);
        }

        public Assessment create() {
            Agency forAgency = agency != null ? agency : anAgency().create();
            Cycle inCycle = cycle != null ? cycle : aCycle().withTool().create();
            return QuarkusTransaction.joiningExisting().call(() -> {
                Assessment assessment = new Assessment();
                assessment.agency = Agency.findById(forAgency.id);
                assessment.cycle = Cycle.findById(inCycle.id);
                assessment.persist();
                // an agency with an assessment in a cycle takes part in it
                CycleAgency.add(assessment.cycle, List.of(assessment.agency));
                for (AssessmentLifecycle.Move move : AssessmentLifecycle.path(assessment.state, state)) {
                    lifecycle.move(assessment, move, AssessmentLifecycle.Actor.system(), "Test fixture");
                }
                return assessment;
            });
        }
    }

    public final class AnswerBuilder {
        private final Assessment assessment;
        private final Question question;
        private Rating rating = Rating.FULL;
        private String evidence;
        private String impact;
        private String naReason;

        private AnswerBuilder(Assessment assessment, Question question) {
            this.assessment = assessment;
            this.question = question;
        }

        public AnswerBuilder rated(Rating rating) {
            this.rating = rating;
            return this;
        }

        /** Rated "not applicable", for the reason given (null: no reason given). */
        public AnswerBuilder notApplicable(String reason) {
            this.rating = Rating.NA;
            this.naReason = reason;
            return this;
        }

        public AnswerBuilder evidence(String evidence) {
            this.evidence = evidence;
            return this;
        }

        public AnswerBuilder impact(String impact) {
            this.impact = impact;
            return this;
        }

        public Answer create() {
            return QuarkusTransaction.joiningExisting().call(() -> {
                Answer answer = new Answer();
                answer.assessment = Assessment.findById(assessment.id);
                answer.question = Question.findById(question.id);
                answer.rating = rating;
                answer.evidence = evidence;
                answer.impact = impact;
                answer.naReason = naReason;
                answer.persist();
                return answer;
            });
        }
    }

    public final class ActionBuilder {
        private final Assessment assessment;
        private final Question question;

        private ActionBuilder(Assessment assessment, Question question) {
            this.assessment = assessment;
            this.question = question;
        }

        public ActionItem create() {
            return QuarkusTransaction.joiningExisting().call(() -> {
                Question q = Question.findById(question.id);
                ActionItem action = new ActionItem();
                action.assessment = Assessment.findById(assessment.id);
                action.standard = q.standard;
                action.question = q;
                action.gap = "Gap";
                action.action = "Action";
                action.measure = "Measure";
                action.lead = "Lead";
                action.resources = "Resources";
                action.startDate = clock.today();
                action.targetDate = clock.today().plusMonths(2);
                action.persist();
                return action;
            });
        }
    }

    public final class SurveyResponsesBuilder {
        private final int count;
        private Agency agency;
        private Cycle cycle;
        private String roleBand = "FRONTLINE";
        private String areas;
        private String freeText;

        private SurveyResponsesBuilder(int count) {
            this.count = count;
        }

        public SurveyResponsesBuilder forAgency(Agency agency) {
            this.agency = agency;
            return this;
        }

        public SurveyResponsesBuilder inCycle(Cycle cycle) {
            this.cycle = cycle;
            return this;
        }

        public SurveyResponsesBuilder roleBand(String roleBand) {
            this.roleBand = roleBand;
            return this;
        }

        /** The areas the respondents work in, as the form stores them ("HAMPSHIRE,PORTSMOUTH"). */
        public SurveyResponsesBuilder areas(String areas) {
            this.areas = areas;
            return this;
        }

        public SurveyResponsesBuilder freeText(String freeText) {
            this.freeText = freeText;
            return this;
        }

        public void create() {
            QuarkusTransaction.joiningExisting().run(() -> {
                for (int i = 0; i < count; i++) {
                    SurveyResponse response = new SurveyResponse();
                    response.id = UUID.randomUUID().toString().replace("-", "");
                    response.agency = Agency.findById(agency.id);
                    response.cycle = Cycle.findById(cycle.id);
                    response.surveyVersion = SurveyDefinition.VERSION;
                    response.answeredOn = clock.today();
                    response.roleBand = roleBand;
                    response.areas = areas;
                    for (SurveyDefinition.Question q : SurveyDefinition.QUESTIONS) {
                        response.answer(q.number(), q.options().get(i % 2).value());
                    }
                    response.freeText = freeText;
                    response.persist();
                }
                // staff answer only the survey of a cycle their agency takes part in
                CycleAgency.add(Cycle.findById(cycle.id), List.of(Agency.<Agency>findById(agency.id)));
            });
        }
    }
}
