package org.s11portal.demo;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import org.hibernate.Session;
import org.s11portal.agency.Agency;
import org.s11portal.common.config.PortalClock;
import org.s11portal.cycle.Cycle;
import org.s11portal.survey.SurveyDefinition;
import org.s11portal.survey.SurveyLink;
import org.s11portal.survey.SurveyWriter;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Demo staff-survey answers in the live cycle: most agencies above the take-up target, one far below, and
 * one small charity with fewer than 5 answers (so its results are suppressed). Answers are drawn at random
 * with a fixed seed, skewed towards agreement, so the charts look like a real workforce.
 */
@ApplicationScoped
class DemoSurvey {

    @Inject
    PortalClock clock;

    void seed(List<Agency> agencies, Cycle live) {
        Random random = new Random(11);
        List<SurveyWriter.Pending> answers = new ArrayList<>();
        for (int i = 0; i < agencies.size(); i++) {
            Agency agency = agencies.get(i);
            SurveyLink link = new SurveyLink();
            link.agency = agency;
            link.cycle = live;
            link.token = "demo-" + DemoData.slug(agency.name);
            link.active = true;
            link.createdAt = clock.now();
            link.persist();
            // take-up counts against the agency's own headcount, the one shown on its profile
            int headcount = agency.headcount;
            int responses = headcount < 20 ? 3                   // a small charity: fewer than 5, results suppressed
                    : i == 0 ? Math.max(5, headcount * 6 / 100) // the police: far below target
                    : headcount * (45 + random.nextInt(20)) / 100;
            java.util.Map<LocalDate, Integer> perDay = new java.util.TreeMap<>();
            for (int r = 0; r < responses; r++) {
                LocalDate day = live.surveyOpens.plusDays(random.nextInt(14));
                answers.add(respond(agency, live, random, day));
                perDay.merge(day, 1, Integer::sum);
            }
            perDay.forEach((day, n) -> Panache.getEntityManager()
                    .createNativeQuery("INSERT INTO survey_uptake (agency_id, cycle_id, day, slot, responses) VALUES (?1, ?2, ?3, 0, ?4)")
                    .setParameter(1, agency.id).setParameter(2, live.id).setParameter(3, day).setParameter(4, n).executeUpdate());
        }
        store(answers);
    }

    /**
     * Answers in the closed 2020-22 cycle, whose results can be shown: one small charity with 3 answers (left out of
     * every figure) and one agency with 7 (shown, but without free text, which needs 10), the rest with a few dozen.
     */
    void seedClosed(List<Agency> agencies, Cycle historical) {
        Random random = new Random(2020);
        List<SurveyWriter.Pending> answers = new ArrayList<>();
        boolean sevenDone = false;
        for (Agency agency : agencies) {
            int responses;
            if (agency.headcount < 20) {
                responses = 3;
            } else if (!sevenDone) {
                responses = 7;
                sevenDone = true;
            } else {
                responses = Math.min(agency.headcount, 400) * (25 + random.nextInt(20)) / 100;
            }
            for (int r = 0; r < responses; r++) {
                long days = ChronoUnit.DAYS.between(historical.surveyOpens, historical.surveyCloses);
                answers.add(respond(agency, historical, random, historical.surveyOpens.plusDays(random.nextInt((int) days + 1))));
            }
        }
        store(answers);
    }

    /** Thousands of answers (take-up against each agency's real headcount): one JDBC batch, as the survey writer stores them. */
    private static void store(List<SurveyWriter.Pending> answers) {
        Panache.getEntityManager().flush();
        Panache.getEntityManager().unwrap(Session.class).doWork(connection -> SurveyWriter.insert(connection, answers));
    }

    private static SurveyWriter.Pending respond(Agency agency, Cycle cycle, Random random, LocalDate day) {
        byte[] id = new byte[16];
        random.nextBytes(id);
        List<String> areas = agency.areasInOrder().stream().map(p -> p.code.name()).toList();
        String area = areas.get(random.nextInt(areas.size()));
        String roleBand = SurveyDefinition.ROLE_BANDS.get(random.nextInt(4) == 0 ? 1 : random.nextInt(4)).value();
        String worksWith = SurveyDefinition.WORKS_WITH.get(random.nextInt(3)).value();
        String[] answers = new String[SurveyDefinition.QUESTIONS.size()];
        for (SurveyDefinition.Question q : SurveyDefinition.QUESTIONS) {
            List<SurveyDefinition.Option> options = q.options();
            answers[q.number() - 1] = q.multi() ? options.get(random.nextInt(options.size() - 1)).value()
                    : options.get(Math.min(options.size() - 1, (int) Math.abs(random.nextGaussian() * 1.2))).value();
        }
        String freeText = null;
        if (random.nextInt(6) == 0) {
            freeText = List.of("More time for reflective supervision.", "Clearer guidance on the Continuum of Need.",
                    "Training on working with interpreters.", "Easier access to the escalation policy.",
                    "Regular refreshers on the Family Approach.").get(random.nextInt(5));
        }
        return new SurveyWriter.Pending(null, null, HexFormat.of().formatHex(id), agency.id, cycle.id, SurveyDefinition.VERSION, day,
                area, roleBand, worksWith, answers, freeText);
    }
}
