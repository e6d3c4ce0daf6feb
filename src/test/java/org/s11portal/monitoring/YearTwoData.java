package org.s11portal.monitoring;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.s11portal.account.User;
import org.s11portal.agency.Agency;
import org.s11portal.agency.Area;
import org.s11portal.assessment.ActionItem;
import org.s11portal.assessment.ActionStatus;
import org.s11portal.assessment.Assessment;
import org.s11portal.assessment.AssessmentState;
import org.s11portal.cycle.Cycle;
import org.s11portal.support.Fixtures;
import org.s11portal.support.WebSession;
import org.s11portal.tool.Question;

import io.restassured.builder.MultiPartSpecBuilder;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Year-2 test data: an agency's assessment in a year-2 state with actions, its lead, checkpoints. */
@ApplicationScoped
public class YearTwoData {

    @Inject
    Fixtures fixtures;

    public record Plan(Cycle cycle, Agency agency, Assessment assessment, List<ActionItem> actions, User lead) {

        public String path() {
            return "/assessments/" + assessment.id + "/year-2";
        }

        public String moderatorPath() {
            return "/monitoring/assessments/" + assessment.id;
        }

        public long action(int index) {
            return actions.get(index).id;
        }
    }

    /** An agency of this area with an assessment in the state, with the given number of actions (start today, due in 2 months). */
    public Plan plan(Cycle cycle, Area area, AssessmentState state, int actions) {
        Agency agency = fixtures.anAgency().inAreas(area).create();
        Assessment assessment = fixtures.anAssessment().forAgency(agency).inCycle(cycle).inState(state).create();
        List<Question> questions = fixtures.questions(cycle);
        List<ActionItem> items = new ArrayList<>();
        for (int i = 0; i < actions; i++) {
            items.add(fixtures.anAction(assessment, questions.get(i % questions.size())).create());
        }
        return new Plan(cycle, agency, assessment, items, fixtures.lead(agency));
    }

    @Transactional
    public Checkpoint checkpoint(Cycle cycle, String title, LocalDate due) {
        return Checkpoint.add(Cycle.findById(cycle.id), title, due);
    }

    @Transactional
    public void setAction(long actionId, ActionStatus status, LocalDate start, LocalDate due) {
        ActionItem action = ActionItem.findById(actionId);
        action.status = status;
        action.startDate = start;
        action.targetDate = due;
    }

    @Transactional
    public ActionItem action(long actionId) {
        return ActionItem.findById(actionId);
    }

    @Transactional
    public AssessmentState state(Assessment assessment) {
        return Assessment.<Assessment>findById(assessment.id).state;
    }

    @Transactional
    public List<ProgressUpdate> updates(long actionId) {
        return ProgressUpdate.list("action.id = ?1 order by id", actionId);
    }

    @Transactional
    public YearTwoRecord record(Assessment assessment) {
        return YearTwoRecord.find("assessment.id", assessment.id).firstResult();
    }

    @Transactional
    public List<InformationRequest> requests(Assessment assessment) {
        return InformationRequest.list("assessment.id = ?1 order by id", assessment.id);
    }

    /** Files posted with this action's updates, oldest first. */
    @Transactional
    public List<ProgressUpdateFile> files(long actionId) {
        return ProgressUpdateFile.list("update.action.id = ?1 order by id", actionId);
    }

    /**
     * Posts the progress update form as the page does (multipart, with the CSRF token), with these files (name →
     * bytes, in order). The session must have loaded a page first.
     */
    public static Response postWithFiles(WebSession lead, String path, Map<String, String> form, Map<String, byte[]> files) {
        RequestSpecification request = lead.request().multiPart("csrf-token", lead.cookie("csrf-token"));
        form.forEach((name, value) -> request.multiPart(new MultiPartSpecBuilder(value).controlName(name).charset("UTF-8").build()));
        files.forEach((name, bytes) -> request.multiPart("files", name, bytes, "application/octet-stream"));
        return request.post(path);
    }

    /** Moves a cycle's year 1 back, so that another cycle made after it is the agency's next one. */
    @Transactional
    public void openedYearsAgo(Cycle cycle, int years) {
        Cycle c = Cycle.findById(cycle.id);
        c.year1Opens = c.year1Opens.minusYears(years);
    }
}
