package org.s11portal.agencyadmin;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.s11portal.account.AccessScope;
import org.s11portal.account.CurrentUser;
import org.s11portal.account.Roles;
import org.s11portal.agency.Agency;
import org.s11portal.agency.Area;
import org.s11portal.agency.Partnership;
import org.s11portal.agency.Sector;
import org.s11portal.audit.AdminLog;
import org.s11portal.common.config.PortalClock;
import org.s11portal.common.web.FormErrors;
import org.s11portal.common.web.InputProblem;
import org.s11portal.common.web.Paging;
import org.s11portal.common.web.Violations;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Partnership admins' agencies: the list, an agency's page, creating, editing (with lost-update detection),
 * archiving, restoring and deleting. Scope comes from {@link AccessScope} (404 outside it); every change is recorded
 * with {@link AdminLog} in its own transaction.
 */
@ApplicationScoped
public class AgencyAdminService {

    public static final int PAGE_SIZE = 50;
    static final int MAX_REASON = 500;

    /** Tables whose rows about an agency are not its history: its areas, and the sessions that worked for it. */
    private static final Set<String> NOT_HISTORY = Set.of("agency_area", "user_session");

    /** What a table referencing an agency holds, in words. */
    private static final Map<String, String> HISTORY_WORDS = Map.of(
            "assessment", "self-assessments",
            "user_agency", "user accounts",
            "survey_link", "staff survey links",
            "survey_response", "staff survey answers",
            "deadline_extension", "deadline extensions",
            "outbox_message", "emails");

    @Inject
    AccessScope scope;

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

    /** A choice for radios and selects. */
    public record Option(String value, String label) {
    }

    /** One active agency lead, by name. */
    public record Lead(Long agencyId, String name, String email) {
    }

    /** A row of the list: the agency and its active leads. */
    public record Row(Agency agency, List<Lead> leads) {
    }

    /** The list's filters as asked: status active (the default), archived or all; a sector's code or none. */
    public record Filter(String status, String sector) {

        static Filter of(String status, String sector) {
            String s = "archived".equals(status) || "all".equals(status) ? status : "active";
            String sec = sector != null && Arrays.stream(Sector.values()).anyMatch(x -> x.name().equals(sector)) ? sector : "";
            return new Filter(s, sec);
        }

        /** "/admin/agencies?status=active&sector=POLICE&page=": the address of another page with these filters. */
        public String pageAddress() {
            return "/admin/agencies?status=" + status + (sector.isEmpty() ? "" : "&sector=" + sector) + "&page=";
        }
    }

    public record ListPage(List<Row> rows, Filter filter, List<Option> sectors, Paging paging) {
    }

    /** An agency's page: its leads, and what history it has (none: it may be deleted). */
    public record AgencyView(Agency agency, List<Lead> leads, List<String> history) {

        public boolean deletable() {
            return history.isEmpty();
        }

        public String path() {
            return "/admin/agencies/" + agency.id;
        }
    }

    /** The create or edit form: the agency (null when new), what was typed, the errors and the choices. */
    public record FormPage(Agency agency, AgencyForm form, FormErrors errors, List<Option> sectors, List<Option> areas,
            Partnership ownArea) {

        public String action() {
            return agency == null ? "/admin/agencies/new" : "/admin/agencies/" + agency.id + "/edit";
        }
    }

    /** Both versions of an agency side by side, and what to post to save "mine" over "theirs". */
    public record Conflict(Agency agency, List<ConflictRow> rows, AgencyForm yours) {

        public String path() {
            return "/admin/agencies/" + agency.id;
        }
    }

    public record ConflictRow(String label, String theirs, String yours) {
    }

    /** The outcome of a create or an edit. */
    public sealed interface Save permits Saved, Invalid, Conflicted {
    }

    public record Saved(long id) implements Save {
    }

    public record Invalid(FormPage page) implements Save {
    }

    public record Conflicted(Conflict conflict) implements Save {
    }

    @Transactional
    public ListPage list(String status, String sector, int requested) {
        Filter filter = Filter.of(status, sector);
        Partnership own = ownArea();
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (own != null) {
            where.append(" and :own member of a.areas");
            parameters.put("own", own);
        }
        if ("active".equals(filter.status())) {
            where.append(" and a.archivedAt is null");
        } else if ("archived".equals(filter.status())) {
            where.append(" and a.archivedAt is not null");
        }
        if (!filter.sector().isEmpty()) {
            where.append(" and a.sector = :sector");
            parameters.put("sector", Sector.valueOf(filter.sector()));
        }
        var count = entityManager.createQuery("select count(a) from Agency a" + where, Long.class);
        parameters.forEach(count::setParameter);
        long total = count.getSingleResult();
        Paging paging = Paging.of(total, requested, PAGE_SIZE);
        var idQuery = entityManager.createQuery("select a.id from Agency a" + where + " order by a.name, a.id", Long.class);
        parameters.forEach(idQuery::setParameter);
        List<Long> ids = idQuery.setFirstResult(paging.offset()).setMaxResults(PAGE_SIZE).getResultList();
        List<Row> rows = new ArrayList<>();
        if (!ids.isEmpty()) {
            // each with its areas in one statement, and every lead of the page in another
            List<Agency> agencies = entityManager.createQuery("select distinct a from Agency a left join fetch a.areas"
                    + " where a.id in :ids order by a.name, a.id", Agency.class).setParameter("ids", ids).getResultList();
            Map<Long, List<Lead>> leads = leadsOf(ids);
            agencies.forEach(a -> rows.add(new Row(a, leads.getOrDefault(a.id, List.of()))));
        }
        return new ListPage(rows, filter, sectorOptions(), paging);
    }

    @Transactional
    public AgencyView view(long id) {
        Agency agency = scope.agency(id);
        return new AgencyView(agency, leadsOf(List.of(agency.id)).getOrDefault(agency.id, List.of()), history(agency));
    }

    @Transactional
    public FormPage newForm() {
        return formPage(null, AgencyForm.blank(ownArea()), FormErrors.none());
    }

    @Transactional
    public FormPage editForm(long id) {
        Agency agency = scope.agency(id);
        return formPage(agency, AgencyForm.of(agency), FormErrors.none());
    }

    @Transactional
    public Save create(AgencyForm form) {
        Partnership own = ownArea();
        AgencyRules.Checked checked = rules.check(form.fields(), own,
                name -> Agency.count("lower(name) = ?1", name.toLowerCase(Locale.ROOT)) > 0);
        if (!checked.valid()) {
            return new Invalid(formPage(null, form, errors(checked.problems())));
        }
        Agency agency = new Agency();
        apply(agency, checked.values());
        agency.persist();
        adminLog.record("Created agency", subject(agency, Set.of()), null, fields(agency));
        entityManager.flush();
        return new Saved(agency.id);
    }

    @Transactional
    public Save update(long id, AgencyForm form) {
        Agency agency = scope.agency(id);
        if (form.version == null || form.version != agency.version) {
            return new Conflicted(conflict(agency, form));
        }
        AgencyRules.Checked checked = rules.check(form.fields(), ownArea(),
                name -> Agency.count("lower(name) = ?1 and id <> ?2", name.toLowerCase(Locale.ROOT), agency.id) > 0);
        if (!checked.valid()) {
            return new Invalid(formPage(agency, form, errors(checked.problems())));
        }
        Map<String, Object> before = fields(agency);
        Set<Partnership> areasBefore = new LinkedHashSet<>(agency.areas);
        apply(agency, checked.values());
        adminLog.record("Changed agency", subject(agency, areasBefore), before, fields(agency));
        entityManager.flush();
        return new Saved(agency.id);
    }

    /** Archives the agency (reason optional, at most 500 characters); an archived one stays as it is. */
    @Transactional
    public FormErrors archive(long id, String reason) {
        Agency agency = scope.agency(id);
        String why = AgencyFields.clean(reason);
        if (why != null && why.length() > MAX_REASON) {
            return FormErrors.none().add("reason", "Reason must be " + MAX_REASON + " characters or fewer");
        }
        if (!agency.isArchived()) {
            Map<String, Object> before = fields(agency);
            agency.archivedAt = clock.now();
            Map<String, Object> after = fields(agency);
            after.put("reason", why);
            adminLog.record("Archived agency", subject(agency, Set.of()), before, after);
        }
        return FormErrors.none();
    }

    @Transactional
    public void restore(long id) {
        Agency agency = scope.agency(id);
        if (agency.isArchived()) {
            Map<String, Object> before = fields(agency);
            agency.archivedAt = null;
            adminLog.record("Restored agency", subject(agency, Set.of()), before, fields(agency));
        }
    }

    /** Deletes an agency with no history; one with history is refused (false) and stays. */
    @Transactional
    public boolean delete(long id) {
        Agency agency = scope.agency(id);
        if (!history(agency).isEmpty()) {
            return false;
        }
        adminLog.record("Deleted agency", subject(agency, Set.of()), fields(agency), null);
        agency.delete();
        entityManager.flush();
        return true;
    }

    /** The agency's fields as the audit log keeps them. */
    static Map<String, Object> fields(Agency agency) {
        return AdminLog.fields("name", agency.name, "sector", agency.sector.label,
                "areas", agency.areasInOrder().stream().map(Partnership::areaName).toList(),
                "headcount", agency.headcount, "seniorLeadName", agency.seniorLeadName,
                "seniorLeadEmail", agency.seniorLeadEmail, "archived", agency.isArchived());
    }

    /** The agency's areas now and before (an edit may move it): their admins may read the entry. */
    static AdminLog.Subject subject(Agency agency, Set<Partnership> areasBefore) {
        Set<Partnership> areas = new LinkedHashSet<>(areasBefore);
        areas.addAll(agency.areas);
        return new AdminLog.Subject("Agency", agency.id, agency.name, areas);
    }

    /** What the agency has that makes it history (one word per kind); empty when it may be deleted. */
    List<String> history(Agency agency) {
        @SuppressWarnings("unchecked")
        List<Object[]> references = entityManager.createNativeQuery("select table_name, column_name"
                + " from information_schema.key_column_usage where referenced_table_schema = database()"
                + " and referenced_table_name = 'agency' order by table_name").getResultList();
        List<String> selects = new ArrayList<>();
        List<String> tables = new ArrayList<>();
        for (Object[] reference : references) {
            String table = reference[0].toString().toLowerCase(Locale.ROOT);
            if (NOT_HISTORY.contains(table) || tables.contains(table)) {
                continue;
            }
            tables.add(table);
            selects.add("select '" + table + "' from dual where exists (select 1 from `" + table + "` where `"
                    + reference[1] + "` = :id)");
        }
        if (selects.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Object> found = entityManager.createNativeQuery(String.join(" union all ", selects))
                .setParameter("id", agency.id).getResultList();
        return found.stream().map(t -> HISTORY_WORDS.getOrDefault(t.toString(), t.toString().replace('_', ' '))).toList();
    }

    /** The active agency leads of the agencies, by agency, in name order: one statement. */
    Map<Long, List<Lead>> leadsOf(List<Long> agencyIds) {
        Map<Long, List<Lead>> leads = new LinkedHashMap<>();
        entityManager.createQuery("select new org.s11portal.agencyadmin.AgencyAdminService$Lead(a.id,"
                + " u.displayName, u.email) from User u join u.agencies a where u.role = :role and u.active = true"
                + " and a.id in :ids order by u.displayName, u.id", Lead.class)
                .setParameter("role", Roles.AGENCY_LEAD).setParameter("ids", agencyIds).getResultList()
                .forEach(l -> leads.computeIfAbsent(l.agencyId(), k -> new ArrayList<>()).add(l));
        return leads;
    }

    /** The partnership admin's own partnership, or null for the HIPS admin. */
    Partnership ownArea() {
        return currentUser.user().partnership;
    }

    static List<Option> sectorOptions() {
        return Arrays.stream(Sector.values()).map(s -> new Option(s.name(), s.label)).toList();
    }

    static List<Option> areaOptions() {
        return Arrays.stream(Area.values()).map(a -> new Option(a.name(), a.label)).toList();
    }

    private FormPage formPage(Agency agency, AgencyForm form, FormErrors errors) {
        return new FormPage(agency, form, errors, sectorOptions(), areaOptions(), ownArea());
    }

    private static FormErrors errors(List<InputProblem> problems) {
        return Violations.page(AgencyForm.class, problems);
    }

    private static void apply(Agency agency, AgencyRules.AgencyValues values) {
        agency.name = values.name();
        agency.sector = values.sector();
        agency.headcount = values.headcount();
        agency.seniorLeadName = values.seniorLeadName();
        agency.seniorLeadEmail = values.seniorLeadEmail();
        agency.areas.removeIf(p -> !values.areas().contains(p.code));
        values.areas().stream().filter(a -> agency.areas.stream().noneMatch(p -> p.code == a))
                .forEach(a -> agency.areas.add(Partnership.of(a)));
    }

    private Conflict conflict(Agency agency, AgencyForm yours) {
        AgencyForm theirs = AgencyForm.of(agency);
        if (yours.areas == null) {
            yours.areas = new ArrayList<>();
        }
        List<ConflictRow> rows = List.of(
                new ConflictRow("Name", theirs.name, yours.name),
                new ConflictRow("Sector", sectorLabel(theirs.sector), sectorLabel(yours.sector)),
                new ConflictRow("Areas", areaLabels(theirs.areas), areaLabels(yours.areas)),
                new ConflictRow("Headcount", theirs.headcount, yours.headcount),
                new ConflictRow("Senior lead's name", theirs.seniorLeadName, yours.seniorLeadName),
                new ConflictRow("Senior lead's email address", theirs.seniorLeadEmail, yours.seniorLeadEmail));
        yours.version = agency.version;
        return new Conflict(agency, rows, yours);
    }

    private static String sectorLabel(String code) {
        Sector sector = AgencyRules.sector(code);
        return sector == null ? code : sector.label;
    }

    private static String areaLabels(List<String> codes) {
        return codes == null ? "" : codes.stream().map(c -> {
            Area area = AgencyRules.area(c);
            return area == null ? c : area.label;
        }).reduce((a, b) -> a + ", " + b).orElse("");
    }
}
