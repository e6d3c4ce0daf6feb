package org.s11portal.panel;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hibernate.Hibernate;
import org.s11portal.assessment.ActionItem;
import org.s11portal.assessment.Assessment;
import org.s11portal.assessment.AssessmentEvent;
import org.s11portal.agency.Agency;
import org.s11portal.cycle.Cycle;
import org.s11portal.support.Fixtures;
import org.s11portal.support.PageCost;
import org.s11portal.support.WebSession;

import io.restassured.response.Response;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Reads what the panel pages wrote, for the panel tests; and plans a panel through the real form. */
@ApplicationScoped
public class PanelTestData {

    @Inject
    Fixtures fixtures;

    /** An assessment answered in full and submitted by its lead through the pages, so that it has a frozen version. */
    public Assessment submittedThroughThePages(Agency agency, Cycle cycle) {
        Assessment assessment = fixtures.anAssessment().forAgency(agency).inCycle(cycle).inProgress().create();
        fixtures.answerAllFully(assessment, cycle);
        PageCost.submit(WebSession.signedIn(fixtures.lead(agency).email), assessment);
        return fixtures.reload(assessment);
    }

    private static final Pattern PANEL = Pattern.compile("/panels/(\\d+)");

    /** Plans a panel through the form as this moderator; fails unless it was planned. Returns the panel's id. */
    public static long plan(WebSession moderator, LocalDate day, String kind, long... members) {
        moderator.get("/panels/new").then().statusCode(200);
        Response response = moderator.request().contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("csrf-token", moderator.csrfToken())
                .formParam("heldOn-day", String.valueOf(day.getDayOfMonth()))
                .formParam("heldOn-month", String.valueOf(day.getMonthValue()))
                .formParam("heldOn-year", String.valueOf(day.getYear()))
                .formParam("kind", kind)
                .formParam("members", java.util.Arrays.stream(members).mapToObj(String::valueOf).toList())
                .post("/panels/new");
        if (response.statusCode() != 303) {
            throw new AssertionError("panel not planned: " + response.statusCode() + "\n" + response.asString());
        }
        Matcher matcher = PANEL.matcher(response.header("Location"));
        if (!matcher.find()) {
            throw new AssertionError(response.header("Location"));
        }
        return Long.parseLong(matcher.group(1));
    }

    /** The form of one standard's finding, as a moderator types it (version: as the page showed it). */
    public static Map<String, String> finding(String code, String agrees, String rating, String reason, String strengths,
            String version) {
        java.util.HashMap<String, String> form = new java.util.HashMap<>();
        form.put(code + "-agrees", agrees);
        form.put(code + "-panelRating", rating);
        form.put(code + "-ratingReason", reason);
        form.put(code + "-strengths", strengths);
        form.put(code + "-areasForDevelopment", "");
        form.put(code + "-privateNotes", "");
        form.put(code + "-version", version);
        form.values().removeIf(java.util.Objects::isNull);
        return form;
    }

    @Transactional
    public List<AgendaItem> items(long panelId) {
        List<AgendaItem> items = AgendaItem.agenda(PanelDay.findById(panelId));
        items.forEach(i -> Hibernate.initialize(i.assessment));
        return items;
    }

    @Transactional
    public AgendaItem item(long itemId) {
        AgendaItem item = AgendaItem.findById(itemId);
        Hibernate.initialize(item.assessment);
        return item;
    }

    @Transactional
    public StandardFinding finding(long itemId, String code) {
        return StandardFinding.find("item.id = ?1 and standard.code = ?2", itemId, code).firstResult();
    }

    @Transactional
    public List<ActionItem> requiredByPanel(Assessment assessment) {
        return ActionItem.list("assessment.id = ?1 and requiredByPanelOn is not null order by id", assessment.id);
    }

    @Transactional
    public long events(Assessment assessment) {
        return AssessmentEvent.count("assessment.id", assessment.id);
    }

    @Transactional
    public long requiredActions(long itemId) {
        return RequiredAction.count("item.id", itemId);
    }
}
