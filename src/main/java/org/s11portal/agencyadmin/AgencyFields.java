package org.s11portal.agencyadmin;

import java.util.List;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An agency as typed, on the form or in a row of an import file (text, trimmed, blanks as null): the rules that need
 * nothing but the text. {@link AgencyRules} adds those that need the lists and the database (sector and area names,
 * the headcount's range, the admin's own area, a name already taken).
 */
public record AgencyFields(
        @NotBlank(message = "Enter the agency's name")
        @Size(max = AgencyRules.MAX_NAME, message = "Name must be 200 characters or fewer") String name,
        @NotBlank(message = "Select the agency's sector") String sector,
        @NotEmpty(message = "Select at least one area the agency works in") List<String> areas,
        @Pattern(regexp = "[0-9]{1,9}", message = "Headcount must be a whole number, like 250") String headcount,
        @Size(max = 120, message = "Senior lead's name must be 120 characters or fewer") String seniorLeadName,
        @Size(max = 254, message = "Senior lead's email address must be 254 characters or fewer")
        @Email(message = AgencyRules.BAD_EMAIL)
        @Pattern(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = AgencyRules.BAD_EMAIL) String seniorLeadEmail) {

    /** Trims every text and turns a blank into null, so that "  " is "not given". */
    public static AgencyFields of(String name, String sector, List<String> areas, String headcount, String seniorLeadName,
            String seniorLeadEmail) {
        List<String> given = areas == null ? List.of()
                : areas.stream().map(AgencyFields::clean).filter(a -> a != null).toList();
        return new AgencyFields(clean(name), clean(sector), given, clean(headcount), clean(seniorLeadName),
                clean(seniorLeadEmail));
    }

    static String clean(String text) {
        if (text == null) {
            return null;
        }
        String trimmed = text.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }
}
