package org.s11portal.letteradmin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.s11portal.account.CurrentUser;
import org.s11portal.account.User;
import org.s11portal.agency.Area;
import org.s11portal.agency.Partnership;
import org.s11portal.audit.AdminLog;
import org.s11portal.common.config.PortalClock;
import org.s11portal.common.web.Paging;
import org.s11portal.letter.LetterContent;
import org.s11portal.letter.LetterKind;
import org.s11portal.letter.LetterTemplate;
import org.s11portal.letter.LetterTemplates;
import org.s11portal.panel.AgendaItem;
import org.s11portal.panel.PanelLetters;

import io.quarkus.qute.TemplateException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

/**
 * The letter templates an admin looks after: the joint one (every admin reads it; only the HIPS admin changes it)
 * and each partnership's local one (its own partnership's admins and the HIPS admin). A save is always a new version
 * ({@link LetterTemplate} rows are never changed), so letters already made keep the version they were made from. The
 * editor previews unsaved text on a real agency's panel record, exactly as {@link PanelLetters} would make its letter.
 * Everything out of scope is 404.
 */
@ApplicationScoped
public class LetterTemplateAdmin {

    /** The longest template source accepted (the seeded ones are about 8,000 characters). */
    public static final int MAX_SOURCE = 100_000;
    /** Versions to a page. */
    static final int PAGE_SIZE = 50;
    /** How many recent panel records the preview offers. */
    static final int PREVIEW_CHOICES = 50;

    @Inject
    CurrentUser currentUser;

    @Inject
    LetterTemplates templates;

    @Inject
    PanelLetters panelLetters;

    @Inject
    AdminLog adminLog;

    @Inject
    PortalClock clock;

    /** One template (all its versions share the scope key) as the list shows it. */
    public record TemplateRow(String scopeKey, String name, LetterTemplate current, boolean editable) {
        public String path() {
            return "/admin/letter-templates/" + scopeKey;
        }
    }

    /** A template's page: its current version and the older ones, newest first, {@value #PAGE_SIZE} to a page. */
    public record TemplatePage(TemplateRow template, List<LetterTemplate> versions, Paging paging) {
        public String pageParameter() {
            return template.path() + "?page=";
        }
    }

    /** One version, read-only. */
    public record VersionPage(TemplateRow template, LetterTemplate version) {
    }

    /** An agency's panel record the preview can use. */
    public record PreviewChoice(long itemId, String label) {
    }

    /** One line of the error summary. */
    public record ProblemLink(String href, String message) {
    }

    /** A field of the letter and, for a list of records, the fields of each item. */
    public record FieldHelp(String name, List<String> itemFields) {
    }

    /**
     * The editor: the text being edited (typed or the current version's), the version it was opened on, its
     * problems, the records it may be previewed on, the rendered preview (a whole document for a sandboxed frame),
     * and, after a refused save, the newer version someone else saved.
     */
    public record EditPage(TemplateRow template, String source, int basedOn, List<String> problems, List<PreviewChoice> choices,
            Long chosen, String previewDocument, LetterTemplate newer) {

        public List<FieldHelp> fields() {
            return LetterTemplates.fieldHelp().entrySet().stream().map(e -> new FieldHelp(e.getKey(), e.getValue())).toList();
        }

        public List<String> sections() {
            return LetterTemplates.sections();
        }

        /** The version a save makes. */
        public int nextVersion() {
            return basedOn + 1;
        }

        /** The problems for the error summary, each linking to the text box. */
        public List<ProblemLink> problemLinks() {
            return problems.stream().map(p -> new ProblemLink("#source", p)).toList();
        }

        public String summaryTitle() {
            return conflict() ? "Someone else saved this template" : "There is a problem";
        }

        public boolean hasProblems() {
            return !problems.isEmpty();
        }

        public boolean previewed() {
            return previewDocument != null;
        }

        public boolean conflict() {
            return newer != null;
        }
    }

    /** What a save came to: saved (the new version), or the page again with why not (400 problems, 409 conflict). */
    public sealed interface SaveOutcome permits Saved, NotSaved {
    }

    public record Saved(LetterTemplate version) implements SaveOutcome {
    }

    public record NotSaved(int status, EditPage page) implements SaveOutcome {
    }

    // ---------------------------------------------------------------- reading

    /** The templates in the admin's scope: the joint one, then the local ones of their partnership (all four for HIPS). */
    @Transactional
    public List<TemplateRow> list() {
        List<TemplateRow> rows = new ArrayList<>();
        rows.add(row(LetterKind.JOINT.name()));
        for (Partnership partnership : Partnership.listInOrder()) {
            if (mayEdit(localKey(partnership.code))) {
                rows.add(row(localKey(partnership.code)));
            }
        }
        return rows;
    }

    @Transactional
    public TemplatePage page(String scopeKey, int page) {
        TemplateRow row = readable(scopeKey);
        Paging paging = Paging.of(row.current().version, page, PAGE_SIZE);
        List<LetterTemplate> versions = LetterTemplate.find("scopeKey = ?1 order by version desc", scopeKey)
                .page(io.quarkus.panache.common.Page.of(paging.index(), PAGE_SIZE)).list();
        return new TemplatePage(row, versions, paging);
    }

    @Transactional
    public VersionPage version(String scopeKey, int version) {
        TemplateRow row = readable(scopeKey);
        LetterTemplate found = LetterTemplate.find("scopeKey = ?1 and version = ?2", scopeKey, version).firstResult();
        if (found == null) {
            throw new NotFoundException();
        }
        return new VersionPage(row, found);
    }

    // ---------------------------------------------------------------- editing

    /** The editor opened on the current version, with no preview yet. */
    @Transactional
    public EditPage editForm(String scopeKey) {
        TemplateRow row = editable(scopeKey);
        List<PreviewChoice> choices = choices(scopeKey);
        return new EditPage(row, row.current().source, row.current().version, List.of(), choices,
                choices.isEmpty() ? null : choices.get(0).itemId(), null, null);
    }

    /**
     * The unsaved text rendered as the chosen agency's letter would be (nothing is stored), or its problems, each
     * with its line where it has one. The text typed is always kept.
     */
    @Transactional
    public EditPage preview(String scopeKey, String source, int basedOn, Long itemId) {
        TemplateRow row = editable(scopeKey);
        List<PreviewChoice> choices = choices(scopeKey);
        Long chosen = chosen(choices, itemId);
        String typed = normalise(source);
        List<String> problems = new ArrayList<>(problems(typed));
        String document = null;
        if (problems.isEmpty() && chosen != null) {
            try {
                document = previewDocument(typed, content(chosen));
            } catch (TemplateException e) {
                problems.add("The template cannot be shown with this agency's record: " + e.getMessage());
            }
        }
        return new EditPage(row, typed, basedOn, problems, choices, chosen, document, null);
    }

    /**
     * Stores the text as the template's next version, by the signed-in admin, and records the change. Refused with
     * its problems (400), or when someone saved a newer version since the editor was opened (409, both shown); the
     * text typed is kept either way and nothing is stored.
     */
    @Transactional
    public SaveOutcome save(String scopeKey, String source, int basedOn, Long itemId) {
        TemplateRow row = editable(scopeKey);
        String typed = normalise(source);
        // the newest version, locked: two saves of the same template take turns, and the second sees the first
        LetterTemplate current = LetterTemplate.find("scopeKey = ?1 order by version desc", scopeKey)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
        List<PreviewChoice> choices = choices(scopeKey);
        Long chosen = chosen(choices, itemId);
        if (current.version != basedOn) {
            List<String> conflict = List.of(current.createdBy + " saved version " + current.version
                    + " of this template after you opened it. Your text has not been saved: compare it with theirs,"
                    + " then save again to make yours version " + (current.version + 1));
            return new NotSaved(409, new EditPage(new TemplateRow(row.scopeKey(), row.name(), current, true), typed,
                    current.version, conflict, choices, chosen, null, current));
        }
        List<String> problems = problems(typed);
        if (problems.isEmpty() && typed.equals(current.source)) {
            problems = List.of("The text is the same as version " + current.version + ": change something before saving");
        }
        if (!problems.isEmpty()) {
            return new NotSaved(400, new EditPage(row, typed, basedOn, problems, choices, chosen, null, null));
        }
        User by = currentUser.user();
        LetterTemplate next = new LetterTemplate();
        next.scopeKey = current.scopeKey;
        next.kind = current.kind;
        next.partnership = current.partnership;
        next.version = current.version + 1;
        next.source = typed;
        next.createdAt = clock.now();
        next.createdBy = by.displayName;
        next.persist();
        adminLog.record("Letter template saved", subject(next), AdminLog.fields("version", current.version, "body", current.source),
                AdminLog.fields("version", next.version, "body", next.source));
        return new Saved(next);
    }

    // ---------------------------------------------------------------- scope

    /** Whether the signed-in admin may change this template: the HIPS admin any; a partnership admin their local one. */
    boolean mayEdit(String scopeKey) {
        User user = currentUser.user();
        return user.partnership == null || scopeKey.equals(localKey(user.partnership.code));
    }

    /** The template, when the admin may read it (the joint one, or a local one they may edit); otherwise 404. */
    private TemplateRow readable(String scopeKey) {
        if (!LetterKind.JOINT.name().equals(scopeKey) && !mayEdit(scopeKey)) {
            throw new NotFoundException();
        }
        return row(scopeKey);
    }

    private TemplateRow editable(String scopeKey) {
        TemplateRow row = readable(scopeKey);
        if (!row.editable()) {
            throw new NotFoundException();
        }
        return row;
    }

    private TemplateRow row(String scopeKey) {
        LetterTemplate current = LetterTemplate.current(scopeKey);
        if (current == null) {
            throw new NotFoundException();
        }
        return new TemplateRow(scopeKey, name(scopeKey), current, mayEdit(scopeKey));
    }

    static String localKey(Area area) {
        return LetterKind.LOCAL.name() + "-" + area.name();
    }

    /** "Joint letter" or "Local letter (Portsmouth)". */
    static String name(String scopeKey) {
        if (LetterKind.JOINT.name().equals(scopeKey)) {
            return "Joint letter";
        }
        return "Local letter (" + area(scopeKey).label + ")";
    }

    private static Area area(String scopeKey) {
        try {
            return Area.valueOf(scopeKey.substring(LetterKind.LOCAL.name().length() + 1));
        } catch (RuntimeException e) {
            throw new NotFoundException();
        }
    }

    private static AdminLog.Subject subject(LetterTemplate version) {
        if (version.kind == LetterKind.JOINT) {
            return AdminLog.Subject.hipsWide("LetterTemplate", version.id, "Joint letter");
        }
        return new AdminLog.Subject("LetterTemplate", version.id, name(version.scopeKey), List.of(version.partnership));
    }

    // ---------------------------------------------------------------- preview

    /**
     * The most recent panel records (an outcome recorded) of agencies whose letters use this template, newest panel
     * first, one per assessment: at most {@value #PREVIEW_CHOICES}, in one statement. Only an admin who may edit the
     * template gets here, and every such agency is in their scope: a local template's agencies work only in its
     * partnership's area (its admins' scope); the joint one is the HIPS admin's, whose scope is every agency.
     */
    private List<PreviewChoice> choices(String scopeKey) {
        String agencies = LetterKind.JOINT.name().equals(scopeKey) ? "size(g.areas) >= 2"
                : "size(g.areas) = 1 and :partnership member of g.areas";
        var query = AgendaItem.getEntityManager().createQuery("select i from AgendaItem i join fetch i.panel p"
                + " join fetch p.cycle join fetch i.assessment a join fetch a.agency g"
                + " where i.outcome is not null and " + agencies + " order by p.heldOn desc, i.id desc", AgendaItem.class)
                .setMaxResults(PREVIEW_CHOICES * 2);
        if (!LetterKind.JOINT.name().equals(scopeKey)) {
            query.setParameter("partnership", Partnership.of(area(scopeKey)));
        }
        Map<Long, PreviewChoice> byAssessment = new LinkedHashMap<>();
        for (AgendaItem item : query.getResultList()) {
            if (byAssessment.size() < PREVIEW_CHOICES && !byAssessment.containsKey(item.assessment.id)) {
                byAssessment.put(item.assessment.id, new PreviewChoice(item.id, item.assessment.agency.name + ": "
                        + item.panel.cycle.name + ", " + item.panel.title() + " on "
                        + org.s11portal.common.template.TemplateExtensions.format(item.panel.heldOn) + " (" + item.outcome.label + ")"));
            }
        }
        return List.copyOf(byAssessment.values());
    }

    /** The record chosen, when it is one of those offered; otherwise the most recent (or none). */
    private static Long chosen(List<PreviewChoice> choices, Long itemId) {
        if (itemId != null && choices.stream().anyMatch(c -> c.itemId() == itemId)) {
            return itemId;
        }
        return choices.isEmpty() ? null : choices.get(0).itemId();
    }

    /** The letter's fields from the panel's record, dated today: what the panel's "Make the letters" would put in it. */
    private LetterContent content(long itemId) {
        AgendaItem item = AgendaItem.findById(itemId);
        return panelLetters.contentFor(item.panel, item, clock.today());
    }

    /**
     * The preview as a whole document for a sandboxed frame: the letter's body (from the unsaved template, rendered as
     * a letter is) on the letter's own stylesheet. The frame runs nothing and reaches nothing of the page.
     */
    private String previewDocument(String source, LetterContent content) {
        return "<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>Letter preview</title>"
                + "<link rel=\"stylesheet\" href=\"/assets/letter/screen.css\">"
                + "<link rel=\"stylesheet\" href=\"/assets/letter/letter.css\"></head>"
                + "<body><div class=\"app-letter-sheet\">" + templates.renderUnsaved(source, content) + "</div></body></html>";
    }

    /** What is wrong with the text, each with its line where it has one; empty when it may be saved. */
    private List<String> problems(String source) {
        if (source.length() > MAX_SOURCE) {
            return List.of("The template must be " + MAX_SOURCE + " characters or fewer");
        }
        try {
            return templates.problems(source);
        } catch (TemplateException e) {
            return List.of("The template cannot be read: " + e.getMessage());
        }
    }

    private static String normalise(String source) {
        return source == null ? "" : source.replace("\r\n", "\n").replace('\r', '\n');
    }
}
