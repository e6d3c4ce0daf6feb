package org.s11portal.assessment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** The parsed-version cache never answers for another version, nor for a row whose JSON is not the one parsed. */
class FrozenSnapshotsTest {

    private final FrozenSnapshots cache = new FrozenSnapshots();
    private final AtomicInteger parses = new AtomicInteger();

    private SubmissionSnapshot parse(SubmissionVersion version) {
        parses.incrementAndGet();
        return new SubmissionSnapshot("Agency " + version.frozenJson, "Cycle", "1", List.of(), List.of());
    }

    private static SubmissionVersion version(long id, String json) {
        SubmissionVersion version = new SubmissionVersion();
        version.id = id;
        version.frozenJson = json;
        version.sha256 = AssessmentService.sha256(json);
        return version;
    }

    @Test
    void aVersionIsParsedOnceAndServedFromMemoryAfter() {
        SubmissionSnapshot first = cache.get(version(1, "a"), this::parse);
        SubmissionSnapshot again = cache.get(version(1, "a"), this::parse);

        assertSame(first, again);
        assertEquals(1, parses.get());
    }

    @Test
    void eachVersionHasItsOwnSnapshot() {
        assertEquals("Agency a", cache.get(version(1, "a"), this::parse).agencyName());
        assertEquals("Agency b", cache.get(version(2, "b"), this::parse).agencyName());
        assertEquals("Agency a", cache.get(version(1, "a"), this::parse).agencyName());
    }

    @Test
    void aRowWithOtherJsonThanTheOneParsedIsParsedAgain() {
        cache.get(version(7, "before"), this::parse);

        SubmissionSnapshot after = cache.get(version(7, "after"), this::parse);

        assertEquals("Agency after", after.agencyName());
        assertEquals(2, parses.get());
    }

    @Test
    void theCacheIsBounded() {
        for (long id = 1; id <= FrozenSnapshots.CAPACITY + 10; id++) {
            cache.get(version(id, "v" + id), this::parse);
        }
        parses.set(0);
        cache.get(version(1, "v1"), this::parse);

        assertEquals(1, parses.get(), "the least recently used entries were dropped");
    }
}
