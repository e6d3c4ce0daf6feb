package org.s11portal.common.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The errors of one submitted form, in the order the fields appear, keyed by the field's HTML id so that
 * the error summary can link to each field.
 */
public final class FormErrors {

    public record FieldError(String field, String message) {
    }

    private final Map<String, String> byField = new LinkedHashMap<>();

    public static FormErrors none() {
        return new FormErrors();
    }

    /** Keeps the first message for a field: it names the first thing to fix. */
    public FormErrors add(String field, String message) {
        byField.putIfAbsent(field, message);
        return this;
    }

    public boolean isEmpty() {
        return byField.isEmpty();
    }

    public boolean any() {
        return !byField.isEmpty();
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    public String get(String field) {
        return byField.get(field);
    }

    public List<FieldError> list() {
        List<FieldError> list = new ArrayList<>();
        byField.forEach((field, message) -> list.add(new FieldError(field, message)));
        return list;
    }
}
