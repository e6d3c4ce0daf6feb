package org.s11portal.actionplan;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.s11portal.agency.Agency;
import org.s11portal.agency.Area;
import org.s11portal.assessment.ActionItem;
import org.s11portal.assessment.Assessment;
import org.s11portal.assessment.AssessmentState;
import org.s11portal.common.config.PortalClock;
import org.s11portal.common.template.TemplateExtensions;
import org.s11portal.cycle.Cycle;
import org.s11portal.support.Fixtures;
import org.s11portal.support.WebSession;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Issue 9.4: once an assessment is submitted (or later) its action plan says why it cannot be changed and shows
 * no form; a change sent anyway answers 409 with that reason and keeps what was typed; the API answers 409
 * problem+json.
 */
@QuarkusTest
class ActionPlanReadOnlyTest {

    /** A form posting to any action URL (the layout's sign-out form is not one). */
    private static final Pattern ACTION_FORM = Pattern.compile("<form[^>]*action=\"[^\"]*/actions");

    @Inject
    PortalClock clock;

    @Inject
    Fixtures fixtures;

    record Submitted(Assessment assessment, ActionItem action, WebSession lead, String plan) {
    }

    /** An assessment submitted through the real pages, with one SMART action. */
    Submitted submitted() {
        Cycle cycle = fixtures.aCycle().withTool().create();
        Agency agency = fixtures.anAgency().inAreas(Area.PORTSMOUTH).create();
        Assessment assessment = fixtures.anAssessment().forAgency(agency).inCycle(cycle).inProgress().create();
        fixtures.answerAllFully(assessment, cycle);
        ActionItem action = fixtures.anAction(assessment, fixtures.questions(cycle).get(0)).create();
        WebSession lead = WebSession.signedIn(fixtures.lead(agency).email);
        String base = "/assessments/" + assessment.id;
        lead.get(base + "/check");
        lead.post(base + "/submit", Map.of("declaredByName", "Dr Jane Senior", "declaredRole", "Director", "confirm", "yes"))
                .then().statusCode(303);
        assertEquals(AssessmentState.SUBMITTED, fixtures.reload(assessment).state);
        return new Submitted(assessment, action, lead, base + "/actions");
    }

    @Test
    void theSubmittedPlanSaysWhyAndHasNoFormOrChangeLinks() {
        Submitted s = submitted();
        String page = s.lead.get(s.plan).then().statusCode(200)
                .body(containsString("This action plan was submitted on " + TemplateExtensions.format(clock.today())
                        + " and cannot be changed unless a moderator returns it."))
                .body(containsString("<main"))
                .body(not(containsString("Add an action")))
                .body(not(containsString("href=\"" + s.plan + "/" + s.action.id + "\"")))
                .body(not(containsString(s.plan + "/new")))
                .body(not(containsString("Check answers and submit")))
                .extract().asString();
        assertFalse(ACTION_FORM.matcher(page).find(), "no form posts to the action plan");
    }

    @Test
    void theFormPagesAreNeverLive() {
        Submitted s = submitted();
        s.lead.get(s.plan + "/new?standard=T1").then().statusCode(303)
                .header("Location", endsWith(s.plan));

        String page = s.lead.get(s.plan + "/" + s.action.id).then().statusCode(200)
                .body(containsString("cannot be changed unless a moderator returns it"))
                .body(containsString("Action"))
                .body(not(containsString("Save action")))
                .body(not(containsString("Delete this action")))
                .extract().asString();
        assertFalse(ACTION_FORM.matcher(page).find(), "the action is shown read-only");
        assertFalse(page.contains("<textarea"), "no fields");
    }

    @Test
    void aChangeSentAnywayIsRefusedWith409AndWhatWasTypedIsShown() {
        Submitted s = submitted();
        s.lead.get(s.plan);

        Response created = s.lead.post(s.plan, Map.of("standard", "T1", "action", "Run <b>bold</b> training for managers",
                "measure", "All 12 managers attend", "targetDate-day", "31", "targetDate-month", "2", "targetDate-year", "2027"));
        assertEquals(409, created.statusCode());
        String body = created.asString();
        assertContains(body, "This action plan cannot be changed");
        assertContains(body, "cannot be changed unless a moderator returns it");
        assertContains(body, "Your new action was not added");
        assertContains(body, "Run &lt;b&gt;bold&lt;/b&gt; training for managers");
        assertContains(body, "All 12 managers attend");
        assertContains(body, "31 / 2 / 2027");
        assertFalse(ACTION_FORM.matcher(body).find(), "the refusal page has no form");

        Response changed = s.lead.post(s.plan + "/" + s.action.id, Map.of("standard", "T1", "action", "A changed action",
                "version", String.valueOf(s.action.version)));
        assertEquals(409, changed.statusCode());
        assertContains(changed.asString(), "Your changes to this action were not saved");
        assertContains(changed.asString(), "A changed action");

        Response deleted = s.lead.post(s.plan + "/" + s.action.id + "/delete", Map.of());
        assertEquals(409, deleted.statusCode());
        assertContains(deleted.asString(), "The action was not deleted");

        assertEquals(1, actionCount(s.assessment));
        assertEquals("Action", reloadAction(s.action).action);
    }

    @Test
    void theApiAnswers409ProblemJsonWithTheReason() {
        Submitted s = submitted();
        String api = "/api/v1/assessments/" + s.assessment.id + "/actions";
        s.lead.api().body(Map.of("standard", "T1", "action", "Added by a tool")).post(api).then().statusCode(409)
                .contentType(containsString("application/problem+json"))
                .body("title", org.hamcrest.Matchers.equalTo("Not editable"))
                .body("detail", containsString("cannot be changed unless a moderator returns it"));
        s.lead.api().body(Map.of("standard", "T1", "action", "Changed by a tool", "version", s.action.version))
                .put(api + "/" + s.action.id).then().statusCode(409)
                .contentType(containsString("application/problem+json"))
                .body("detail", containsString("cannot be changed unless a moderator returns it"));
        assertEquals(1, actionCount(s.assessment));
    }

    @Test
    void eachLaterStateSaysWhyInWords() {
        Cycle cycle = fixtures.aCycle().withTool().create();
        for (AssessmentState state : new AssessmentState[] { AssessmentState.MODERATED, AssessmentState.FEEDBACK_ISSUED,
                AssessmentState.MONITORING, AssessmentState.CLOSED }) {
            Agency agency = fixtures.anAgency().inAreas(Area.SOUTHAMPTON).create();
            Assessment assessment = fixtures.anAssessment().forAgency(agency).inCycle(cycle).inState(state).create();
            fixtures.anAction(assessment, fixtures.questions(cycle).get(0)).create();
            WebSession lead = WebSession.signedIn(fixtures.lead(agency).email);
            String page = lead.get("/assessments/" + assessment.id + "/actions").then().statusCode(200)
                    .body(containsString("This action plan has been submitted"))
                    .body(not(containsString("Add an action")))
                    .extract().asString();
            assertFalse(ACTION_FORM.matcher(page).find(), state + ": no form");
            assertContains(page, new ActionPlanService.PlanLock(state, null, null).message());
        }
    }

    @Test
    void aReturnedPlanCanBeChangedAgain() {
        Submitted s = submitted();
        WebSession moderator = WebSession.signedIn(fixtures.moderator(Area.PORTSMOUTH).email);
        moderator.get("/assessments/" + s.assessment.id + "/return");
        moderator.post("/assessments/" + s.assessment.id + "/return", Map.of("comment-overall", "Add a measure"))
                .then().statusCode(303);

        s.lead.get(s.plan).then().statusCode(200).body(containsString("Add an action"))
                .body(not(containsString("cannot be changed")));
        s.lead.get(s.plan + "/" + s.action.id).then().statusCode(200).body(containsString("Save action"));
        s.lead.post(s.plan + "/" + s.action.id, Map.of("standard", "T1", "action", "Changed after return",
                "version", String.valueOf(reloadAction(s.action).version))).then().statusCode(303);
        assertEquals("Changed after return", reloadAction(s.action).action);
    }

    @Transactional
    long actionCount(Assessment assessment) {
        return ActionItem.count("assessment.id", assessment.id);
    }

    @Transactional
    ActionItem reloadAction(ActionItem action) {
        return ActionItem.findById(action.id);
    }

    private static void assertContains(String body, String expected) {
        if (!body.contains(expected)) {
            throw new AssertionError("expected the page to contain \"" + expected + "\"");
        }
    }
}
