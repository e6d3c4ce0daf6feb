package org.s11portal.survey;

import java.util.List;

/**
 * The staff survey's questions, version 2020.1 (14 questions, about five minutes). A cycle names the
 * version it uses; the response table has one column per question of this version.
 * <p>
 * The one definition of the questions: the form, the validation, the writer's insert, the results' SQL
 * aggregation, the page and the CSV all take the questions, their fields, columns and options from here.
 */
public final class SurveyDefinition {

    public static final String VERSION = "2020.1";

    public enum AnswerType { YES_NO, AGREEMENT, MULTI }

    public record Option(String value, String label) {
    }

    public record Question(int number, String text, AnswerType type, List<Option> options) {

        /** The name of its form field and of its field in {@link SurveyResponse}. */
        public String field() {
            return "q" + number;
        }

        /** Its column in survey_response. */
        public String column() {
            return "q" + number;
        }

        public boolean multi() {
            return type == AnswerType.MULTI;
        }
    }

    public static final List<Option> YES_NO = List.of(new Option("YES", "Yes"), new Option("NO", "No"),
            new Option("NOT_SURE", "Not sure"));

    public static final List<Option> AGREEMENT = List.of(new Option("SA", "Strongly agree"), new Option("A", "Agree"),
            new Option("N", "Neither agree nor disagree"), new Option("D", "Disagree"), new Option("SD", "Strongly disagree"));

    public static final List<Option> USED = List.of(new Option("PROCEDURES", "HIPS procedures website"),
            new Option("CONTINUUM", "Continuum of Need document"), new Option("FAMILY_APPROACH", "Family Approach toolkit"),
            new Option("ESCALATION", "Escalation policy"), new Option("NONE", "None of these"));

    public static final List<Option> ROLE_BANDS = List.of(new Option("FRONTLINE", "Frontline practitioner"),
            new Option("MANAGER", "Manager"), new Option("SUPPORT", "Support or administrative role"),
            new Option("VOLUNTEER", "Volunteer"));

    public static final List<Option> WORKS_WITH = List.of(new Option("CHILDREN", "Mainly children"),
            new Option("ADULTS", "Mainly adults"), new Option("BOTH", "Both"));

    public static final List<Question> QUESTIONS = List.of(
            yesNo(1, "I know who the safeguarding lead or designated person is in my organisation."),
            yesNo(2, "I know where to find my organisation's child safeguarding policy."),
            yesNo(3, "I know what to do and who to contact if I am worried about a child, including out of hours."),
            agreement(4, "I feel confident deciding which level of the Continuum of Need a child's situation fits."),
            yesNo(5, "I understand what Early Help is and how my role contributes to it."),
            agreement(6, "When I work with an adult, I routinely think about any children in their life (Family Approach)."),
            yesNo(7, "I know how to escalate if I believe a concern about a child is not being acted on by my organisation or another agency."),
            agreement(8, "I would feel safe raising a concern about a colleague's behaviour towards children (whistleblowing / speak up)."),
            yesNo(9, "I have completed safeguarding training at the level required for my role within the required period."),
            agreement(10, "I receive supervision or reflective discussion where I can talk about safeguarding concerns."),
            agreement(11, "I feel confident recognising signs of abuse or neglect in disabled children."),
            yesNo(12, "I know how to get an interpreter, and would not use a child to interpret for their family."),
            new Question(13, "Which of these have you used in the last 12 months?", AnswerType.MULTI, USED),
            yesNo(14, "I know how to record a child's views and wishes in my work."));

    public static final String FREE_TEXT_QUESTION = "What one thing would help you keep children safe in your role?";

    private SurveyDefinition() {
    }

    private static Question yesNo(int number, String text) {
        return new Question(number, text, AnswerType.YES_NO, YES_NO);
    }

    private static Question agreement(int number, String text) {
        return new Question(number, text, AnswerType.AGREEMENT, AGREEMENT);
    }

    /** The question whose field has this name, or null. */
    public static Question byField(String field) {
        for (Question question : QUESTIONS) {
            if (question.field().equals(field)) {
                return question;
            }
        }
        return null;
    }

    public static boolean valid(List<Option> options, String value) {
        for (Option option : options) {
            if (option.value().equals(value)) {
                return true;
            }
        }
        return false;
    }
}
