package org.s11portal.assessment;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Submitted versions as read, kept in memory: a version is never updated once frozen (every column of
 * {@link SubmissionVersion} is {@code updatable = false}), so its parsed snapshot is the same on every view. The
 * entry is keyed by the version's id and checked against the SHA-256 of the row read in this request, so a row
 * that ever held other JSON would be parsed again rather than served from here. Bounded, least recently used
 * first out: a snapshot of a whole submission is tens of kilobytes.
 */
@ApplicationScoped
public class FrozenSnapshots {

    static final int CAPACITY = 128;

    private record Entry(String sha256, SubmissionSnapshot snapshot) {
    }

    private final Map<Long, Entry> entries = new LinkedHashMap<>(CAPACITY, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Entry> eldest) {
            return size() > CAPACITY;
        }
    };

    /** The snapshot of this version: from memory when this very row was read before, otherwise parsed now. */
    public SubmissionSnapshot get(SubmissionVersion version, Function<SubmissionVersion, SubmissionSnapshot> parse) {
        if (version.id == null) {
            return parse.apply(version);
        }
        Entry entry;
        synchronized (entries) {
            entry = entries.get(version.id);
        }
        if (entry != null && entry.sha256().equals(version.sha256)) {
            return entry.snapshot();
        }
        SubmissionSnapshot snapshot = parse.apply(version);
        synchronized (entries) {
            entries.put(version.id, new Entry(version.sha256, snapshot));
        }
        return snapshot;
    }
}
