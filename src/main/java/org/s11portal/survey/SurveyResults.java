package org.s11portal.survey;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.s11portal.agency.Area;

/**
 * Aggregated survey results with disclosure control (docs/staff-survey-privacy.md, "Shown"). The rules, in
 * one place:
 * <ol>
 * <li>An agency with fewer than the threshold of answers is left out of every figure: its own page, every
 * total, every breakdown, the HIPS comparison, the CSV. Nothing is "hidden but still in the total".</li>
 * <li>The unit of publication is the cell (one agency, one group of a breakdown). Within an agency, each
 * breakdown is suppressed class by class ({@link #shownGroups}): groups under the threshold are hidden, then
 * the smallest shown groups, until what is hidden adds up to at least the threshold (or all is hidden).</li>
 * <li>Every figure for several agencies is the sum of the published cells of those agencies, never a count
 * made afresh: so any difference of two published figures is a sum of published cells.</li>
 * <li>An overlapping breakdown (areas: one answer may name several) is published by the exact combination
 * given, so each answer counts in exactly one row and rows cannot be played against each other.</li>
 * <li>Free text comes only from agencies with at least the free-text threshold of answers, and any view's
 * list is the union of those agencies' lists.</li>
 * </ol>
 */
public final class SurveyResults {

    public record Bar(int row, String label, long count, int percent, Integer comparisonPercent) {
        /**
         * Chart geometry in SVG user units: the chart is 560 wide (about 470 px on the page at desktop size, so its
         * 19-unit text shows at about 16 px): labels up to x 270, bars from 278 and at most 210 long, the value after.
         */
        static final int ROW = 34;
        static final int BAR_X = 278;

        /** Bar length in the 0-210 chart width. */
        public int width() {
            return percent * 21 / 10;
        }

        public int barY() {
            return row * ROW + 6;
        }

        public int textY() {
            return row * ROW + 23;
        }

        public int barX() {
            return BAR_X;
        }

        public int valueX() {
            return BAR_X + width() + 8;
        }

        /** True when the view has a HIPS comparison (a share of 0 % is a figure too, and is shown). */
        public boolean compared() {
            return comparisonPercent != null;
        }
    }

    public record QuestionResult(SurveyDefinition.Question question, long responses, boolean suppressed, List<Bar> bars) {
        public int chartHeight() {
            return bars.size() * Bar.ROW + 8;
        }

        /** The share giving a positive answer: yes; strongly agree or agree; any resource used. */
        public int positivePercent() {
            return switch (question.type()) {
                case YES_NO -> bars.get(0).percent();
                case AGREEMENT -> Math.min(100, bars.get(0).percent() + bars.get(1).percent());
                case MULTI -> 100 - bars.get(bars.size() - 1).percent();
            };
        }
    }

    public record Group(String label, long responses, boolean suppressed, List<QuestionResult> questions) {
    }

    public record Breakdown(String title, List<Group> groups) {
    }

    /**
     * What a page and its CSV show. {@code agenciesLeftOut} counts the agencies of the view with too few answers
     * to be included; {@code freeTextAgencies} how many agencies' written answers are listed.
     */
    public record Results(String scopeLabel, long responses, boolean suppressed, List<QuestionResult> questions,
            List<Breakdown> breakdowns, List<String> freeText, boolean freeTextShown, int threshold,
            int freeTextThreshold, int agenciesLeftOut, boolean comparison) {
    }

    /** The one row that stands for every hidden group of a breakdown. */
    static final String OTHER_GROUPS = "Other groups";

    /**
     * Answers added up: how many, and for each question of {@link SurveyDefinition} how many chose each of its options
     * (in the definition's order). Tallies only ever add up, so any figure is a sum of the cells it covers.
     */
    static final class Tally {
        long responses;
        final long[][] counts;

        Tally() {
            counts = new long[SurveyDefinition.QUESTIONS.size()][];
            for (int q = 0; q < counts.length; q++) {
                counts[q] = new long[SurveyDefinition.QUESTIONS.get(q).options().size()];
            }
        }

        Tally add(Tally other) {
            responses += other.responses;
            for (int q = 0; q < counts.length; q++) {
                for (int o = 0; o < counts[q].length; o++) {
                    counts[q][o] += other.counts[q][o];
                }
            }
            return this;
        }

        static Tally sum(List<Tally> tallies) {
            Tally sum = new Tally();
            tallies.forEach(sum::add);
            return sum;
        }
    }

    /**
     * The answers of one agency that gave the same filters (areas, role, who they work with), counted by the database
     * ({@link SurveyAggregation}): the smallest unit anything is built from. Never shown by itself.
     */
    record Cell(long agencyId, String sector, String areas, String roleBand, String worksWith, Tally tally) {
    }

    /** A breakdown dimension: its title and the one group each cell's answers belong to. */
    record Dimension(String title, Function<Cell, String> groupOf) {
    }

    static final Dimension BY_AREA = new Dimension("By area (each answer counted once, under the areas it gave)",
            c -> areasLabel(c.areas()));
    static final Dimension BY_ROLE = new Dimension("By role", c -> label(SurveyDefinition.ROLE_BANDS, c.roleBand()));
    static final Dimension BY_WORKS_WITH = new Dimension("By who people mainly work with",
            c -> label(SurveyDefinition.WORKS_WITH, c.worksWith()));
    static final Dimension BY_SECTOR = new Dimension("By sector", Cell::sector);

    /** One agency's answers and, per dimension, the groups that may be published (group label to their answers). */
    record AgencyCells(long agencyId, Tally total, Map<String, Map<String, Tally>> shown) {
    }

    private SurveyResults() {
    }

    /** Splits a cycle's cells into agencies and works out, once, which cells of each agency may be published. */
    static Map<Long, AgencyCells> cells(List<Cell> rows, int threshold, List<Dimension> dimensions) {
        Map<Long, List<Cell>> byAgency = new LinkedHashMap<>();
        rows.forEach(c -> byAgency.computeIfAbsent(c.agencyId(), a -> new ArrayList<>()).add(c));
        Map<Long, AgencyCells> cells = new LinkedHashMap<>();
        byAgency.forEach((agencyId, own) -> {
            Map<String, Map<String, Tally>> shown = new LinkedHashMap<>();
            for (Dimension dimension : dimensions) {
                Map<String, Tally> grouped = new TreeMap<>();
                own.forEach(c -> grouped.computeIfAbsent(dimension.groupOf().apply(c), g -> new Tally()).add(c.tally()));
                Set<String> published = shownGroups(grouped.entrySet().stream()
                        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().responses)), threshold);
                Map<String, Tally> kept = new TreeMap<>(grouped);
                kept.keySet().retainAll(published);
                shown.put(dimension.title(), kept);
            }
            cells.put(agencyId, new AgencyCells(agencyId, Tally.sum(own.stream().map(Cell::tally).toList()), shown));
        });
        return cells;
    }

    /**
     * The results of a set of agencies. Agencies under the threshold are left out; breakdown rows are sums of the
     * agencies' published cells; free text comes from agencies at or over the free-text threshold.
     *
     * @param inView the agencies this view covers (their cells; agencies without answers need not be there)
     * @param comparison the cells of every agency for the HIPS comparison, or null for none
     * @param cycleId the cycle, for the order of the written answers
     * @param freeTextOf the written answers (not blank) of the given agencies, read only for the agencies that may show them
     */
    static Results of(String label, List<AgencyCells> inView, List<AgencyCells> comparison, List<Dimension> dimensions,
            int threshold, int freeTextThreshold, long cycleId, Function<List<Long>, List<String>> freeTextOf) {
        List<AgencyCells> included = inView.stream().filter(a -> a.total().responses >= threshold).toList();
        int leftOut = inView.size() - included.size();
        Tally responses = Tally.sum(included.stream().map(AgencyCells::total).toList());
        if (responses.responses == 0) {
            return new Results(label, 0, true, List.of(), List.of(), List.of(), false, threshold, freeTextThreshold, leftOut,
                    false);
        }
        Tally compared = comparison == null ? null
                : Tally.sum(comparison.stream().filter(a -> a.total().responses >= threshold).map(AgencyCells::total).toList());
        List<QuestionResult> questions = questions(responses, compared);
        List<Breakdown> breakdowns = new ArrayList<>();
        for (Dimension dimension : dimensions) {
            Map<String, Tally> rows = new TreeMap<>();
            for (AgencyCells agency : included) {
                agency.shown().get(dimension.title()).forEach((g, tally) -> rows.computeIfAbsent(g, k -> new Tally()).add(tally));
            }
            List<Group> groups = new ArrayList<>(rows.entrySet().stream()
                    .map(e -> new Group(e.getKey(), e.getValue().responses, false, questions(e.getValue(), null)))
                    .sorted(Comparator.comparing(Group::label))
                    .toList());
            // Hidden groups are not named, even as "not shown": a named row would tell that someone of that group
            // (the one manager of a small team) took part. One row stands for all of them.
            long shownAnswers = groups.stream().mapToLong(Group::responses).sum();
            if (shownAnswers < responses.responses) {
                groups.add(new Group(OTHER_GROUPS, responses.responses - shownAnswers, true, List.of()));
            }
            breakdowns.add(new Breakdown(dimension.title(), groups));
        }
        List<Long> withFreeText = included.stream().filter(a -> a.total().responses >= freeTextThreshold)
                .map(AgencyCells::agencyId).toList();
        List<String> freeText = withFreeText.isEmpty() ? new ArrayList<>() : new ArrayList<>(freeTextOf.apply(withFreeText));
        // Random order, the same on every request of the view, so that paging neither repeats nor skips an answer:
        // sorted first (an order that says nothing about who answered, or when), then shuffled with a seed of the
        // view (its cycle and agencies), not of the request.
        Collections.sort(freeText);
        Collections.shuffle(freeText, new Random(viewSeed(cycleId, included)));
        return new Results(label, responses.responses, false, questions, breakdowns, freeText, !withFreeText.isEmpty(), threshold,
                freeTextThreshold, leftOut, compared != null && compared.responses > 0);
    }

    /** A seed for the order of a view's written answers: the same view (cycle and agencies) gives the same seed. */
    static long viewSeed(long cycleId, List<AgencyCells> agencies) {
        return java.util.Objects.hash(cycleId, agencies.stream().map(AgencyCells::agencyId).sorted().toList());
    }

    static List<QuestionResult> questions(Tally responses, Tally comparison) {
        List<QuestionResult> results = new ArrayList<>();
        boolean compared = comparison != null && comparison.responses > 0;
        for (int q = 0; q < SurveyDefinition.QUESTIONS.size(); q++) {
            SurveyDefinition.Question question = SurveyDefinition.QUESTIONS.get(q);
            long[] counts = responses.counts[q];
            long n = responses.responses;
            List<SurveyDefinition.Option> options = question.options();
            List<Bar> bars = new ArrayList<>(options.size());
            for (int o = 0; o < options.size(); o++) {
                bars.add(new Bar(o, options.get(o).label(), counts[o], percent(counts[o], n),
                        compared ? percent(comparison.counts[q][o], comparison.responses) : null));
            }
            results.add(new QuestionResult(question, n, false, List.copyOf(bars)));
        }
        return results;
    }

    /**
     * The groups of one breakdown that may be published. Groups under the threshold are hidden; if what is hidden
     * adds up to less than the threshold, the smallest shown groups are hidden too, until it does or nothing is
     * left: taking the shown groups from the total then gives only a group of at least the threshold.
     */
    static Set<String> shownGroups(Map<String, Long> sizes, int threshold) {
        Set<String> hidden = new HashSet<>();
        sizes.forEach((group, n) -> {
            if (n < threshold) {
                hidden.add(group);
            }
        });
        long hiddenTotal = hidden.stream().mapToLong(sizes::get).sum();
        if (!hidden.isEmpty()) {
            List<String> shownSmallestFirst = sizes.entrySet().stream()
                    .filter(e -> !hidden.contains(e.getKey()))
                    .sorted(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                    .map(Map.Entry::getKey).toList();
            for (String next : shownSmallestFirst) {
                if (hiddenTotal >= threshold) {
                    break;
                }
                hidden.add(next);
                hiddenTotal += sizes.get(next);
            }
        }
        Set<String> shown = new HashSet<>(sizes.keySet());
        shown.removeAll(hidden);
        return shown;
    }

    private static int percent(long count, long total) {
        return total == 0 ? 0 : (int) Math.round(count * 100.0 / total);
    }

    /** The exact combination of areas an answer gave, in a fixed order: "Hampshire and Portsmouth". */
    static String areasLabel(String areas) {
        if (areas == null || areas.isBlank()) {
            return "Not given";
        }
        List<String> labels = Arrays.stream(areas.split(",")).map(Area::valueOf).distinct().sorted()
                .map(a -> a.label).toList();
        return labels.size() == 1 ? labels.get(0)
                : String.join(", ", labels.subList(0, labels.size() - 1)) + " and " + labels.get(labels.size() - 1);
    }

    private static String label(List<SurveyDefinition.Option> options, String value) {
        return value == null ? "Not given"
                : options.stream().filter(o -> o.value().equals(value)).map(SurveyDefinition.Option::label).findFirst().orElse(value);
    }
}
