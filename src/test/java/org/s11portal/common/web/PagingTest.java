package org.s11portal.common.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PagingTest {

    @Test
    void theRequestedPageIsClampedToOneToPages() {
        assertEquals(new Paging(1, 2, 40, 25), Paging.of(40, 0, 25));
        assertEquals(new Paging(1, 2, 40, 25), Paging.of(40, -7, 25));
        assertEquals(new Paging(2, 2, 40, 25), Paging.of(40, 2, 25));
        assertEquals(new Paging(2, 2, 40, 25), Paging.of(40, 99999, 25));
        assertEquals(new Paging(2, 2, 40, 25), Paging.of(40, Integer.MAX_VALUE, 25));
    }

    @Test
    void anEmptyListHasOnePage() {
        Paging empty = Paging.of(0, 5, 50);
        assertEquals(1, empty.page());
        assertEquals(1, empty.pages());
        assertFalse(empty.hasPrevious());
        assertFalse(empty.hasNext());
        assertEquals(0, empty.offset());
        assertEquals(1, empty.first());
        assertEquals(0, empty.last(), "first - 1: nothing shown");
    }

    @Test
    void pagesRoundUp() {
        assertEquals(1, Paging.of(50, 1, 50).pages());
        assertEquals(2, Paging.of(51, 1, 50).pages());
        assertEquals(3, Paging.of(101, 1, 50).pages());
    }

    @Test
    void firstAndLastCountFromOneAndTheLastPageEndsAtTheTotal() {
        Paging one = Paging.of(40, 1, 25);
        assertEquals(1, one.first());
        assertEquals(25, one.last());
        Paging two = Paging.of(40, 2, 25);
        assertEquals(26, two.first());
        assertEquals(40, two.last());
        Paging full = Paging.of(100, 2, 50);
        assertEquals(51, full.first());
        assertEquals(100, full.last());
    }

    @Test
    void queriesTakeTheZeroBasedIndexOrOffset() {
        Paging third = Paging.of(120, 3, 50);
        assertEquals(2, third.index());
        assertEquals(100, third.offset());
    }

    @Test
    void neighboursExistOnlyInsideTheRange() {
        Paging middle = Paging.of(150, 2, 50);
        assertTrue(middle.hasPrevious());
        assertTrue(middle.hasNext());
        assertEquals(1, middle.previousPage());
        assertEquals(3, middle.nextPage());
        assertFalse(Paging.of(150, 1, 50).hasPrevious());
        assertFalse(Paging.of(150, 3, 50).hasNext());
    }

    @Test
    void aPageSizeBelowOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Paging.of(10, 1, 0));
    }
}
