package org.s11portal.assessment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.s11portal.agency.Agency;
import org.s11portal.agency.Area;
import org.s11portal.cycle.Cycle;
import org.s11portal.support.Browser;
import org.s11portal.support.BrowserTest;
import org.s11portal.support.Fixtures;
import org.s11portal.tool.Question;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * In a real Chromium, with axe-core on every page (issue 9.3 and 9.11): after "Start from last cycle's answers"
 * the task list says what is still to review and no standard is "Completed"; check answers shows the answers
 * themselves with Change links; saving a standard's page confirms its answers.
 */
@QuarkusTest
class CarryForwardBrowserTest extends BrowserTest {

    @Inject
    Fixtures fixtures;

    private static void step(Page page, String name) {
        Browser.screenshot(page, "carry-forward-" + name);
        Browser.assertAccessible(page);
    }

    @Test
    void carriedForwardAnswersAreReviewedBeforeTheyCountAsDone() {
        Agency agency = fixtures.anAgency().inAreas(Area.SOUTHAMPTON).create();
        Cycle earlier = fixtures.aCycle().withTool().create();
        Assessment old = fixtures.anAssessment().forAgency(agency).inCycle(earlier).inState(AssessmentState.CLOSED).create();
        List<Question> oldQuestions = fixtures.questions(earlier);
        fixtures.anAnswer(old, oldQuestions.get(0)).evidence("Board minutes show quarterly safeguarding reports.")
                .impact("Re-audit: 18 of 20 cases correct, up from 11.").create();
        fixtures.anAnswer(old, oldQuestions.get(1)).notApplicable("We run no services for children directly.").create();
        fixtures.anAnswer(old, oldQuestions.get(2)).evidence("Supervision records for every practitioner.")
                .impact("Staff survey: 92% say supervision helps them act on concerns.").create();
        fixtures.anAnswer(old, oldQuestions.get(3)).evidence("Training matrix at 96% compliance.")
                .impact("Referrals now include the child's voice in 17 of 20 audited cases.").create();
        Cycle current = fixtures.aCycle().withTool().create();
        openedEarlier(earlier);
        Assessment assessment = fixtures.anAssessment().forAgency(agency).inCycle(current).create();

        Page page = browser.signedIn(fixtures.lead(agency).email, Fixtures.PASSWORD);
        page.navigate("/assessments/" + assessment.id);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start from last cycle's answers")).click();
        page.waitForURL("**/assessments/" + assessment.id + "?carried=4");
        assertTrue(page.textContent("#to-review").contains("4 answers carried forward from last cycle still to review"));
        assertEquals("To review", page.textContent("#T1-status").strip());
        assertEquals("To review", page.textContent("#T2-status").strip());
        assertFalse(page.textContent("main").contains("Completed"));
        step(page, "01-task-list");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Check answers and submit")).click();
        page.waitForURL("**/check");
        String main = page.textContent("main");
        assertTrue(main.contains("4 answers carried forward from last cycle still to review"));
        assertTrue(main.contains("Board minutes show quarterly safeguarding reports."));
        assertTrue(main.contains("Re-audit: 18 of 20 cases correct, up from 11."));
        assertTrue(main.contains("We run no services for children directly."));
        assertTrue(page.locator(".govuk-summary-list__actions a").count() >= 7, "a Change link for every answer part");
        step(page, "02-check-answers");

        page.locator("#to-review a", new Page.LocatorOptions().setHasText("standard 1, Test standard 1")).click();
        page.waitForURL("**/standards/T1");
        assertTrue(page.textContent("#carried-forward").contains("2 answers on this page were carried forward"));
        step(page, "03-standard-to-review");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save and come back later")).click();
        page.waitForURL("**/assessments/" + assessment.id + "?saved=T1");
        assertEquals("Completed", page.textContent("#T1-status").strip());
        assertEquals("To review", page.textContent("#T2-status").strip());
        assertTrue(page.textContent("#to-review").contains("2 answers carried forward from last cycle still to review"));
        step(page, "04-task-list-after-review");
    }

    /** Issue 9.5: a year-2 assessment of a cycle that has closed shows its state, and nothing to submit or fix. */
    @Test
    void aYearTwoAssessmentsTaskListOffersNothingToSubmit() {
        Cycle cycle = fixtures.aCycle().withTool().create();
        closedLongAgo(cycle);
        Agency agency = fixtures.anAgency().inAreas(Area.PORTSMOUTH).create();
        Assessment assessment = fixtures.anAssessment().forAgency(agency).inCycle(cycle)
                .inState(AssessmentState.MONITORING).create();
        fixtures.anAnswer(assessment, fixtures.questions(cycle).get(0)).rated(Rating.PART).evidence("Policy drafted.").create();
        Page page = browser.signedIn(fixtures.lead(agency).email, Fixtures.PASSWORD);
        page.navigate("/assessments/" + assessment.id);
        String main = page.textContent("main");
        assertTrue(main.contains("Year 2 monitoring"));
        assertFalse(main.contains("overdue"));
        assertFalse(main.contains("Action needed"));
        assertFalse(main.contains("Check answers and submit"));
        step(page, "05-year-two-task-list");
    }

    @Transactional
    void closedLongAgo(Cycle cycle) {
        Cycle c = Cycle.findById(cycle.id);
        c.year1Opens = java.time.LocalDate.of(2020, 9, 1);
        c.year1Due = java.time.LocalDate.of(2021, 1, 4);
        c.surveyOpens = java.time.LocalDate.of(2020, 9, 1);
        c.surveyCloses = java.time.LocalDate.of(2020, 12, 1);
        c.year2Due = java.time.LocalDate.of(2022, 1, 4);
        c.closes = java.time.LocalDate.of(2022, 8, 31);
    }

    @Transactional
    void openedEarlier(Cycle earlier) {
        Cycle e = Cycle.findById(earlier.id);
        e.year1Opens = e.year1Opens.minusYears(2);
    }
}
