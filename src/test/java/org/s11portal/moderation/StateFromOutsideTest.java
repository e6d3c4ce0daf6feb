package org.s11portal.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.s11portal.assessment.Assessment;
import org.s11portal.assessment.AssessmentState;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Code outside the assessment package (here, moderation) can read an assessment's state but not assign it:
 * Panache turns the assignment into a call of the entity's package-private setter, which the JVM refuses.
 * Only {@code AssessmentLifecycle} changes a state.
 */
@QuarkusTest
class StateFromOutsideTest {

    @Test
    void assigningTheStateFromAnotherPackageIsRefused() {
        Assessment assessment = new Assessment();
        assertThrows(IllegalAccessError.class, () -> assessment.state = AssessmentState.SUBMITTED);
        assertEquals(AssessmentState.NOT_STARTED, assessment.state);
    }
}
