package org.s11portal.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.s11portal.agency.Agency;
import org.s11portal.agency.Area;
import org.s11portal.cycle.Cycle;
import org.s11portal.support.Browser;
import org.s11portal.support.BrowserTest;
import org.s11portal.support.Fixtures;
import org.s11portal.support.WebSession;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** A member of staff answers on a phone-sized screen; the lead's and moderators' survey pages pass axe. */
@QuarkusTest
class SurveyBrowserTest extends BrowserTest {

    @Inject
    Fixtures fixtures;

    @Test
    void answeringOnAPhone() {
        Cycle cycle = fixtures.aCycle().create();
        Agency agency = fixtures.anAgency().inAreas(Area.ISLE_OF_WIGHT, Area.HAMPSHIRE).create();
        String leadEmail = fixtures.lead(agency).email;
        WebSession lead = WebSession.signedIn(leadEmail);
        lead.get("/staff-survey");
        lead.post("/staff-survey/link", Map.of());
        lead.post("/staff-survey/headcount", Map.of("headcount", "12"));
        Matcher matcher = Pattern.compile("/survey/([A-Za-z0-9_-]{20,})").matcher(lead.get("/staff-survey").asString());
        assertTrue(matcher.find());
        String token = matcher.group(1);

        Page phone = browser.newPage(390, 844);
        phone.navigate("/survey/" + token);
        Browser.screenshot(phone, "survey-01-phone-start");
        Browser.assertAccessible(phone);

        phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send my answers")).click();
        phone.waitForSelector(".govuk-error-summary");
        Browser.screenshot(phone, "survey-02-phone-errors");
        Browser.assertAccessible(phone);

        phone.locator("label[for='roleBand']").click();
        for (SurveyDefinition.Question q : SurveyDefinition.QUESTIONS) {
            phone.locator("label[for='" + q.field() + "']").click();
        }
        phone.getByLabel("What one thing would help you keep children safe in your role? (optional)").fill("More reflective supervision");
        phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send my answers")).click();
        phone.waitForURL("**/thanks");
        Browser.screenshot(phone, "survey-03-phone-thanks");
        Browser.assertAccessible(phone);
        assertEquals(1L, responses(agency));

        Page leadPage = browser.signedIn(leadEmail, Fixtures.PASSWORD);
        leadPage.navigate("/staff-survey");
        assertTrue(leadPage.textContent("main").contains("1 of 12 staff"));
        Browser.screenshot(leadPage, "survey-04-lead-page");
        Browser.assertAccessible(leadPage);
        leadPage.navigate("/survey-results");
        Browser.screenshot(leadPage, "survey-07-results-suppressed");
        Browser.assertAccessible(leadPage);
        leadPage.navigate("/staff-survey/poster");
        Browser.screenshot(leadPage, "survey-05-poster");

        Page moderator = browser.signedIn(fixtures.moderator(Area.ISLE_OF_WIGHT).email, Fixtures.PASSWORD);
        moderator.navigate("/survey-take-up");
        Browser.screenshot(moderator, "survey-06-take-up");
        Browser.assertAccessible(moderator);
        fixtures.surveyResponses(8).forAgency(agency).inCycle(cycle).areas("ISLE_OF_WIGHT").create();
        fixtures.surveyResponses(4).forAgency(agency).inCycle(cycle).roleBand("MANAGER").areas("ISLE_OF_WIGHT").create();
        moderator.navigate("/survey-results?agency=" + agency.id);
        Browser.screenshot(moderator, "survey-08-results");
        Browser.assertAccessible(moderator);
    }


    @Transactional
    long responses(Agency agency) {
        return SurveyResponse.count("agency.id", agency.id);
    }
}
