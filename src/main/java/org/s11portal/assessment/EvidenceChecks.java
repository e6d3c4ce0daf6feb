package org.s11portal.assessment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.tika.Tika;
import org.s11portal.common.config.PortalConfig;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The one check of an uploaded file, for answers' evidence and year-2 progress updates alike: not empty, within
 * {@code portal.evidence.max-bytes}, and an accepted type judged by what its bytes are (Apache Tika), never by the
 * name or the type the browser claims; the name made safe ({@link EvidenceFileName}).
 */
@ApplicationScoped
public class EvidenceChecks {

    /** Detected type → the types we accept, with the name people know them by. */
    static final Map<String, String> ACCEPTED = Map.ofEntries(
            Map.entry("application/pdf", "PDF"),
            Map.entry("application/msword", "Word"),
            Map.entry("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word"),
            Map.entry("application/vnd.ms-excel", "Excel"),
            Map.entry("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel"),
            Map.entry("application/vnd.ms-powerpoint", "PowerPoint"),
            Map.entry("application/vnd.openxmlformats-officedocument.presentationml.presentation", "PowerPoint"),
            Map.entry("image/png", "image"),
            Map.entry("image/jpeg", "image"),
            Map.entry("image/gif", "image"),
            Map.entry("text/plain", "text"),
            Map.entry("text/csv", "text"));

    private static final Map<String, String> OOXML_BY_EXTENSION = Map.of(
            "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation");

    private static final Map<String, String> OLE_BY_EXTENSION = Map.of(
            "doc", "application/msword", "xls", "application/vnd.ms-excel", "ppt", "application/vnd.ms-powerpoint");

    private final Tika tika = new Tika();

    @Inject
    PortalConfig config;

    public sealed interface Checked permits Accepted, Refused {
    }

    /** A file to store: its safe name (with what was changed), detected type, bytes and their SHA-256. */
    public record Accepted(EvidenceFileName name, String type, byte[] bytes, String sha256) implements Checked {
    }

    /**
     * Why the file was refused, to follow "The selected file" or the file's name: "is empty", "must be smaller than
     * 10 MB", "must be a PDF, …".
     */
    public record Refused(String problem) implements Checked {
    }

    public Checked check(String sentName, Path uploaded) {
        byte[] bytes;
        try {
            long size = Files.size(uploaded);
            if (size == 0) {
                return new Refused("is empty");
            }
            long maxBytes = config.evidence().maxBytes();
            if (size > maxBytes) {
                return new Refused("must be smaller than " + (maxBytes / (1024 * 1024)) + " MB");
            }
            bytes = Files.readAllBytes(uploaded);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Optional<String> type = detect(bytes, EvidenceFileName.cleaned(sentName).name());
        if (type.isEmpty()) {
            return new Refused("must be a PDF, Word, Excel, PowerPoint, image (PNG, JPEG, GIF) or plain text file");
        }
        return new Accepted(EvidenceFileName.of(sentName, type.get()), type.get(), bytes, sha256(bytes));
    }

    /** The accepted type the bytes really are, or empty. Office files are told apart by their extension. */
    Optional<String> detect(byte[] bytes, String filename) {
        String detected;
        try {
            detected = tika.detect(new ByteArrayInputStream(bytes), filename);
        } catch (IOException e) {
            return Optional.empty();
        }
        String extension = filename.contains(".") ? filename.substring(filename.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        if ("application/x-tika-ooxml".equals(detected) || "application/zip".equals(detected)) {
            detected = OOXML_BY_EXTENSION.get(extension);
        } else if ("application/x-tika-msoffice".equals(detected)) {
            detected = OLE_BY_EXTENSION.get(extension);
        }
        return detected != null && ACCEPTED.containsKey(detected) ? Optional.of(detected) : Optional.empty();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
