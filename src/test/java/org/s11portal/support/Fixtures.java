package org.s11portal.support;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;

import org.s11portal.account.User;
import org.s11portal.agency.Agency;
import org.s11portal.agency.Area;
import org.s11portal.agency.Partnership;
import org.s11portal.agency.Sector;
import org.s11portal.assessment.Assessment;
import org.s11portal.assessment.AssessmentState;
import org.s11portal.common.security.Roles;
import org.s11portal.cycle.Cycle;
import org.s11portal.tool.Tool;

import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Test data made by each test, with unique names, so no test depends on another's rows or on demo data.
 */
@ApplicationScoped
public class Fixtures {

    public static final String PASSWORD = "correct-horse-battery-staple";
    /** Hashing at cost 12 takes a quarter of a second: do it once for the whole run. */
    private static final String PASSWORD_HASH = BcryptUtil.bcryptHash(PASSWORD, User.BCRYPT_COST);

    public static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    @Transactional
    public Agency agency(Area... areas) {
        Agency agency = new Agency();
        agency.name = unique("Agency");
        agency.sector = Sector.VOLUNTARY_SECTOR;
        agency.headcount = 50;
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

    @Transactional
    public Assessment assessment(Agency agency, Cycle cycle, AssessmentState state) {
        Assessment assessment = new Assessment();
        assessment.agency = Agency.findById(agency.id);
        assessment.cycle = Cycle.findById(cycle.id);
        assessment.state = state;
        assessment.persist();
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
