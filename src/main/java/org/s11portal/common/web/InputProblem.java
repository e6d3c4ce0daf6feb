package org.s11portal.common.web;

/**
 * One thing wrong with typed input, named by its Java property (a path such as {@code newDue} or
 * {@code startDate.day}), never by an HTML id: services report the rules that need the database this way, and
 * {@link Violations} turns these, and Bean Validation's violations, into a page's {@link FormErrors} or an API's
 * problem list.
 */
public record InputProblem(String property, String message) {

    /** The first node of the path: {@code startDate} for {@code startDate.day}. */
    public String root() {
        int dot = property.indexOf('.');
        return dot < 0 ? property : property.substring(0, dot);
    }
}
