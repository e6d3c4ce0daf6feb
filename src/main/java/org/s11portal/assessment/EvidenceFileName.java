package org.s11portal.assessment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The name an evidence file is stored and downloaded under, made safe from the name the browser sent: no folders,
 * no control or bidirectional-override characters (which make {@code invoice\u202Efdp.txt} look like
 * "invoicetxt.pdf"), not only dots, at most {@value #MAX_LENGTH} characters with the extension kept, and an extension
 * that matches what the bytes are (a PDF named evil.html is saved as evil.pdf). Each change is listed so that the
 * page can say what was changed.
 */
public record EvidenceFileName(String name, List<Change> changes) {

    public static final int MAX_LENGTH = 200;

    public enum Change {
        FOLDERS_REMOVED("the folder part of the name was removed"),
        CHARACTERS_REMOVED("invisible or direction-changing characters were removed"),
        EXTENSION_CHANGED("its ending was changed to match what the file is"),
        SHORTENED("it was shortened to " + MAX_LENGTH + " characters"),
        REPLACED("it had no usable name, so it was named evidence");

        public final String description;

        Change(String description) {
            this.description = description;
        }
    }

    /** The extensions each accepted type may have; the first is the one given when the name's does not match. */
    static final Map<String, List<String>> EXTENSIONS = Map.ofEntries(
            Map.entry("application/pdf", List.of("pdf")),
            Map.entry("application/msword", List.of("doc")),
            Map.entry("application/vnd.openxmlformats-officedocument.wordprocessingml.document", List.of("docx")),
            Map.entry("application/vnd.ms-excel", List.of("xls")),
            Map.entry("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", List.of("xlsx")),
            Map.entry("application/vnd.ms-powerpoint", List.of("ppt")),
            Map.entry("application/vnd.openxmlformats-officedocument.presentationml.presentation", List.of("pptx")),
            Map.entry("image/png", List.of("png")),
            Map.entry("image/jpeg", List.of("jpg", "jpeg")),
            Map.entry("image/gif", List.of("gif")),
            Map.entry("text/plain", List.of("txt", "text")),
            Map.entry("text/csv", List.of("csv", "txt")));

    private static final Set<Character> FORBIDDEN = Set.of('"', '<', '>', ':', '|', '?', '*');

    /** The name without folders and unsafe characters; used before the type is known. */
    public static EvidenceFileName cleaned(String sent) {
        List<Change> changes = new ArrayList<>();
        String name = sent == null ? "" : sent;
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        if (slash >= 0) {
            name = name.substring(slash + 1);
            changes.add(Change.FOLDERS_REMOVED);
        }
        StringBuilder kept = new StringBuilder(name.length());
        name.codePoints().forEach(c -> {
            if (!unsafe(c)) {
                kept.appendCodePoint(c);
            }
        });
        if (kept.length() != name.length()) {
            changes.add(Change.CHARACTERS_REMOVED);
        }
        name = kept.toString().strip();
        if (name.replace(".", "").isBlank()) {
            if (!name.isEmpty() || (sent != null && !sent.isBlank())) {
                changes.add(Change.REPLACED);
            }
            name = "evidence";
        }
        return new EvidenceFileName(name, List.copyOf(changes));
    }

    /** The final name for a file of the detected type: the extension matches the type, the length is bounded. */
    public static EvidenceFileName of(String sent, String detectedType) {
        EvidenceFileName cleaned = cleaned(sent);
        List<Change> changes = new ArrayList<>(cleaned.changes());
        String name = cleaned.name();
        List<String> allowed = EXTENSIONS.get(detectedType);
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot + 1) : "";
        if (allowed != null && !allowed.contains(extension.toLowerCase(Locale.ROOT))) {
            if (!extension.isEmpty() || dot == 0) {
                changes.add(Change.EXTENSION_CHANGED);
            }
            extension = allowed.get(0);
            if (dot == 0) {
                base = "evidence";
            }
        }
        String suffix = extension.isEmpty() ? "" : "." + extension;
        if (base.length() + suffix.length() > MAX_LENGTH) {
            int keep = Math.max(1, MAX_LENGTH - suffix.length());
            int end = Character.isHighSurrogate(base.charAt(keep - 1)) ? keep - 1 : keep;
            base = base.substring(0, end).strip();
            changes.add(Change.SHORTENED);
        }
        return new EvidenceFileName(base + suffix, List.copyOf(changes));
    }

    public boolean changed() {
        return !changes.isEmpty();
    }

    /** Control, format (including every bidirectional mark, embedding, override and isolate) and separator characters. */
    private static boolean unsafe(int c) {
        int type = Character.getType(c);
        return Character.isISOControl(c) || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || type == Character.UNASSIGNED || type == Character.PRIVATE_USE
                || type == Character.SURROGATE || (c < 128 && FORBIDDEN.contains((char) c));
    }
}
