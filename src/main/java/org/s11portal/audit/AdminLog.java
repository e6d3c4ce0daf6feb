package org.s11portal.audit;

import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

import org.s11portal.account.CurrentUser;
import org.s11portal.agency.Partnership;
import org.s11portal.common.config.PortalClock;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * The one way administrative changes are recorded: every admin service calls {@link #record} in the same transaction
 * as the change, so a change and its log entry are written together or not at all.
 */
@ApplicationScoped
public class AdminLog {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Inject
    PortalClock clock;

    @Inject
    CurrentUser currentUser;

    /** Who and where a change belongs: the record, and the partnerships whose admins may read the entry. */
    public record Subject(String recordType, Long recordId, String recordLabel, Collection<Partnership> partnerships) {

        /** A HIPS-wide record: only the HIPS admin reads its entries. */
        public static Subject hipsWide(String recordType, Long recordId, String recordLabel) {
            return new Subject(recordType, recordId, recordLabel, java.util.List.of());
        }
    }

    /**
     * Records one change by the signed-in user (or "system" outside a request). {@code before} and {@code after} are
     * the record's fields as plain maps (null when the record did not exist before, or no longer exists after); they
     * are stored as JSON and shown side by side on the audit log page. Never put a password, token or secret in them.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public AdminChange record(String action, Subject subject, Map<String, ?> before, Map<String, ?> after) {
        AdminChange change = new AdminChange();
        change.changedAt = clock.now();
        // outside a request (the first-admin bootstrap at startup) nobody is signed in: the system made the change
        if (Arc.container().requestContext().isActive() && currentUser.isSignedIn()) {
            change.actorId = currentUser.user().id;
            change.actorName = currentUser.user().displayName;
        } else {
            change.actorName = "system";
        }
        change.action = action;
        change.recordType = subject.recordType();
        change.recordId = subject.recordId();
        change.recordLabel = truncate(subject.recordLabel(), 200);
        change.partnershipIds = subject.partnerships() == null || subject.partnerships().isEmpty() ? null
                : subject.partnerships().stream().map(p -> "," + p.id + ",").distinct()
                        .collect(Collectors.joining()).replace(",,", ",");
        change.beforeJson = json(before);
        change.afterJson = json(after);
        change.persist();
        return change;
    }

    /** The fields of a record for {@link #record}: key, value, key, value... (values may be null). */
    public static Map<String, Object> fields(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("fields come in key, value pairs");
        }
        Map<String, Object> fields = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            fields.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return fields;
    }

    private static String json(Map<String, ?> fields) {
        if (fields == null) {
            return null;
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(new java.util.TreeMap<>(fields));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit fields must be plain values: " + e.getMessage(), e);
        }
    }

    private static String truncate(String text, int max) {
        String value = text == null ? "" : text;
        return value.length() <= max ? value : value.substring(0, max);
    }
}
