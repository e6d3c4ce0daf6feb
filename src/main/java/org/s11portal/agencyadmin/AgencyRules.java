package org.s11portal.agencyadmin;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

import org.s11portal.agency.Agency;
import org.s11portal.agency.Area;
import org.s11portal.agency.Partnership;
import org.s11portal.agency.Sector;
import org.s11portal.common.web.InputProblem;
import org.s11portal.common.web.Violations;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;

/**
 * The one check of an agency's fields, for the form and for every row of an import: Bean Validation on
 * {@link AgencyFields}, then what needs the lists and the database. Problems are named by property.
 */
@ApplicationScoped
public class AgencyRules {

    public static final int MAX_NAME = 200;
    static final String BAD_EMAIL = "Enter the senior lead's email address in the right format, like name@example.org";

    /** The typed values of a valid agency. */
    public record AgencyValues(String name, Sector sector, Set<Area> areas, Integer headcount, String seniorLeadName,
            String seniorLeadEmail) {
    }

    /** The outcome of a check: the values (when there is no problem) and the problems. */
    public record Checked(AgencyValues values, List<InputProblem> problems) {

        public boolean valid() {
            return problems.isEmpty();
        }
    }

    @Inject
    Validator validator;

    /**
     * Checks the fields. {@code ownArea} is the partnership admin's partnership (null for the HIPS admin): the agency
     * must work in it. {@code nameTaken} answers whether another agency has the name already (any case).
     */
    public Checked check(AgencyFields fields, Partnership ownArea, Predicate<String> nameTaken) {
        List<InputProblem> problems = new ArrayList<>(Violations.problems(validator.validate(fields)));
        Set<String> bad = new java.util.HashSet<>();
        problems.forEach(p -> bad.add(p.root()));

        if (!bad.contains("name") && nameTaken.test(fields.name())) {
            problems.add(new InputProblem("name", "An agency called \u201c" + fields.name() + "\u201d already exists"));
        }
        Sector sector = null;
        if (!bad.contains("sector")) {
            sector = sector(fields.sector());
            if (sector == null) {
                problems.add(new InputProblem("sector", "\u201c" + fields.sector() + "\u201d is not one of the sectors: use a sector's name as the"
                        + " form lists it, like \u201cPolice\u201d or \u201cVoluntary and community sector\u201d"));
            }
        }
        Set<Area> areas = EnumSet.noneOf(Area.class);
        if (!bad.contains("areas")) {
            for (String given : fields.areas()) {
                Area area = area(given);
                if (area == null) {
                    problems.add(new InputProblem("areas", "\u201c" + given + "\u201d is not an area: use Hampshire,"
                            + " Isle of Wight, Portsmouth or Southampton"));
                } else {
                    areas.add(area);
                }
            }
            if (ownArea != null && problems.stream().noneMatch(p -> p.property().equals("areas"))
                    && !areas.contains(ownArea.code)) {
                problems.add(new InputProblem("areas", "Areas must include " + ownArea.areaName()
                        + ": you manage only agencies that work in " + ownArea.areaName()));
            }
        }
        Integer headcount = null;
        if (fields.headcount() != null && !bad.contains("headcount")) {
            long value = Long.parseLong(fields.headcount());
            if (value < Agency.MIN_HEADCOUNT || value > Agency.MAX_HEADCOUNT) {
                problems.add(new InputProblem("headcount", "Headcount must be between " + Agency.MIN_HEADCOUNT
                        + " and " + String.format(Locale.UK, "%,d", Agency.MAX_HEADCOUNT)));
            } else {
                headcount = (int) value;
            }
        }
        if (!problems.isEmpty()) {
            return new Checked(null, List.copyOf(problems));
        }
        String email = fields.seniorLeadEmail() == null ? null : fields.seniorLeadEmail().toLowerCase(Locale.ROOT);
        return new Checked(new AgencyValues(fields.name(), sector, areas, headcount, fields.seniorLeadName(), email),
                List.of());
    }

    /** A sector by its code (HEALTH_PROVIDER) or its label ("NHS trust or health provider"), in any case. */
    static Sector sector(String given) {
        return byCodeOrLabel(Sector.values(), s -> s.label, given);
    }

    /** An area by its code (ISLE_OF_WIGHT) or its name ("Isle of Wight"), in any case. */
    static Area area(String given) {
        return byCodeOrLabel(Area.values(), a -> a.label, given);
    }

    private static <E extends Enum<E>> E byCodeOrLabel(E[] values, java.util.function.Function<E, String> label,
            String given) {
        String key = key(given);
        return java.util.Arrays.stream(values).filter(v -> key(v.name()).equals(key) || key(label.apply(v)).equals(key))
                .findFirst().orElse(null);
    }

    private static String key(String text) {
        return text == null ? "" : text.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_-]+", " ");
    }
}
