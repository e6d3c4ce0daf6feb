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
import java.util.function.Function;
import java.util.stream.Collectors;

import org.s11portal.agency.Agency;
import org.s11portal.agency.Area;

/**
 * Aggregated survey results with small-group suppression: nothing is shown for a group of fewer than the
 * threshold, and when suppressed groups could be worked out by subtracting the shown ones from a total,
 * more groups are suppressed until what is hidden adds up to at least the threshold.
 */
public final class SurveyResults {

    public record Bar(int row, String label, long count, int percent, Integer comparisonPercent) {
        /** Bar length in the 0-300 chart width. */
        public int width() {
            return percent * 3;
        }

        public int barY() {
            return row * 28 + 4;
        }

        public int textY() {
            return row * 28 + 17;
        }

        public int valueX() {
            return width() + 216;
        }
    }

    public record QuestionResult(SurveyDefinition.Question question, long responses, boolean suppressed, List<Bar> bars) {
        public int chartHeight() {
            return bars.size() * 28 + 4;
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

    public record Results(String scopeLabel, long responses, boolean suppressed, List<QuestionResult> questions,
            List<Breakdown> breakdowns, List<String> freeText, boolean freeTextShown, int threshold) {
    }

    private SurveyResults() {
    }

    /** Results for a set of responses, with an optional comparison set (the HIPS-wide answers). */
    static Results of(String label, List<SurveyResponse> responses, List<SurveyResponse> comparison,
            Map<Long, Agency> agencies, int threshold, int freeTextThreshold, boolean withSectorBreakdown) {
        boolean suppressed = responses.size() < threshold;
        List<QuestionResult> questions = suppressed ? List.of() : questions(responses, comparison, threshold);
        List<Breakdown> breakdowns = new ArrayList<>();
        if (!suppressed) {
            breakdowns.add(breakdown("By area", responses, r -> splitAreas(r.areas), threshold, true));
            breakdowns.add(breakdown("By role", responses, r -> List.of(label(SurveyDefinition.ROLE_BANDS, r.roleBand)), threshold, false));
            breakdowns.add(breakdown("By who people mainly work with", responses,
                    r -> List.of(label(SurveyDefinition.WORKS_WITH, r.worksWith)), threshold, false));
            if (withSectorBreakdown) {
                breakdowns.add(breakdown("By sector", responses, r -> List.of(agencies.get(r.agency.id).sector.label), threshold, false));
            }
        }
        boolean freeTextShown = responses.size() >= freeTextThreshold;
        List<String> freeText = new ArrayList<>();
        if (freeTextShown) {
            responses.stream().map(r -> r.freeText).filter(t -> t != null && !t.isBlank()).forEach(freeText::add);
            Collections.shuffle(freeText, new Random());
        }
        return new Results(label, responses.size(), suppressed, questions, breakdowns, freeText, freeTextShown, threshold);
    }

    static List<QuestionResult> questions(List<SurveyResponse> responses, List<SurveyResponse> comparison, int threshold) {
        List<QuestionResult> results = new ArrayList<>();
        for (SurveyDefinition.Question question : SurveyDefinition.QUESTIONS) {
            Map<String, Long> counts = counts(responses, question);
            Map<String, Long> compared = comparison == null ? null : counts(comparison, question);
            long n = responses.size();
            List<SurveyDefinition.Option> options = question.options();
            List<Bar> bars = java.util.stream.IntStream.range(0, options.size()).mapToObj(i -> Map.entry(i, options.get(i)))
                    .map(e -> new Bar(e.getKey(), e.getValue().label(), counts.getOrDefault(e.getValue().value(), 0L), percent(counts.getOrDefault(e.getValue().value(), 0L), n),
                            compared == null || comparison.size() < threshold ? null
                                    : percent(compared.getOrDefault(e.getValue().value(), 0L), comparison.size())))
                    .toList();
            results.add(new QuestionResult(question, n, n < threshold, bars));
        }
        return results;
    }

    /**
     * Groups responses by a dimension. Groups under the threshold are suppressed; if what is suppressed adds
     * up to less than the threshold while other groups are shown, the smallest shown groups are suppressed
     * too, so that no small group can be worked out by subtracting the shown groups from the total.
     */
    static Breakdown breakdown(String title, List<SurveyResponse> responses, Function<SurveyResponse, List<String>> groupsOf,
            int threshold, boolean overlapping) {
        Map<String, List<SurveyResponse>> grouped = new LinkedHashMap<>();
        for (SurveyResponse response : responses) {
            for (String group : groupsOf.apply(response)) {
                grouped.computeIfAbsent(group, g -> new ArrayList<>()).add(response);
            }
        }
        Set<String> hidden = suppressedGroups(grouped.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> (long) e.getValue().size())), threshold);
        List<Group> groups = grouped.entrySet().stream()
                .map(e -> hidden.contains(e.getKey())
                        ? new Group(e.getKey(), e.getValue().size(), true, List.of())
                        : new Group(e.getKey(), e.getValue().size(), false, questions(e.getValue(), null, threshold)))
                .sorted(Comparator.comparing(Group::label))
                .toList();
        return new Breakdown(title, groups);
    }

    /** Primary suppression (under the threshold) plus secondary suppression against subtraction. */
    static Set<String> suppressedGroups(Map<String, Long> sizes, int threshold) {
        Set<String> hidden = new HashSet<>();
        sizes.forEach((group, n) -> {
            if (n < threshold) {
                hidden.add(group);
            }
        });
        if (hidden.isEmpty()) {
            return hidden;
        }
        List<String> shownSmallestFirst = sizes.entrySet().stream()
                .filter(e -> !hidden.contains(e.getKey()))
                .sorted(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey).toList();
        long hiddenTotal = hidden.stream().mapToLong(sizes::get).sum();
        for (String next : shownSmallestFirst) {
            if (hiddenTotal >= threshold && hidden.size() >= 2) {
                break;
            }
            hidden.add(next);
            hiddenTotal += sizes.get(next);
        }
        return hidden;
    }

    private static Map<String, Long> counts(List<SurveyResponse> responses, SurveyDefinition.Question question) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (SurveyResponse response : responses) {
            String value = response.answer(question.number());
            if (value == null) {
                continue;
            }
            for (String v : value.split(",")) {
                counts.merge(v, 1L, Long::sum);
            }
        }
        return counts;
    }

    private static int percent(long count, long total) {
        return total == 0 ? 0 : (int) Math.round(count * 100.0 / total);
    }

    private static List<String> splitAreas(String areas) {
        if (areas == null || areas.isBlank()) {
            return List.of("Not given");
        }
        return Arrays.stream(areas.split(",")).map(a -> Area.valueOf(a).label).toList();
    }

    private static String label(List<SurveyDefinition.Option> options, String value) {
        return value == null ? "Not given"
                : options.stream().filter(o -> o.value().equals(value)).map(SurveyDefinition.Option::label).findFirst().orElse(value);
    }
}
