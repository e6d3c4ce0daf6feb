package org.s11portal.letter;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.quarkus.qute.TemplateData;

/**
 * Everything a feedback letter shows, as typed fields: a letter template (Qute, {@link LetterTemplate}) has this
 * record as its only data and can name nothing else. Every value is escaped where the template shows it, so a name
 * or paragraph containing markup appears as text. Every optional field may be null or empty: the letter still
 * renders (the templates leave out what is not there). Kept as JSON with each letter ({@link FeedbackLetter}).
 *
 * @param partnerships         the letterhead: the four partnerships for a joint agency, or the one partnership
 * @param date                 the letter's date
 * @param agencyName           the agency written to
 * @param seniorLead           the agency's senior lead, or null when not known
 * @param cycleName            the cycle, e.g. "2025–27"
 * @param cycleYear            the year of the cycle, e.g. "year 1"
 * @param panelDate            the date of the panel that considered the return
 * @param panelKind            joint (HIPS) or local panel
 * @param reviewingPartnerships the partnerships that reviewed the return
 * @param standards            the summary table: per standard, the agency's rating beside the panel's
 * @param surveyResponses      staff-survey responses (a number only; never results)
 * @param headcount            the agency's staff headcount
 * @param strengths            what the agency does well (individual paragraphs)
 * @param development          areas for development per standard: individual paragraphs and the portal's own findings
 * @param themes               themes across the partnership(s) the agency should consider
 * @param requiredActions      the panel's required actions with their due dates
 * @param actionPlanDue        when the agreed action plan is due
 * @param progressUpdateDue    when the year 2 progress update is due
 * @param contact              who to contact for support (a sentence: name, email)
 * @param signatory            who signs on behalf of the partnership(s)
 */
@TemplateData
public record LetterContent(
        List<String> partnerships,
        LocalDate date,
        String agencyName,
        String seniorLead,
        String cycleName,
        String cycleYear,
        LocalDate panelDate,
        LetterKind panelKind,
        List<String> reviewingPartnerships,
        List<StandardRow> standards,
        Integer surveyResponses,
        Integer headcount,
        List<String> strengths,
        List<Development> development,
        List<String> themes,
        List<RequiredAction> requiredActions,
        LocalDate actionPlanDue,
        LocalDate progressUpdateDue,
        String contact,
        String signatory) {

    /** The text a summary row shows when the panel agrees with the agency's rating. */
    public static final String AGREES = "Agrees";

    /**
     * One row of the summary table.
     *
     * @param panelRating the panel's own rating, or null when it agrees with the agency
     */
    @TemplateData
    public record StandardRow(String code, String title, String agencyRating, String panelRating) {

        /** The panel's column: its own rating, or "Agrees". */
        public String panelView() {
            return panelRating == null || panelRating.isBlank() ? AGREES : panelRating;
        }

        public boolean agrees() {
            return panelRating == null || panelRating.isBlank();
        }
    }

    /**
     * Areas for development under one standard.
     *
     * @param paragraphs the panel's individual paragraphs (editable before the letter is issued)
     * @param findings   what the portal states itself from the submission, such as "Evidence of impact not shown"
     */
    @TemplateData
    public record Development(String code, String title, List<String> paragraphs, List<String> findings) {

        public Development {
            paragraphs = paragraphs == null ? List.of() : List.copyOf(paragraphs);
            findings = findings == null ? List.of() : List.copyOf(findings);
        }

        /** Whether there is anything to say under this standard. */
        public boolean hasText() {
            return !paragraphs.isEmpty() || !findings.isEmpty();
        }
    }

    /** A required action of the panel, which joins the agency's action plan. */
    @TemplateData
    public record RequiredAction(String description, LocalDate due) {
    }

    /** Lists are never null (null becomes empty) and hold no nulls. */
    public LetterContent {
        partnerships = list(partnerships);
        reviewingPartnerships = list(reviewingPartnerships);
        standards = list(standards);
        strengths = list(strengths);
        development = list(development);
        themes = list(themes);
        requiredActions = list(requiredActions);
    }

    /** A letter with nothing in it but what the constructor makes of nulls: every field absent. */
    public static LetterContent empty() {
        return new LetterContent(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null);
    }

    public boolean joint() {
        return panelKind == LetterKind.JOINT;
    }

    /** "Joint (HIPS) panel" or "local panel" wording for the thanks paragraph. */
    public String panelName() {
        if (panelKind == null) {
            return "moderation panel";
        }
        return panelKind == LetterKind.JOINT ? "joint HIPS moderation panel" : "local moderation panel";
    }

    /** The letterhead's partnerships as words: "Hampshire, Portsmouth and Southampton". */
    public String partnershipsText() {
        return joinWithAnd(partnerships);
    }

    /** The partnerships that reviewed the return, as words. */
    public String reviewedBy() {
        return joinWithAnd(reviewingPartnerships);
    }

    /** Whether the letter has anything under "what you need to do next". */
    public boolean hasNextSteps() {
        return !requiredActions.isEmpty() || actionPlanDue != null || progressUpdateDue != null;
    }

    /** Whether any standard has something under areas for development. */
    public boolean hasDevelopment() {
        return development.stream().anyMatch(Development::hasText);
    }

    /** Survey responses as a whole percentage of headcount, or null when either number is missing. */
    public Integer surveyTakeUpPercent() {
        if (surveyResponses == null || headcount == null || headcount <= 0) {
            return null;
        }
        return (int) Math.round(100.0 * surveyResponses / headcount);
    }

    /**
     * The individual paragraphs people may edit before a letter is issued, by form field: "strengths" and
     * "development-CODE" per standard, each the paragraphs joined by a blank line.
     */
    public Map<String, String> paragraphs() {
        Map<String, String> paragraphs = new LinkedHashMap<>();
        paragraphs.put(STRENGTHS, String.join("\n\n", strengths));
        for (Development d : development) {
            paragraphs.put(DEVELOPMENT_PREFIX + d.code(), String.join("\n\n", d.paragraphs()));
        }
        return paragraphs;
    }

    public static final String STRENGTHS = "strengths";
    public static final String DEVELOPMENT_PREFIX = "development-";

    /**
     * This letter with its individual paragraphs replaced by those given (as {@link #paragraphs()} names them); a
     * field not given keeps its paragraphs. Blank lines separate paragraphs; blank paragraphs are dropped.
     */
    public LetterContent withParagraphs(Map<String, String> edited) {
        if (edited == null || edited.isEmpty()) {
            return this;
        }
        List<String> newStrengths = edited.containsKey(STRENGTHS) ? split(edited.get(STRENGTHS)) : strengths;
        List<Development> newDevelopment = new ArrayList<>();
        for (Development d : development) {
            String key = DEVELOPMENT_PREFIX + d.code();
            newDevelopment.add(edited.containsKey(key)
                    ? new Development(d.code(), d.title(), split(edited.get(key)), d.findings())
                    : d);
        }
        return new LetterContent(partnerships, date, agencyName, seniorLead, cycleName, cycleYear, panelDate, panelKind,
                reviewingPartnerships, standards, surveyResponses, headcount, newStrengths, newDevelopment, themes,
                requiredActions, actionPlanDue, progressUpdateDue, contact, signatory);
    }

    /** This letter dated another day (issuing dates it). */
    public LetterContent datedOn(LocalDate day) {
        return new LetterContent(partnerships, day, agencyName, seniorLead, cycleName, cycleYear, panelDate, panelKind,
                reviewingPartnerships, standards, surveyResponses, headcount, strengths, development, themes,
                requiredActions, actionPlanDue, progressUpdateDue, contact, signatory);
    }

    /** Paragraphs of a text box: separated by one or more blank lines, each stripped, blank ones dropped. */
    static List<String> split(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(text.replace("\r\n", "\n").replace('\r', '\n').split("\n\\s*\n"))
                .map(String::strip).filter(p -> !p.isEmpty()).toList();
    }

    static String joinWithAnd(List<String> words) {
        if (words.size() <= 1) {
            return words.isEmpty() ? "" : words.get(0);
        }
        return String.join(", ", words.subList(0, words.size() - 1)) + " and " + words.get(words.size() - 1);
    }

    private static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : values.stream().filter(Objects::nonNull).toList();
    }
}
