package org.s11portal.tooladmin;

import org.jboss.resteasy.reactive.RestForm;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What the tool-version forms post, as typed, with the rules that need nothing but the form. */
final class ToolForms {

    private ToolForms() {
    }

    /** "Copy the latest": the new draft's version and title. */
    public static class CopyForm {
        @RestForm
        @NotBlank(message = "Enter the new version, like 2026.1")
        @Pattern(regexp = "[0-9]{4}\\.[0-9]{1,3}", message = "Enter the version as a year, a full stop and a number, like 2026.1")
        public String version;

        @RestForm
        @NotBlank(message = "Enter the title")
        @Size(max = ToolFile.TITLE_MAX, message = "The title must be " + ToolFile.TITLE_MAX + " characters or fewer")
        public String title;
    }

    /** A standard's fields; prompts and evidence examples one a line. */
    public static class StandardForm {
        @RestForm
        @NotBlank(message = "Enter the standard's title")
        @Size(max = ToolFile.TITLE_MAX, message = "The title must be " + ToolFile.TITLE_MAX + " characters or fewer")
        public String title;

        @RestForm
        @Size(max = ToolFile.REFERENCE_MAX, message = "The reference must be " + ToolFile.REFERENCE_MAX + " characters or fewer")
        public String reference;

        @RestForm
        @Size(max = ToolFile.GOOD_MAX, message = "What good looks like must be " + ToolFile.GOOD_MAX + " characters or fewer")
        public String goodLooksLike;

        @RestForm
        @Size(max = 10000, message = "The reflection prompts must be 10000 characters or fewer")
        public String reflectionPrompts;

        @RestForm
        @Size(max = 10000, message = "The evidence examples must be 10000 characters or fewer")
        public String evidenceExamples;

        /** The draft's lock version the page was shown with. */
        @RestForm
        public Integer lock;
    }

    /** A question's text and guidance. */
    public static class QuestionForm {
        @RestForm
        @NotBlank(message = "Enter the question")
        @Size(max = ToolFile.TEXT_MAX, message = "The question must be " + ToolFile.TEXT_MAX + " characters or fewer")
        public String text;

        @RestForm
        @Size(max = ToolFile.GUIDANCE_MAX, message = "The guidance must be " + ToolFile.GUIDANCE_MAX + " characters or fewer")
        public String guidance;

        @RestForm
        public Integer lock;
    }
}
