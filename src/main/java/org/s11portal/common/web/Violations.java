package org.s11portal.common.web;

import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jboss.resteasy.reactive.RestForm;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/**
 * The one adapter from Bean Validation to what people see: violations (and the problems services find in the
 * database) become {@link InputProblem}s named by property; those become a page's {@link FormErrors}, keyed by the
 * HTML id of the input to link to and in the order the inputs appear, or the API's errors, keyed by the JSON
 * property name.
 */
public final class Violations {

    private Violations() {
    }

    /**
     * The violations as problems, in the order of the validated class's properties (record components or declared
     * fields); for one property, "missing" (NotNull, NotBlank, NotEmpty) before anything else.
     */
    public static List<InputProblem> problems(Collection<? extends ConstraintViolation<?>> violations) {
        return violations.stream()
                .sorted(Comparator.<ConstraintViolation<?>> comparingInt(v -> position(order(v.getRootBeanClass()), path(v)))
                        .thenComparingInt(Violations::rank)
                        .thenComparing(Violations::path)
                        .thenComparing(ConstraintViolation::getMessage))
                .map(v -> new InputProblem(path(v), v.getMessage()))
                .toList();
    }

    /**
     * A page's errors. Each problem is linked to the input of {@code form} (its {@code @RestForm} names) for its
     * property: {@code startDate.day} to {@code startDate-day}, a whole date {@code newDue} to its first part
     * {@code newDue-day}. Sources come in priority order: once an earlier source has a problem with a property, a
     * later one's problems with it are dropped (the parts of a date were wrong, so "enter the date" is not said too).
     * The errors follow the order of the form's inputs; a field keeps its first message.
     */
    @SafeVarargs
    public static FormErrors page(Class<?> form, List<InputProblem>... sources) {
        List<String> ids = formIds(form);
        List<InputProblem> kept = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (List<InputProblem> source : sources) {
            Set<String> here = new HashSet<>();
            for (InputProblem problem : source) {
                if (!seen.contains(problem.root())) {
                    kept.add(problem);
                    here.add(problem.root());
                }
            }
            seen.addAll(here);
        }
        FormErrors errors = FormErrors.none();
        kept.stream()
                .map(p -> new FormErrors.FieldError(fieldId(ids, p.property()), p.message()))
                .sorted(Comparator.comparingInt(e -> index(ids, e.field())))
                .forEach(e -> errors.add(e.field(), e.message()));
        return errors;
    }

    /**
     * Adds problems to a page whose inputs repeat per item (a standard page's questions): the input's id is the
     * property with {@code idPrefix} ({@code q12-} + {@code evidence}), the message starts with {@code messagePrefix}.
     */
    public static void addTo(FormErrors errors, String idPrefix, String messagePrefix, List<InputProblem> problems) {
        problems.forEach(p -> errors.add(idPrefix + p.property().replace('.', '-'), messagePrefix + p.message()));
    }

    /**
     * An API's errors, keyed by the property's name in the JSON ({@code targetDate}), in the order of the properties
     * of {@code type} (the typed values the JSON became); a property keeps its first message.
     */
    public static FormErrors api(Class<?> type, List<InputProblem> problems) {
        List<String> order = order(type);
        FormErrors errors = FormErrors.none();
        problems.stream().sorted(Comparator.comparingInt(p -> position(order, p.property())))
                .forEach(p -> errors.add(p.property(), p.message()));
        return errors;
    }

    /** A message template that Bean Validation's interpolation leaves exactly as written. */
    static String literal(String message) {
        return message.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
    }

    static String fieldId(List<String> ids, String property) {
        String id = property.replace('.', '-');
        if (ids.contains(id)) {
            return id;
        }
        return ids.stream().filter(i -> i.startsWith(id + "-")).findFirst().orElse(id);
    }

    /** The names a form class posts, in declaration order: a {@code @RestForm} value, else the field name. */
    static List<String> formIds(Class<?> form) {
        List<String> ids = new ArrayList<>();
        for (Field field : form.getDeclaredFields()) {
            if (java.lang.reflect.Modifier.isStatic(field.getModifiers())) {
                continue;
            }
            RestForm restForm = field.getAnnotation(RestForm.class);
            ids.add(restForm == null || restForm.value().isEmpty() ? field.getName() : restForm.value());
        }
        return ids;
    }

    private static List<String> order(Class<?> type) {
        if (type.isRecord()) {
            return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
        }
        return Arrays.stream(type.getDeclaredFields()).map(Field::getName).toList();
    }

    private static int position(List<String> order, String path) {
        int dot = path.indexOf('.');
        return index(order, dot < 0 ? path : path.substring(0, dot));
    }

    private static int index(List<String> order, String name) {
        int i = order.indexOf(name);
        return i < 0 ? Integer.MAX_VALUE : i;
    }

    private static int rank(ConstraintViolation<?> violation) {
        Class<?> type = violation.getConstraintDescriptor().getAnnotation().annotationType();
        return type == NotNull.class || type == NotBlank.class || type == NotEmpty.class ? 0 : 1;
    }

    private static String path(ConstraintViolation<?> violation) {
        StringBuilder path = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getName() == null) {
                continue;
            }
            if (!path.isEmpty()) {
                path.append('.');
            }
            path.append(node.getName());
        }
        return path.toString();
    }
}
