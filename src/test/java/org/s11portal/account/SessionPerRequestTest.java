package org.s11portal.account;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;


import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import org.s11portal.agency.Area;
import org.s11portal.common.config.PortalClock;
import org.s11portal.support.Fixtures;
import org.s11portal.support.WebSession;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * What a signed-in page view costs the database, and that whatever makes it cheap never lets an ended session
 * through: every request still asks MariaDB whether its session is live, so a sign-out, a revocation made by
 * another instance or a deactivated account takes effect on the very next request.
 */
@QuarkusTest
class SessionPerRequestTest {

    @Inject
    PortalClock clock;

    @Inject
    Fixtures fixtures;

    @Inject
    SessionFactory sessionFactory;

    @Test
    void aSignedInStaticPageCostsOneStatementAndLoadsNoUser() {
        User user = fixtures.moderator(Area.PORTSMOUTH);
        WebSession browser = WebSession.signedIn(user.email);
        browser.get("/accessibility").then().statusCode(200).body(containsString(user.displayName));

        Counts counts = measure(() -> browser.get("/accessibility").then().statusCode(200)
                .body(containsString(user.displayName)).body(containsString("Sign out")));

        assertEquals(1, counts.statements, "the session, with its user's name and role, in one statement");
        assertEquals(0, counts.userLoads, "the layout shows the name and role without loading the user");
        assertEquals(0, counts.transactions, "reading a live session opens no transaction");
    }

    @Test
    void aSignedInPageLoadsItsUserOnce() {
        User user = fixtures.moderator(Area.PORTSMOUTH);
        WebSession browser = WebSession.signedIn(user.email);
        browser.get("/home").then().statusCode(200);

        Counts counts = measure(() -> browser.get("/home").then().statusCode(200).body(containsString(user.displayName)));

        assertEquals(1, counts.userLoads, "the user behind the request is loaded once");
        assertTrue(counts.transactions <= 1, "one transaction for the session and the page, not " + counts.transactions);
    }

    @Test
    void aSessionRevokedElsewhereIsRefusedOnTheNextRequest() {
        User user = fixtures.moderator(Area.PORTSMOUTH);
        WebSession browser = WebSession.signedIn(user.email);
        browser.get("/home").then().statusCode(200);

        revoke(browser.cookie(SessionService.COOKIE_NAME)); // as another instance signing out would

        browser.get("/home").then().statusCode(302).header("Location", containsString("/sign-in"));
        WebSession.anonymous().request().cookie(SessionService.COOKIE_NAME, browser.cookie(SessionService.COOKIE_NAME))
                .get("/accessibility").then().statusCode(200).body(org.hamcrest.Matchers.not(containsString("Sign out")));
    }

    @Test
    void signingOutEndsTheSessionAtOnceEvenRightAfterAPageView() {
        User user = fixtures.moderator(Area.PORTSMOUTH);
        WebSession browser = WebSession.signedIn(user.email);
        String copiedCookie = browser.cookie(SessionService.COOKIE_NAME);
        browser.get("/accessibility").then().statusCode(200).body(containsString("Sign out"));
        browser.get("/home").then().statusCode(200);

        browser.post("/sign-out", java.util.Map.of()).then().statusCode(303);

        WebSession.anonymous().request().cookie(SessionService.COOKIE_NAME, copiedCookie).get("/home")
                .then().statusCode(302).header("Location", containsString("/sign-in"));
        WebSession.anonymous().request().cookie(SessionService.COOKIE_NAME, copiedCookie).get("/accessibility")
                .then().statusCode(200).body(org.hamcrest.Matchers.not(containsString("Sign out")));
    }

    @Test
    void aDeactivatedUsersSessionIsRefusedOnTheNextRequest() {
        User user = fixtures.moderator(Area.PORTSMOUTH);
        WebSession browser = WebSession.signedIn(user.email);
        browser.get("/home").then().statusCode(200);
        browser.get("/accessibility").then().statusCode(200).body(containsString("Sign out"));

        fixtures.deactivate(user);

        browser.get("/home").then().statusCode(302).header("Location", containsString("/sign-in"));
    }

    @Test
    void aRenamedUserIsShownByTheirNewNameOnTheNextPage() {
        User user = fixtures.moderator(Area.PORTSMOUTH);
        WebSession browser = WebSession.signedIn(user.email);
        browser.get("/accessibility").then().statusCode(200).body(containsString(user.displayName));

        String newName = Fixtures.unique("Renamed");
        rename(user.id, newName);

        browser.get("/accessibility").then().statusCode(200).body(containsString(newName));
    }

    private record Counts(long statements, long userLoads, long transactions) {
    }

    private Counts measure(Runnable request) {
        Statistics statistics = sessionFactory.getStatistics();
        assertTrue(statistics.isStatisticsEnabled(), "quarkus.hibernate-orm.statistics must be on in tests");
        long statements = statistics.getPrepareStatementCount();
        long userLoads = statistics.getEntityStatistics(User.class.getName()).getLoadCount()
                + statistics.getEntityStatistics(User.class.getName()).getFetchCount();
        long transactions = statistics.getTransactionCount();
        request.run();
        return new Counts(statistics.getPrepareStatementCount() - statements,
                statistics.getEntityStatistics(User.class.getName()).getLoadCount()
                        + statistics.getEntityStatistics(User.class.getName()).getFetchCount() - userLoads,
                statistics.getTransactionCount() - transactions);
    }

    @Transactional
    void revoke(String token) {
        UserSession.findByTokenHash(SessionService.hash(token)).revokedAt = clock.now();
    }

    @Transactional
    void rename(long userId, String name) {
        User.<User>findById(userId).displayName = name;
    }
}
