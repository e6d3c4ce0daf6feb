package org.s11portal.assessment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.s11portal.agency.Agency;
import org.s11portal.agency.Area;
import org.s11portal.cycle.Cycle;
import org.s11portal.support.Fixtures;
import org.s11portal.support.Metrics;
import org.s11portal.support.WebSession;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** A submitted self-assessment counts once in s11_self_assessments_submitted_total; a refused or repeated submit does not. */
@QuarkusTest
class SubmissionMetricsTest {

    static final String SUBMITTED = "s11_self_assessments_submitted_total";

    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    @Inject
    Fixtures fixtures;

    @Test
    void aSubmissionCountsOnceAndARefusedOrRepeatedOneDoesNot() {
        Cycle cycle = fixtures.aCycle().withTool().create();
        Agency agency = fixtures.anAgency().inAreas(Area.PORTSMOUTH).create();
        Assessment assessment = fixtures.anAssessment().forAgency(agency).inCycle(cycle).inProgress().create();
        WebSession lead = WebSession.signedIn(fixtures.lead(agency).email);
        String submit = "/assessments/" + assessment.id + "/submit";
        Map<String, String> declaration = Map.of("declaredByName", "Dr Jane Senior", "declaredRole", "Director of Nursing",
                "confirm", "yes");
        double before = Metrics.scrape(metrics).value(SUBMITTED);

        lead.get("/assessments/" + assessment.id + "/check");
        lead.post(submit, declaration).then().statusCode(400); // nothing answered yet
        assertEquals(before, Metrics.scrape(metrics).value(SUBMITTED));

        fixtures.answerAllFully(assessment, cycle);
        lead.get("/assessments/" + assessment.id + "/check");
        lead.post(submit, declaration).then().statusCode(303);
        assertEquals(before + 1, Metrics.scrape(metrics).value(SUBMITTED));

        // the same form sent again finds it submitted already: one version, one count
        lead.post(submit, declaration);
        assertEquals(before + 1, Metrics.scrape(metrics).value(SUBMITTED));
    }
}
