package org.s11portal.support;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;

import org.s11portal.account.Roles;
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
import org.s11portal.cycle.Cycle;
import org.s11portal.cycle.DeadlineExtension;
import org.s11portal.tool.Question;
import org.s11portal.tool.Standard;
import org.s11portal.tool.Tool;

import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Test data made by each test, with unique names, so no test depends on another's rows or on demo data.
 */
@ApplicationScoped
public class Fixtures {

    public static final String PASSWORD = "correct-horse-battery-staple";
    /**
     * Test users only: bcrypt's lowest cost, so that the many sign-ins of the suite each take a millisecond instead
     * of a quarter of a second. Real accounts and the demo users are hashed at {@link User#BCRYPT_COST}.
     */
    private static final String PASSWORD_HASH = BcryptUtil.bcryptHash(PASSWORD, 4);

    @Inject
    AssessmentLifecycle lifecycle;

    public static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    @Transactional
    public Agency agency(Area... areas) {
        Agency agency = new Agency();
        agency.name = unique("Agency");
        agency.sector = Sector.VOLUNTARY_SECTOR;
        // no headcount: not given yet, as for an agency whose lead has not said (tests that need one set it)
        Arrays.stream(areas).forEach(area -> agency.areas.add(Partnership.of(area)));
        agency.persist();
        return agency;
    }

    @Transactional
    public User lead(Agency agency) {
        return user(Roles.AGENCY_LEAD, Agency.findById(agency.id), null);
    }

    @Transactional
    public User moderator(Area area) {
        return user(Roles.MODERATOR, null, area == null ? null : Partnership.of(area));
    }

    @Transactional
    public User admin(Area area) {
        return user(Roles.PARTNERSHIP_ADMIN, null, area == null ? null : Partnership.of(area));
    }

    @Transactional
    public void deactivate(User user) {
        User.<User>findById(user.id).active = false;
    }

    /** A cycle running today, unless another test's live cycle opened later. */
    @Transactional
    public Cycle liveCycle() {
        Tool tool = new Tool();
        tool.version = UUID.randomUUID().toString().substring(0, 18);
        tool.title = "Test tool";
        tool.status = Tool.Status.PUBLISHED;
        tool.persist();
        Cycle cycle = new Cycle();
        cycle.name = unique("Cycle");
        cycle.tool = tool;
        LocalDate today = LocalDate.now();
        cycle.year1Opens = today.minusDays(10);
        cycle.year1Due = today.plusDays(20);
        cycle.surveyOpens = today.minusDays(10);
        cycle.surveyCloses = today.plusDays(20);
        cycle.year2Due = today.plusMonths(10);
        cycle.closes = today.plusYears(2);
        cycle.takeupTargetPct = 40;
        cycle.persist();
        return cycle;
    }

    /** A live cycle whose tool has two standards of two questions each (codes T1, T1.Q1 ...). */
    @Transactional
    public Cycle liveCycleWithTool() {
        Cycle cycle = liveCycle();
        Tool tool = Tool.findById(cycle.tool.id);
        for (int s = 1; s <= 2; s++) {
            Standard standard = new Standard();
            standard.tool = tool;
            standard.code = "T" + s;
            standard.position = s;
            standard.title = "Test standard " + s;
            standard.goodLooksLike = "Good practice for standard " + s;
            standard.reflectionPrompts = "How do you know?\nWhat difference has it made for children?";
            standard.evidenceExamples = "An audit that improved";
            for (int q = 1; q <= 2; q++) {
                Question question = new Question();
                question.standard = standard;
                question.code = "T" + s + ".Q" + q;
                question.position = q;
                question.text = "Question " + q + " of standard " + s;
                standard.questions.add(question);
            }
            tool.standards.add(standard);
        }
        return cycle;
    }

    /** The cycle's questions in order. */
    @Transactional
    public java.util.List<Question> questions(Cycle cycle) {
        java.util.List<Question> questions = Question.list("standard.tool.id = ?1 order by standard.position, position", cycle.tool.id);
        questions.forEach(q -> q.standard.code.length());
        return questions;
    }

    @Transactional
    public Answer answer(Assessment assessment, Question question, Rating rating, String evidence, String impact, String naReason) {
        Answer answer = new Answer();
        answer.assessment = Assessment.findById(assessment.id);
        answer.question = Question.findById(question.id);
        answer.rating = rating;
        answer.evidence = evidence;
        answer.impact = impact;
        answer.naReason = naReason;
        answer.persist();
        return answer;
    }

    /** Answers every question fully in place with evidence and impact: nothing blocks submission. */
    @Transactional
    public void answerAllFully(Assessment assessment, Cycle cycle) {
        for (Question question : questions(cycle)) {
            answer(assessment, question, Rating.FULL, "Evidence for " + question.code, "Impact for " + question.code, null);
        }
    }

    @Transactional
    public ActionItem smartAction(Assessment assessment, Question question) {
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
        action.startDate = LocalDate.now();
        action.targetDate = LocalDate.now().plusMonths(2);
        action.persist();
        return action;
    }

    @Transactional
    public void extend(Agency agency, Cycle cycle, LocalDate newDue, User grantedBy) {
        DeadlineExtension extension = new DeadlineExtension();
        extension.agency = Agency.findById(agency.id);
        extension.cycle = Cycle.findById(cycle.id);
        extension.newDue = newDue;
        extension.reason = "Test extension";
        extension.grantedBy = User.findById(grantedBy.id);
        extension.grantedAt = java.time.Instant.now();
        extension.persist();
    }

    /** Makes the cycle the one running today, ahead of cycles other tests made (opened today, newest id). */
    @Transactional
    public void makeLive(Cycle cycle) {
        Cycle.<Cycle>findById(cycle.id).year1Opens = LocalDate.now();
    }

    @jakarta.inject.Inject
    org.s11portal.survey.SurveyLinkCache surveyLinks;

    /** Survey answers made directly (not through the form): answers alternate between the first two options. */
    @Transactional
    public void surveyResponses(Agency agency, Cycle cycle, int count, String roleBand, String areas, String freeText) {
        for (int i = 0; i < count; i++) {
            org.s11portal.survey.SurveyResponse response = new org.s11portal.survey.SurveyResponse();
            response.id = UUID.randomUUID().toString().replace("-", "");
            response.agency = Agency.findById(agency.id);
            response.cycle = Cycle.findById(cycle.id);
            response.surveyVersion = org.s11portal.survey.SurveyDefinition.VERSION;
            response.answeredOn = LocalDate.now();
            response.roleBand = roleBand;
            response.areas = areas;
            for (org.s11portal.survey.SurveyDefinition.Question q : org.s11portal.survey.SurveyDefinition.QUESTIONS) {
                response.answer(q.number(), q.options().get(i % 2).value());
            }
            response.freeText = freeText;
            response.persist();
        }
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

    @Transactional
    public Assessment assessment(Agency agency, Cycle cycle, AssessmentState state) {
        Assessment assessment = new Assessment();
        assessment.agency = Agency.findById(agency.id);
        assessment.cycle = Cycle.findById(cycle.id);
        assessment.persist();
        // the state is reached as in real life, move by move through the lifecycle, as the system
        for (AssessmentLifecycle.Move move : AssessmentLifecycle.path(assessment.state, state)) {
            lifecycle.move(assessment, move, AssessmentLifecycle.Actor.system(), "Test fixture");
        }
        return assessment;
    }

    private User user(String role, Agency agency, Partnership partnership) {
        User user = new User();
        user.email = UUID.randomUUID().toString().substring(0, 12) + "@test.s11portal.example";
        user.displayName = unique("Person");
        user.role = role;
        user.agency = agency;
        user.partnership = partnership;
        user.passwordHash = PASSWORD_HASH;
        user.persist();
        return user;
    }
}
