package org.s11portal.agencyadmin;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.hibernate.query.NativeQuery;
import org.s11portal.account.CurrentUser;
import org.s11portal.agency.Area;
import org.s11portal.agency.Partnership;
import org.s11portal.audit.AdminLog;
import org.s11portal.common.config.PortalClock;
import org.s11portal.common.web.InputProblem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

/**
 * Bulk import of agencies: the file is read once on upload and its rows kept server-side ({@link AgencyImport}, an
 * hour, its uploader's only); the preview checks every row with {@link AgencyRules}; confirming checks them all again
 * and inserts them all in one transaction, or none. Existing names are read once per check, and the rows are written
 * with a few multi-row statements, however many there are.
 */
@ApplicationScoped
public class AgencyImportService {

    static final Duration KEPT_FOR = Duration.ofHours(1);
    private static final int CHUNK = 500;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<ImportFile.ImportRow>> ROWS = new TypeReference<>() {
    };

    @Inject
    CurrentUser currentUser;

    @Inject
    AgencyRules rules;

    @Inject
    AdminLog adminLog;

    @Inject
    PortalClock clock;

    @Inject
    EntityManager entityManager;

    /** One row of the preview: what the file says, and what is wrong with it (nothing: it is ready). */
    public record RowCheck(ImportFile.ImportRow row, AgencyRules.AgencyValues values, List<String> problems) {

        public boolean valid() {
            return problems.isEmpty();
        }
    }

    /** The "check your answers" page of an import. */
    public record Preview(AgencyImport upload, List<RowCheck> rows, int problems, boolean takenMeanwhile) {

        public long rowsWithProblems() {
            return rows.stream().filter(r -> !r.valid()).count();
        }

        public boolean ready() {
            return problems == 0;
        }

        public String path() {
            return "/admin/agencies/import/" + upload.id;
        }
    }

    /** The outcome of an upload: the import to preview, or why the file was refused. */
    public record Upload(Long importId, String refusal) {
    }

    /** The outcome of a confirmation: how many were imported, or the preview again (nothing imported). */
    public record Confirmation(int imported, Preview preview) {
    }

    @Transactional
    public Upload upload(String fileName, byte[] bytes) {
        ImportFile.Read read = ImportFile.read(fileName, bytes);
        if (read.refusal() != null) {
            return new Upload(null, read.refusal());
        }
        AgencyImport.delete("expiresAt < ?1", clock.now());
        AgencyImport upload = new AgencyImport();
        upload.ownerId = currentUser.user().id;
        upload.fileName = safeName(fileName);
        upload.rowCount = read.rows().size();
        try {
            upload.rowsJson = JSON.writeValueAsString(read.rows());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("import rows are plain text", e);
        }
        upload.createdAt = clock.now();
        upload.expiresAt = upload.createdAt.plus(KEPT_FOR);
        upload.persist();
        return new Upload(upload.id, null);
    }

    @Transactional
    public Preview preview(long id) {
        return check(owned(id), false);
    }

    /** The preview with every row checked again, after a confirmation lost a race for a name. */
    @Transactional
    public Preview previewAfterRace(long id) {
        return check(owned(id), true);
    }

    /** Imports every row, in this transaction, when every row is valid now; otherwise nothing. */
    @Transactional
    public Confirmation confirm(long id) {
        AgencyImport upload = owned(id);
        Preview preview = check(upload, false);
        if (!preview.ready()) {
            return new Confirmation(0, preview);
        }
        List<AgencyRules.AgencyValues> values = preview.rows().stream().map(RowCheck::values).toList();
        insert(values);
        Set<Partnership> partnerships = new LinkedHashSet<>();
        Map<Area, Partnership> byArea = partnerships();
        values.forEach(v -> v.areas().forEach(a -> partnerships.add(byArea.get(a))));
        List<String> names = values.stream().map(AgencyRules.AgencyValues::name).toList();
        adminLog.record("Imported agencies", new AdminLog.Subject("Agency", null,
                "Import of " + names.size() + (names.size() == 1 ? " agency" : " agencies") + " from " + upload.fileName,
                partnerships), null, AdminLog.fields("count", names.size(), "file", upload.fileName, "names", names));
        upload.delete();
        entityManager.flush();
        return new Confirmation(names.size(), null);
    }

    /** The import, when it is the current admin's and has not expired; otherwise 404. */
    private AgencyImport owned(long id) {
        AgencyImport upload = AgencyImport.findById(id);
        if (upload == null || !upload.ownerId.equals(currentUser.user().id) || !upload.expiresAt.isAfter(clock.now())) {
            throw new NotFoundException();
        }
        return upload;
    }

    /** Every row checked, with the existing names read once. */
    private Preview check(AgencyImport upload, boolean takenMeanwhile) {
        List<ImportFile.ImportRow> rows;
        try {
            rows = JSON.readValue(upload.rowsJson, ROWS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored import rows are unreadable", e);
        }
        Set<String> existing = new HashSet<>(entityManager
                .createQuery("select lower(a.name) from Agency a", String.class).getResultList());
        Map<String, Integer> firstLine = new HashMap<>();
        Partnership own = currentUser.user().partnership;
        List<RowCheck> checks = new ArrayList<>();
        int problems = 0;
        for (ImportFile.ImportRow row : rows) {
            AgencyRules.Checked checked = rules.check(row.fields(), own,
                    name -> existing.contains(name.toLowerCase(Locale.ROOT)));
            List<String> messages = new ArrayList<>(checked.problems().stream().map(InputProblem::message).distinct().toList());
            if (row.name() != null) {
                Integer earlier = firstLine.putIfAbsent(row.name().toLowerCase(Locale.ROOT), row.line());
                if (earlier != null) {
                    messages.add(0, "\u201c" + row.name() + "\u201d is also on row " + earlier + ": each agency must"
                            + " appear once");
                }
            }
            problems += messages.size();
            checks.add(new RowCheck(row, messages.isEmpty() ? checked.values() : null, List.copyOf(messages)));
        }
        return new Preview(upload, checks, problems, takenMeanwhile);
    }

    /** The agencies and their areas, in a few multi-row statements per 500 agencies. */
    private void insert(List<AgencyRules.AgencyValues> values) {
        LocalDateTime now = LocalDateTime.ofInstant(clock.now(), ZoneOffset.UTC);
        Map<Area, Partnership> byArea = partnerships();
        for (int from = 0; from < values.size(); from += CHUNK) {
            List<AgencyRules.AgencyValues> chunk = values.subList(from, Math.min(values.size(), from + CHUNK));
            StringBuilder sql = new StringBuilder("insert into agency (name, sector, headcount, senior_lead_name,"
                    + " senior_lead_email, created_at, updated_at, version) values ");
            for (int i = 0; i < chunk.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, 0)");
            }
            NativeQuery<?> insert = entityManager.createNativeQuery(sql.toString()).unwrap(NativeQuery.class);
            int p = 1;
            for (AgencyRules.AgencyValues v : chunk) {
                insert.setParameter(p++, v.name(), String.class);
                insert.setParameter(p++, v.sector().name(), String.class);
                insert.setParameter(p++, v.headcount(), Integer.class);
                insert.setParameter(p++, v.seniorLeadName(), String.class);
                insert.setParameter(p++, v.seniorLeadEmail(), String.class);
                insert.setParameter(p++, now, LocalDateTime.class);
                insert.setParameter(p++, now, LocalDateTime.class);
            }
            insert.executeUpdate();

            Map<String, Long> ids = new HashMap<>();
            entityManager.createQuery("select a.id, a.name from Agency a where a.name in :names", Object[].class)
                    .setParameter("names", chunk.stream().map(AgencyRules.AgencyValues::name).toList()).getResultList()
                    .forEach(r -> ids.put(((String) r[1]).toLowerCase(Locale.ROOT), (Long) r[0]));
            List<Object[]> links = new ArrayList<>();
            for (AgencyRules.AgencyValues v : chunk) {
                Long agencyId = ids.get(v.name().toLowerCase(Locale.ROOT));
                v.areas().forEach(a -> links.add(new Object[] { agencyId, byArea.get(a).id }));
            }
            StringBuilder areas = new StringBuilder("insert into agency_area (agency_id, partnership_id) values ");
            for (int i = 0; i < links.size(); i++) {
                areas.append(i == 0 ? "" : ", ").append("(?, ?)");
            }
            var link = entityManager.createNativeQuery(areas.toString());
            p = 1;
            for (Object[] l : links) {
                link.setParameter(p++, l[0]);
                link.setParameter(p++, l[1]);
            }
            link.executeUpdate();
        }
    }

    private static Map<Area, Partnership> partnerships() {
        Map<Area, Partnership> byArea = new EnumMap<>(Area.class);
        Partnership.<Partnership>listAll().forEach(p -> byArea.put(p.code, p));
        return byArea;
    }

    private static String safeName(String fileName) {
        String name = fileName == null || fileName.isBlank() ? "file" : fileName.strip();
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        return name.length() <= 200 ? name : name.substring(0, 200);
    }
}
