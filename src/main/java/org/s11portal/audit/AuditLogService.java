package org.s11portal.audit;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.s11portal.account.CurrentUser;
import org.s11portal.agency.Partnership;
import org.s11portal.common.config.PortalClock;
import org.s11portal.common.web.Paging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

/**
 * The audit log as an admin may read it: the HIPS admin reads every entry; a partnership admin reads the entries about
 * their partnership's agencies and users (those whose {@link AdminChange#partnershipIds} name it). Read-only: nothing
 * here or anywhere else in the portal changes an entry.
 */
@ApplicationScoped
public class AuditLogService {

    public static final int PAGE_SIZE = 50;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    CurrentUser currentUser;

    @Inject
    PortalClock clock;

    @Inject
    EntityManager entityManager;

    /** The filters as given on the page: each may be empty. Dates are UK calendar days, both ends included. */
    public record Filter(String recordType, String who, String record, LocalDate from, LocalDate to) {

        public static Filter none() {
            return new Filter(null, null, null, null, null);
        }

        /** The query string that keeps these filters on another page, URL-encoded. */
        public String query() {
            StringBuilder query = new StringBuilder();
            append(query, "type", recordType);
            append(query, "who", who);
            append(query, "record", record);
            if (from != null) {
                append(query, "from-day", String.valueOf(from.getDayOfMonth()));
                append(query, "from-month", String.valueOf(from.getMonthValue()));
                append(query, "from-year", String.valueOf(from.getYear()));
            }
            if (to != null) {
                append(query, "to-day", String.valueOf(to.getDayOfMonth()));
                append(query, "to-month", String.valueOf(to.getMonthValue()));
                append(query, "to-year", String.valueOf(to.getYear()));
            }
            return query.isEmpty() ? "" : query.substring(1);
        }

        private static void append(StringBuilder query, String name, String value) {
            if (value != null && !value.isBlank()) {
                query.append('&').append(name).append('=')
                        .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
            }
        }
    }

    /** One page of entries, newest first, and the record types there are to filter by. */
    public record LogPage(List<AdminChange> entries, Paging paging, List<String> recordTypes, Filter filter) {

        /** The address of another page with the same filters, up to its page number. */
        public String pageLink() {
            String query = filter.query();
            return "/admin/audit-log?" + (query.isEmpty() ? "" : query + "&") + "page=";
        }
    }

    /** One field of a record before and after a change; {@code changed} when the two differ. */
    public record FieldChange(String field, String before, String after, boolean changed) {
    }

    /** One entry with its fields side by side. */
    public record Entry(AdminChange change, List<FieldChange> fields) {
    }

    @Transactional
    public LogPage page(Filter filter, int requested) {
        Partnership scope = currentUser.user().partnership;
        StringBuilder where = new StringBuilder("from AdminChange c where 1 = 1");
        Parameters parameters = new Parameters();
        if (scope != null) {
            where.append(" and c.partnershipIds like :partnership");
            parameters.and("partnership", "%," + scope.id + ",%");
        }
        if (filter.recordType() != null && !filter.recordType().isBlank()) {
            where.append(" and c.recordType = :type");
            parameters.and("type", filter.recordType());
        }
        if (filter.who() != null && !filter.who().isBlank()) {
            where.append(" and lower(c.actorName) like :who");
            parameters.and("who", contains(filter.who()));
        }
        if (filter.record() != null && !filter.record().isBlank()) {
            where.append(" and lower(c.recordLabel) like :record");
            parameters.and("record", contains(filter.record()));
        }
        ZoneId zone = clock.clock().getZone();
        if (filter.from() != null) {
            where.append(" and c.changedAt >= :from");
            parameters.and("from", filter.from().atStartOfDay(zone).toInstant());
        }
        if (filter.to() != null) {
            where.append(" and c.changedAt < :to");
            parameters.and("to", filter.to().plusDays(1).atStartOfDay(zone).toInstant());
        }
        PanacheQuery<AdminChange> query = AdminChange.find(where + " order by c.changedAt desc, c.id desc", parameters);
        long total = query.count();
        Paging paging = Paging.of(total, requested, PAGE_SIZE);
        List<AdminChange> entries = query.page(Page.of(paging.index(), PAGE_SIZE)).list();
        var typesQuery = entityManager.createQuery("select distinct c.recordType from AdminChange c"
                + (scope == null ? "" : " where c.partnershipIds like :partnership") + " order by c.recordType",
                String.class);
        if (scope != null) {
            typesQuery.setParameter("partnership", "%," + scope.id + ",%");
        }
        List<String> types = typesQuery.getResultList();
        return new LogPage(entries, paging, types, filter);
    }

    /** One entry with its before and after fields, if the admin may read it; otherwise 404. */
    @Transactional
    public Entry entry(long id) {
        AdminChange change = AdminChange.findById(id);
        Partnership scope = currentUser.user().partnership;
        if (change == null || (scope != null
                && (change.partnershipIds == null || !change.partnershipIds.contains("," + scope.id + ",")))) {
            throw new NotFoundException();
        }
        return new Entry(change, fields(change.beforeJson, change.afterJson));
    }

    static List<FieldChange> fields(String beforeJson, String afterJson) {
        Map<String, String> before = flat(beforeJson);
        Map<String, String> after = flat(afterJson);
        Set<String> names = new LinkedHashSet<>(before.keySet());
        names.addAll(after.keySet());
        List<FieldChange> fields = new ArrayList<>();
        for (String name : names) {
            String was = before.get(name);
            String is = after.get(name);
            fields.add(new FieldChange(label(name), was, is, !java.util.Objects.equals(was, is)));
        }
        return fields;
    }

    private static Map<String, String> flat(String json) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (json == null || json.isBlank()) {
            return fields;
        }
        try {
            JsonNode node = JSON.readTree(json);
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                JsonNode value = field.getValue();
                fields.put(field.getKey(), value.isNull() ? null : value.isValueNode() ? value.asText() : value.toPrettyString());
            }
        } catch (JsonProcessingException e) {
            fields.put("(unreadable)", json);
        }
        return fields;
    }

    /** "seniorLeadName" reads "Senior lead name". */
    static String label(String field) {
        String words = field.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static String contains(String text) {
        String escaped = text.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }
}
