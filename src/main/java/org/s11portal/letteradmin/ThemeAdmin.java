package org.s11portal.letteradmin;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.s11portal.account.CurrentUser;
import org.s11portal.audit.AdminLog;
import org.s11portal.common.web.FormErrors;
import org.s11portal.panel.Theme;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

/**
 * The themes list moderators tag a panel's findings with: HIPS-wide, so every admin reads it and only the HIPS admin
 * changes it (anyone else 404). A theme is never deleted: retiring one stops it being offered for new findings, and
 * it stays on the findings that have it (and so in their letters). Names are unique (ignoring case) and short.
 */
@ApplicationScoped
public class ThemeAdmin {

    public static final int MAX_NAME = 100;
    static final String NAME = "name";

    @Inject
    CurrentUser currentUser;

    @Inject
    AdminLog adminLog;

    /** A theme as the list shows it, with how many findings note it. */
    public record ThemeRow(Theme theme, long inUse, boolean first, boolean last) {
        public String path() {
            return "/admin/themes/" + theme.id;
        }

        /** Retire an active theme, restore a retired one. */
        public String toggleAction() {
            return path() + (theme.active ? "/retire" : "/restore");
        }
    }

    /** The list page: every theme in order, whether this admin may change them, and the add form's state. */
    public record ListPage(List<ThemeRow> themes, boolean mayChange, String name, FormErrors errors) {
    }

    /** The rename form. */
    public record RenamePage(Theme theme, String name, FormErrors errors) {
        public String action() {
            return "/admin/themes/" + theme.id + "/rename";
        }
    }

    /** Saved, or the form again with the problem (400). */
    public record Outcome(Theme saved, ListPage listPage, RenamePage renamePage) {
        public boolean ok() {
            return saved != null;
        }
    }

    /** Every theme, active or retired, in the order moderators see them, with counts in one statement. */
    @Transactional
    public ListPage list() {
        return listPage(null, FormErrors.none());
    }

    @Transactional
    public Outcome add(String typedName) {
        requireHipsAdmin();
        String name = clean(typedName);
        FormErrors errors = check(name, null);
        if (errors.any()) {
            return new Outcome(null, listPage(typedName, errors), null);
        }
        Theme theme = new Theme();
        theme.name = name;
        Integer last = Theme.getEntityManager().createQuery("select max(t.position) from Theme t", Integer.class).getSingleResult();
        theme.position = last == null ? 1 : last + 1;
        theme.active = true;
        theme.persist();
        adminLog.record("Theme added", subject(theme), null, fields(theme));
        return new Outcome(theme, null, null);
    }

    @Transactional
    public RenamePage renameForm(long id) {
        requireHipsAdmin();
        Theme theme = theme(id);
        return new RenamePage(theme, theme.name, FormErrors.none());
    }

    @Transactional
    public Outcome rename(long id, String typedName) {
        requireHipsAdmin();
        Theme theme = theme(id);
        String name = clean(typedName);
        FormErrors errors = check(name, theme);
        if (errors.any()) {
            return new Outcome(null, null, new RenamePage(theme, typedName, errors));
        }
        Map<String, Object> before = fields(theme);
        theme.name = name;
        adminLog.record("Theme renamed", subject(theme), before, fields(theme));
        return new Outcome(theme, null, null);
    }

    /** Retires (false) or restores (true) a theme; doing what is already done changes and records nothing. */
    @Transactional
    public Theme setActive(long id, boolean active) {
        requireHipsAdmin();
        Theme theme = theme(id);
        if (theme.active != active) {
            Map<String, Object> before = fields(theme);
            theme.active = active;
            adminLog.record(active ? "Theme restored" : "Theme retired", subject(theme), before, fields(theme));
        }
        return theme;
    }

    /** Moves a theme one place up (-1) or down (+1) the list, swapping with its neighbour. */
    @Transactional
    public Theme move(long id, int direction) {
        requireHipsAdmin();
        Theme theme = theme(id);
        List<Theme> all = Theme.list("order by position, id");
        int index = all.indexOf(theme);
        int other = index + Integer.signum(direction);
        if (other < 0 || other >= all.size()) {
            return theme;
        }
        // positions renumbered 1..n in the new order, so equal or missing positions cannot stop a move
        all.set(index, all.get(other));
        all.set(other, theme);
        Map<String, Object> before = fields(theme);
        for (int i = 0; i < all.size(); i++) {
            all.get(i).position = i + 1;
        }
        adminLog.record("Theme moved", subject(theme), before, fields(theme));
        return theme;
    }

    boolean mayChange() {
        return currentUser.user().partnership == null;
    }

    private void requireHipsAdmin() {
        if (!mayChange()) {
            throw new NotFoundException();
        }
    }

    private ListPage listPage(String name, FormErrors errors) {
        List<Theme> themes = Theme.list("order by position, id");
        Map<Long, Long> uses = new HashMap<>();
        Theme.getEntityManager().createQuery("select t.id, count(f) from StandardFinding f join f.themes t group by t.id", Object[].class)
                .getResultList().forEach(row -> uses.put((Long) row[0], (Long) row[1]));
        List<ThemeRow> rows = new java.util.ArrayList<>();
        for (int i = 0; i < themes.size(); i++) {
            rows.add(new ThemeRow(themes.get(i), uses.getOrDefault(themes.get(i).id, 0L), i == 0, i == themes.size() - 1));
        }
        return new ListPage(rows, mayChange(), name, errors);
    }

    private static Theme theme(long id) {
        Theme theme = Theme.findById(id);
        if (theme == null) {
            throw new NotFoundException();
        }
        return theme;
    }

    private static FormErrors check(String name, Theme renaming) {
        FormErrors errors = FormErrors.none();
        if (name.isEmpty()) {
            errors.add(NAME, "Enter the theme's name");
        } else if (name.length() > MAX_NAME) {
            errors.add(NAME, "The theme's name must be " + MAX_NAME + " characters or fewer");
        } else {
            Theme same = Theme.find("lower(name) = ?1", name.toLowerCase(Locale.UK)).firstResult();
            if (same != null && (renaming == null || !same.id.equals(renaming.id))) {
                errors.add(NAME, "There is already a theme called \u201c" + same.name + "\u201d" + (same.active ? "" : " (retired: restore it instead)"));
            }
        }
        return errors;
    }

    /** The name as typed, trimmed, with runs of spaces made one. */
    private static String clean(String name) {
        return name == null ? "" : name.strip().replaceAll("\\s+", " ");
    }

    private static AdminLog.Subject subject(Theme theme) {
        return AdminLog.Subject.hipsWide("Theme", theme.id, theme.name);
    }

    private static Map<String, Object> fields(Theme theme) {
        return AdminLog.fields("name", theme.name, "active", theme.active, "position", theme.position);
    }
}
