package org.s11portal.assessment;

import io.quarkus.qute.TemplateExtension;

/**
 * Gives templates {@code assessment.closedCycleNotice}: for an assessment of a closed cycle the sentence of
 * {@link AssessmentLifecycle#closedReason} ("This cycle closed on ..."), otherwise null; {@code tags/closedNotice.html}
 * shows it on every page of the assessment.
 */
@TemplateExtension
public final class ClosedNotice {

    private ClosedNotice() {
    }

    static String closedCycleNotice(Assessment assessment) {
        return AssessmentLifecycle.closedReason(assessment);
    }
}
