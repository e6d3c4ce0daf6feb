package org.s11portal.tooladmin;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.s11portal.account.CurrentUser;
import org.s11portal.audit.AdminLog;
import org.s11portal.common.config.PortalClock;
import org.s11portal.common.web.FormErrors;
import org.s11portal.common.web.InputProblem;
import org.s11portal.common.web.Paging;
import org.s11portal.common.web.Violations;
import org.s11portal.tool.Question;
import org.s11portal.tool.Standard;
import org.s11portal.tool.Tool;

import io.quarkus.panache.common.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import jakarta.ws.rs.NotFoundException;

/**
 * Tool versions: the one place for their rules. Every admin reads them; only the HIPS admin (no partnership) copies,
 * edits, imports, publishes, retires and deletes (404 for anyone else). Only a DRAFT changes; a published version
 * is frozen (here, and by the entities themselves). Question codes are stable: a new question takes the next free
 * number of its standard, and a code removed from a version is retired in it, never given again.
 */
@ApplicationScoped
public class ToolAdminService {

    static final int PAGE_SIZE = 50;
    static final String RECORD = "Tool";

    @Inject
    CurrentUser currentUser;

    @Inject
    AdminLog log;

    @Inject
    PortalClock clock;

    @Inject
    Validator validator;

    /** A change asked of a version that is not a draft: refused, nothing changed. */
    public static class NotADraft extends RuntimeException {
        public final transient Tool tool;

        NotADraft(Tool tool) {
            super("tool version " + tool.version + " is " + tool.status.name().toLowerCase());
            this.tool = tool;
        }
    }

    /** A draft changed by someone else since the page was shown. */
    public static class Conflict extends RuntimeException {
        Conflict() {
            super("the draft changed since the page was shown");
        }
    }

    public record ToolRow(Tool tool, long standards, long questions, List<String> cycles) {
    }

    public record ListPage(List<ToolRow> rows, boolean canChange, Tool latestPublished, Paging paging) {
    }

    public record StandardView(Standard standard, List<Question> questions) {
    }

    public record ToolPage(Tool tool, List<StandardView> standards, List<String> cycles, boolean canChange, boolean canRetire) {
        public String path() {
            return "/admin/tools/" + tool.id;
        }

        public String movePath(Standard standard) {
            return path() + "/standards/" + standard.id + "/move";
        }

        public String movePath(Question question) {
            return path() + "/questions/" + question.id + "/move";
        }

        public String publishPath() {
            return path() + "/publish";
        }

        public boolean draft() {
            return tool.status == Tool.Status.DRAFT;
        }

        public int questionCount() {
            return standards.stream().mapToInt(s -> s.questions().size()).sum();
        }

        public StandardView standard(String code) {
            return standards.stream().filter(s -> s.standard().code.equals(code)).findFirst()
                    .orElseThrow(NotFoundException::new);
        }

        public StandardView standardById(long id) {
            return standards.stream().filter(s -> s.standard().id == id).findFirst().orElseThrow(NotFoundException::new);
        }

        public Question question(long id) {
            return standards.stream().flatMap(s -> s.questions().stream()).filter(q -> q.id == id).findFirst()
                    .orElseThrow(NotFoundException::new);
        }

        public ToolFile file() {
            return ToolFile.of(tool, standards.stream().map(StandardView::standard).toList(),
                    standards.stream().map(StandardView::questions).toList());
        }
    }

    /** One standard as an agency would see it, with the neighbours to step to. */
    public record Preview(ToolPage page, StandardView standard, Standard previous, Standard next) {
    }

    public record CodeText(String code, String text) {
    }

    public record TextChange(String code, String before, String after) {
    }

    /** What a version changes compared with the latest published one (null when there is none). */
    public record Changes(Tool previous, List<CodeText> added, List<CodeText> removed, List<TextChange> changed) {
        public boolean none() {
            return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
        }
    }

    public record PublishCheck(ToolPage page, Changes changes, List<String> problems) {
    }

    public record ImportCheck(long importId, ToolFile file, int questions, Changes changes) {
        public String path() {
            return "/admin/tools/import/" + importId;
        }
    }

    /** The outcome of an upload: an import waiting for confirmation, or the problems with their places. */
    public record Upload(Long importId, List<String> problems) {
    }

    // ---- reading: every admin ----

    @Transactional
    public ListPage list(int requested) {
        long total = Tool.count();
        Paging paging = Paging.of(total, requested, PAGE_SIZE);
        List<Tool> tools = Tool.<Tool>find("order by createdAt desc, id desc").page(Page.of(paging.index(), PAGE_SIZE)).list();
        List<Long> ids = tools.stream().map(t -> t.id).toList();
        Map<Long, long[]> counts = new HashMap<>();
        if (!ids.isEmpty()) {
            List<Object[]> rows = Tool.getEntityManager().createQuery(
                    "select s.tool.id, count(distinct s.id), count(q.id) from Standard s left join s.questions q"
                            + " where s.tool.id in :ids group by s.tool.id", Object[].class)
                    .setParameter("ids", ids).getResultList();
            rows.forEach(r -> counts.put((Long) r[0], new long[] { (Long) r[1], (Long) r[2] }));
        }
        Map<Long, List<String>> cycles = Tool.cycleNamesUsing(ids);
        List<ToolRow> rows = tools.stream().map(t -> {
            long[] c = counts.getOrDefault(t.id, new long[2]);
            return new ToolRow(t, c[0], c[1], cycles.getOrDefault(t.id, List.of()));
        }).toList();
        return new ListPage(rows, isHipsAdmin(), latestPublished(), paging);
    }

    @Transactional
    public ToolPage page(long id) {
        return page(find(id));
    }

    @Transactional
    public Preview preview(long id, String code) {
        ToolPage page = page(id);
        StandardView standard = page.standard(code);
        int i = page.standards().indexOf(standard);
        return new Preview(page, standard, i > 0 ? page.standards().get(i - 1).standard() : null,
                i + 1 < page.standards().size() ? page.standards().get(i + 1).standard() : null);
    }

    /** The version as a tool file in the given format, and the name it is downloaded under. */
    public record Export(byte[] content, String fileName) {
    }

    @Transactional
    public Export export(long id, ToolFile.Format format) {
        ToolPage page = page(id);
        return new Export(page.file().write(format), "s11-tool-" + page.tool().version + "." + format.extension);
    }

    @Transactional
    public Tool latestPublished() {
        return Tool.find("status = ?1 order by createdAt desc, id desc", Tool.Status.PUBLISHED).firstResult();
    }

    // ---- changing: the HIPS admin only ----

    /** "Copy the latest": a draft identical to the latest published version (codes and retired codes too). */
    @Transactional
    public Tool copyLatest(ToolForms.CopyForm form, FormErrors errors) {
        requireHipsAdmin();
        Tool source = latestPublished();
        if (source == null) {
            throw new NotFoundException();
        }
        if (!check(ToolForms.CopyForm.class, form, versionTaken(form.version), errors)) {
            return null;
        }
        ToolPage from = page(source);
        Tool copy = create(from.file(), form.version.strip(), form.title.strip());
        log.record("Copied tool version", subject(copy), null,
                AdminLog.fields("version", copy.version, "title", copy.title, "copiedFrom", source.version));
        return copy;
    }

    /** Deletes a draft. */
    @Transactional
    public void delete(long id) {
        Tool tool = draft(id);
        if (!Tool.cycleNamesUsing(List.of(tool.id)).isEmpty()) {
            throw new NotADraft(tool);
        }
        Map<String, Object> before = AdminLog.fields("version", tool.version, "title", tool.title, "status", tool.status.name());
        log.record("Deleted tool version", subject(tool), before, null);
        tool.delete();
    }

    @Transactional
    public void saveStandard(long id, Long standardId, ToolForms.StandardForm form, FormErrors errors) {
        Tool tool = draft(id);
        List<InputProblem> lines = new ArrayList<>();
        lineProblems("reflectionPrompts", "Each reflection prompt", form.reflectionPrompts, lines);
        lineProblems("evidenceExamples", "Each evidence example", form.evidenceExamples, lines);
        if (!check(ToolForms.StandardForm.class, form, lines, errors)) {
            return;
        }
        checkLock(tool, form.lock);
        Standard standard;
        Map<String, Object> before = null;
        if (standardId == null) {
            standard = new Standard();
            standard.tool = tool;
            standard.code = nextStandardCode(tool);
            standard.position = tool.standards.size() + 1;
        } else {
            standard = standard(tool, standardId);
            before = fields(standard);
        }
        standard.title = form.title.strip();
        standard.reference = blankToNull(form.reference);
        standard.goodLooksLike = blankToNull(form.goodLooksLike);
        standard.reflectionPrompts = joinLines(form.reflectionPrompts);
        standard.evidenceExamples = joinLines(form.evidenceExamples);
        if (standardId == null) {
            tool.standards.add(standard);
            standard.persist();
        }
        changed(tool);
        log.record(standardId == null ? "Added standard" : "Edited standard", subject(tool), before, fields(standard));
    }

    @Transactional
    public void saveQuestion(long id, long standardId, Long questionId, ToolForms.QuestionForm form, FormErrors errors) {
        Tool tool = draft(id);
        Standard standard = standard(tool, standardId);
        if (!check(ToolForms.QuestionForm.class, form, List.of(), errors)) {
            return;
        }
        checkLock(tool, form.lock);
        Question question;
        Map<String, Object> before = null;
        if (questionId == null) {
            question = new Question();
            question.standard = standard;
            question.code = nextQuestionCode(tool, standard);
            question.position = standard.questions.size() + 1;
        } else {
            question = question(standard, questionId);
            before = fields(question);
        }
        question.text = form.text.strip();
        question.guidance = blankToNull(form.guidance);
        if (questionId == null) {
            standard.questions.add(question);
            question.persist();
        }
        changed(tool);
        log.record(questionId == null ? "Added question" : "Edited question", subject(tool), before, fields(question));
    }

    /** Removes a standard and its questions; their codes are retired in this version. */
    @Transactional
    public void removeStandard(long id, long standardId, Integer lock) {
        Tool tool = draft(id);
        checkLock(tool, lock);
        Standard standard = standard(tool, standardId);
        List<String> codes = new ArrayList<>(List.of(standard.code));
        standard.questions.forEach(q -> codes.add(q.code));
        tool.retire(codes);
        Map<String, Object> before = fields(standard);
        before.put("questions", standard.questions.stream().map(q -> q.code).toList());
        tool.standards.remove(standard);
        renumber(tool.standards);
        changed(tool);
        log.record("Removed standard", subject(tool), before, null);
    }

    /** Removes a question; its code is retired in this version. */
    @Transactional
    public void removeQuestion(long id, long questionId, Integer lock) {
        Tool tool = draft(id);
        checkLock(tool, lock);
        Question question = Question.findById(questionId);
        if (question == null || !question.standard.tool.id.equals(tool.id)) {
            throw new NotFoundException();
        }
        Standard standard = question.standard;
        tool.retire(List.of(question.code));
        Map<String, Object> before = fields(question);
        standard.questions.remove(question);
        renumber(standard.questions);
        changed(tool);
        log.record("Removed question", subject(tool), before, null);
    }

    @Transactional
    public void moveStandard(long id, long standardId, boolean up) {
        Tool tool = draft(id);
        Standard standard = standard(tool, standardId);
        if (move(tool.standards, standard, up)) {
            changed(tool);
            log.record("Moved standard", subject(tool), AdminLog.fields("standard", standard.code),
                    AdminLog.fields("standard", standard.code, "position", standard.position));
        }
    }

    @Transactional
    public void moveQuestion(long id, long questionId, boolean up) {
        Tool tool = draft(id);
        Question question = Question.findById(questionId);
        if (question == null || !question.standard.tool.id.equals(tool.id)) {
            throw new NotFoundException();
        }
        if (move(question.standard.questions, question, up)) {
            changed(tool);
            log.record("Moved question", subject(tool), AdminLog.fields("question", question.code),
                    AdminLog.fields("question", question.code, "position", question.position));
        }
    }

    /** "Check your answers" before publishing: counts, changes and what stops it. */
    @Transactional
    public PublishCheck publishCheck(long id) {
        Tool tool = draft(id);
        ToolPage page = page(tool);
        List<String> problems = new ArrayList<>();
        if (page.standards().isEmpty()) {
            problems.add("Add at least one standard");
        }
        page.standards().stream().filter(s -> s.questions().isEmpty())
                .forEach(s -> problems.add("Add at least one question to " + s.standard().code));
        return new PublishCheck(page, changes(page.file(), tool.id), problems);
    }

    @Transactional
    public Tool publish(long id) {
        PublishCheck check = publishCheck(id);
        Tool tool = check.page().tool();
        if (!check.problems().isEmpty()) {
            throw new NotADraft(tool);
        }
        tool.status = Tool.Status.PUBLISHED;
        log.record("Published tool version", subject(tool), AdminLog.fields("status", "DRAFT"),
                AdminLog.fields("status", "PUBLISHED", "standards", check.page().standards().size(),
                        "questions", check.page().questionCount()));
        return tool;
    }

    /** Retires a published version no open cycle uses: it can no longer be chosen for a cycle. */
    @Transactional
    public void retire(long id) {
        requireHipsAdmin();
        Tool tool = find(id);
        if (!canRetire(tool)) {
            throw new NotADraft(tool);
        }
        tool.status = Tool.Status.RETIRED;
        log.record("Retired tool version", subject(tool), AdminLog.fields("status", "PUBLISHED"),
                AdminLog.fields("status", "RETIRED"));
    }

    /**
     * Reads an uploaded file (JSON or YAML, by its name's ending) and keeps it for confirmation as JSON, or answers its
     * problems with their places.
     */
    @Transactional
    public Upload upload(byte[] bytes, String fileName) {
        requireHipsAdmin();
        ToolFile.Format format = ToolFile.Format.ofFileName(fileName);
        if (format == null) {
            return new Upload(null, List.of("file: must be a tool file ending .json, .yaml or .yml"));
        }
        ToolFile.Read read = ToolFile.read(bytes, format);
        List<String> problems = new ArrayList<>(read.problems());
        if (read.ok() && versionExists(read.file().version())) {
            problems.add("version: " + read.file().version() + " already exists");
        }
        if (!problems.isEmpty()) {
            return new Upload(null, problems);
        }
        ToolImport.delete("createdAt < ?1", clock.now().minus(java.time.Duration.ofDays(1)));
        ToolImport pending = new ToolImport();
        pending.userId = currentUser.user().id;
        pending.content = new String(read.file().toJson(), StandardCharsets.UTF_8); // the file as checked, YAML too
        pending.createdAt = clock.now();
        pending.persist();
        return new Upload(pending.id, List.of());
    }

    @Transactional
    public ImportCheck importCheck(long importId) {
        ToolFile file = readPending(pending(importId));
        return new ImportCheck(importId, file, file.standards().stream().mapToInt(s -> s.questions().size()).sum(),
                changes(file, null));
    }

    @Transactional
    public Tool confirmImport(long importId) {
        ToolImport pending = pending(importId);
        ToolFile file = readPending(pending);
        Tool tool = create(file, file.version(), file.title());
        pending.delete();
        log.record("Imported tool version", subject(tool), null, AdminLog.fields("version", tool.version, "title", tool.title,
                "standards", file.standards().size(), "questions", file.standards().stream().mapToInt(s -> s.questions().size()).sum()));
        return tool;
    }

    /** Whether the signed-in admin may change tool versions: the HIPS admin only. */
    @Transactional
    public boolean isHipsAdmin() {
        return currentUser.isAdmin() && currentUser.user().partnership == null;
    }

    // ---- the rules ----

    private ToolPage page(Tool tool) {
        List<Standard> standards = Standard.list("tool.id = ?1 order by position", tool.id);
        List<Question> questions = Question.list("standard.tool.id = ?1 order by standard.position, position", tool.id);
        Map<Long, List<Question>> byStandard = new LinkedHashMap<>();
        standards.forEach(s -> byStandard.put(s.id, new ArrayList<>()));
        questions.forEach(q -> byStandard.get(q.standard.id).add(q));
        List<StandardView> views = standards.stream().map(s -> new StandardView(s, byStandard.get(s.id))).toList();
        boolean hips = isHipsAdmin();
        return new ToolPage(tool, views, Tool.cycleNamesUsing(List.of(tool.id)).getOrDefault(tool.id, List.of()),
                hips && tool.status == Tool.Status.DRAFT, hips && canRetire(tool));
    }

    private boolean canRetire(Tool tool) {
        return tool.status == Tool.Status.PUBLISHED && !tool.usedByOpenCycleOn(clock.today());
    }

    private Tool create(ToolFile file, String version, String title) {
        Tool tool = file.toTool(version, title);
        tool.persist();
        return tool;
    }

    /** Questions added, removed and reworded, by code, compared with the latest published version. */
    private Changes changes(ToolFile file, Long excluding) {
        Tool previous = excluding == null ? latestPublished()
                : Tool.find("status = ?1 and id <> ?2 order by createdAt desc, id desc", Tool.Status.PUBLISHED, excluding).firstResult();
        Map<String, String> before = new LinkedHashMap<>();
        if (previous != null) {
            page(previous).file().standards().forEach(s -> s.questions().forEach(q -> before.put(q.code(), q.text())));
        }
        Map<String, String> after = new LinkedHashMap<>();
        file.standards().forEach(s -> s.questions().forEach(q -> after.put(q.code(), q.text())));
        List<CodeText> added = new ArrayList<>();
        List<TextChange> changed = new ArrayList<>();
        after.forEach((code, text) -> {
            if (!before.containsKey(code)) {
                added.add(new CodeText(code, text));
            } else if (!Objects.equals(before.get(code), text)) {
                changed.add(new TextChange(code, before.get(code), text));
            }
        });
        List<CodeText> removed = before.entrySet().stream().filter(e -> !after.containsKey(e.getKey()))
                .map(e -> new CodeText(e.getKey(), e.getValue())).toList();
        return new Changes(previous, previous == null ? List.of() : added, removed, changed);
    }

    private static final Pattern NUMBERED = Pattern.compile("(.*?)([0-9]+)");

    /** The next code after every code this version has used or retired with the same stem: S3.Q4 and S3.Q6 give S3.Q7. */
    static String nextCode(String stem, List<String> used) {
        int max = 0;
        for (String code : used) {
            if (code.startsWith(stem)) {
                Matcher m = NUMBERED.matcher(code.substring(stem.length()));
                if (m.matches() && m.group(1).isEmpty()) {
                    max = Math.max(max, Integer.parseInt(m.group(2)));
                }
            }
        }
        return stem + (max + 1);
    }

    private static String nextQuestionCode(Tool tool, Standard standard) {
        List<String> used = new ArrayList<>(tool.retiredCodeList());
        standard.questions.forEach(q -> used.add(q.code));
        return nextCode(standard.code + ".Q", used);
    }

    private static String nextStandardCode(Tool tool) {
        List<String> used = new ArrayList<>(tool.retiredCodeList());
        tool.standards.forEach(s -> used.add(s.code));
        String stem = tool.standards.isEmpty() ? "S" : NUMBERED.matcher(tool.standards.get(0).code).replaceAll("$1");
        return nextCode(stem, used);
    }

    private static <T> boolean move(List<T> list, T item, boolean up) {
        int i = list.indexOf(item);
        int j = up ? i - 1 : i + 1;
        if (i < 0 || j < 0 || j >= list.size()) {
            return false;
        }
        // swapping in the collection itself marks it changed, so its second-level cache entry is refreshed too
        list.set(i, list.get(j));
        list.set(j, item);
        renumber(list);
        return true;
    }

    private static void renumber(List<?> list) {
        for (int i = 0; i < list.size(); i++) {
            Object item = list.get(i);
            if (item instanceof Standard s && s.position != i + 1) {
                s.position = i + 1;
            } else if (item instanceof Question q && q.position != i + 1) {
                q.position = i + 1;
            }
        }
    }

    private Tool find(long id) {
        Tool tool = Tool.findById(id);
        if (tool == null) {
            throw new NotFoundException();
        }
        return tool;
    }

    /** A version to change: the HIPS admin only (404 for anyone else), and only a draft (refused otherwise). */
    private Tool draft(long id) {
        requireHipsAdmin();
        Tool tool = find(id);
        if (tool.status != Tool.Status.DRAFT) {
            throw new NotADraft(tool);
        }
        return tool;
    }

    private void requireHipsAdmin() {
        if (!isHipsAdmin()) {
            throw new NotFoundException();
        }
    }

    private static Standard standard(Tool tool, long standardId) {
        return tool.standards.stream().filter(s -> s.id == standardId).findFirst().orElseThrow(NotFoundException::new);
    }

    private static Question question(Standard standard, long questionId) {
        return standard.questions.stream().filter(q -> q.id == questionId).findFirst().orElseThrow(NotFoundException::new);
    }

    private static void checkLock(Tool tool, Integer lock) {
        if (lock == null || lock != tool.lockVersion) {
            throw new Conflict();
        }
    }

    /** Every change to a draft bumps its lock version, so a page shown before it cannot overwrite it. */
    private static void changed(Tool tool) {
        Tool.getEntityManager().lock(tool, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
    }

    private ToolImport pending(long importId) {
        requireHipsAdmin();
        ToolImport pending = ToolImport.findById(importId);
        if (pending == null || !pending.userId.equals(currentUser.user().id)) {
            throw new NotFoundException();
        }
        return pending;
    }

    private ToolFile readPending(ToolImport pending) {
        ToolFile.Read read = ToolFile.read(pending.content.getBytes(StandardCharsets.UTF_8));
        if (!read.ok() || versionExists(read.file().version())) {
            throw new NotFoundException(); // checked on upload: only another import of the same version since gets here
        }
        return read.file();
    }

    private <F> boolean check(Class<F> type, F form, List<InputProblem> more, FormErrors errors) {
        FormErrors found = Violations.page(type, Violations.problems(validator.validate(form)), more);
        found.list().forEach(e -> errors.add(e.field(), e.message()));
        return found.isEmpty();
    }

    private List<InputProblem> versionTaken(String version) {
        return version != null && versionExists(version.strip())
                ? List.of(new InputProblem("version", "Version " + version.strip() + " already exists: enter a new one"))
                : List.of();
    }

    private static boolean versionExists(String version) {
        return Tool.count("version", version) > 0;
    }

    private static void lineProblems(String property, String what, String text, List<InputProblem> problems) {
        List<String> lines = splitLines(text);
        if (lines.size() > ToolFile.LINES_MAX) {
            problems.add(new InputProblem(property, what.replace("Each ", "Give ").replaceAll("(prompt|example)$", "$1s")
                    + " " + ToolFile.LINES_MAX + " or fewer, one a line"));
        } else if (lines.stream().anyMatch(l -> l.length() > ToolFile.LINE_MAX)) {
            problems.add(new InputProblem(property, what + " must be " + ToolFile.LINE_MAX + " characters or fewer"));
        }
    }

    private static List<String> splitLines(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("\\r?\\n")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String joinLines(String text) {
        List<String> lines = splitLines(text);
        return lines.isEmpty() ? null : String.join("\n", lines);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static AdminLog.Subject subject(Tool tool) {
        return AdminLog.Subject.hipsWide(RECORD, tool.id, tool.version);
    }

    private static Map<String, Object> fields(Standard s) {
        return AdminLog.fields("standard", s.code, "title", s.title, "reference", s.reference, "whatGoodLooksLike",
                s.goodLooksLike, "reflectionPrompts", s.reflectionPrompts, "evidenceExamples", s.evidenceExamples);
    }

    private static Map<String, Object> fields(Question q) {
        return AdminLog.fields("question", q.code, "text", q.text, "guidance", q.guidance);
    }
}
