package org.s11portal.assessment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The senior officer's sign-off that goes with a submission, from the check-answers page or the API, without
 * surrounding spaces.
 */
public record SignOff(
        @NotBlank(message = "Enter the name of the senior officer who signed off this self-assessment")
        @Size(max = 120, message = "Name must be 120 characters or fewer") String declaredByName,
        @NotBlank(message = "Enter the senior officer's role")
        @Size(max = 120, message = "Role must be 120 characters or fewer") String declaredRole) {

    public SignOff {
        declaredByName = declaredByName == null ? null : declaredByName.strip();
        declaredRole = declaredRole == null ? null : declaredRole.strip();
    }
}
