package org.s11portal.home;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.s11portal.account.UserSession;
import org.s11portal.agency.Agency;
import org.s11portal.agency.Area;
import org.s11portal.common.config.PortalClock;
import org.s11portal.cycle.Cycle;
import org.s11portal.support.Fixtures;
import org.s11portal.support.TestClock;
import org.s11portal.support.WebSession;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * The portal reads the time only from its clock, which tests set: deadlines, the live cycle and the instants it
 * records follow it, and each test class has a day of its own that the clock returns to after each test.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClockTest {

    private static LocalDate classDay;

    @Inject
    Fixtures fixtures;

    @Inject
    PortalClock clock;

    @Test
    @Order(1)
    void theDeadlineOnHomeCountsDaysFromTheTestClocksDay() {
        classDay = clock.today();
        Cycle cycle = fixtures.aCycle().create();
        Agency agency = fixtures.anAgency().inAreas(Area.PORTSMOUTH).create();
        fixtures.anAssessment().forAgency(agency).inCycle(cycle).inProgress().create();
        String email = fixtures.lead(agency).email;
        WebSession.signedIn(email).get("/home").then().statusCode(200).body(containsString("(20 days left)"));

        TestClock.get().setToday(classDay.plusDays(15));

        // signed in again: the first session has been idle for 15 days
        WebSession.signedIn(email).get("/home").then().statusCode(200).body(containsString("(5 days left)"))
                .body(not(containsString("(20 days left)")));
    }

    @Test
    @Order(2)
    void afterEachTestTheClockIsBackOnTheClassesDayAndThatDayIsNoOtherClasses() {
        assertEquals(classDay, clock.today());
        assertTrue(classDay.isAfter(LocalDate.now(ZoneId.of("Europe/London"))), "a class's day is later than today");
    }

    @Test
    @Order(3)
    void theLiveCycleIsTheOneRunningOnTheClocksDay() {
        Cycle first = fixtures.aCycle().create();
        Cycle next = fixtures.aCycle().create();
        opensIn(next, 15);
        Agency agency = fixtures.anAgency().inAreas(Area.SOUTHAMPTON).create();
        String email = fixtures.lead(agency).email;
        WebSession.signedIn(email).get("/home").then().statusCode(200)
                .body(containsString(first.name)).body(not(containsString(next.name)));

        TestClock.get().setToday(classDay.plusDays(16));

        WebSession.signedIn(email).get("/home").then().statusCode(200).body(containsString(next.name));
    }

    @Test
    @Order(4)
    void recordedInstantsAreTheClocksNotTheMachines() {
        Instant before = clock.now();
        Agency agency = fixtures.anAgency().inAreas(Area.HAMPSHIRE).create();
        String email = fixtures.lead(agency).email;
        WebSession.signedIn(email);
        Instant after = clock.now();
        for (Instant recorded : new Instant[] { sessionOpenedFor(email), agency.createdAt }) {
            assertTrue(!recorded.isBefore(before.minusSeconds(1)) && !recorded.isAfter(after.plusSeconds(1)), "at " + recorded);
            assertTrue(Duration.between(Instant.now(), recorded).toDays() >= 1, "on the class's day, not the machine's");
        }
    }

    @Transactional
    void opensIn(Cycle cycle, int days) {
        Cycle c = Cycle.findById(cycle.id);
        c.year1Opens = clock.today().plusDays(days);
        c.year1Due = c.year1Opens.plusDays(20);
    }

    @Transactional
    Instant sessionOpenedFor(String email) {
        return UserSession.<UserSession>find("user.email = ?1 order by id desc", email).firstResult().createdAt;
    }
}
