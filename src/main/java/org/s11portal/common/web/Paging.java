package org.s11portal.common.web;

/**
 * Where a list page stands: page {@code page} of {@code pages} (pages &ge; 1, even for an empty list), {@code total}
 * rows in all, {@code size} rows to a page. Made with {@link #of}, which clamps the page asked for into 1..pages; the
 * query then takes {@link #size()} rows from {@link #offset()} (JPA) or page {@link #index()} (Panache). Templates
 * show it with {@code tags/pagination.html} and "Rows {first} to {last} of {total}".
 */
public record Paging(int page, int pages, long total, int size) {

    /** The page {@code requested} (any number) of {@code total} rows, {@code size} to a page, clamped to 1..pages. */
    public static Paging of(long total, int requested, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("page size " + size);
        }
        int pages = (int) Math.max(1, (Math.max(total, 0) + size - 1) / size);
        return new Paging(Math.min(Math.max(requested, 1), pages), pages, total, size);
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < pages;
    }

    public int previousPage() {
        return page - 1;
    }

    public int nextPage() {
        return page + 1;
    }

    /** The zero-based page number, for Panache's {@code Page.of(index, size)}. */
    public int index() {
        return page - 1;
    }

    /** The zero-based position of the page's first row, for {@code setFirstResult}. */
    public int offset() {
        return index() * size;
    }

    /** The one-based position of the page's first row ("Emails 26 to ..."). */
    public long first() {
        return (long) index() * size + 1;
    }

    /** The one-based position of the page's last row: {@link #first()} - 1 when the list is empty. */
    public long last() {
        return Math.min((long) page * size, total);
    }
}
