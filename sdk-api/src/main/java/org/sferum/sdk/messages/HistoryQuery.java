package org.sferum.sdk.messages;

import java.util.Objects;
import org.sferum.sdk.paging.PageCursor;
import org.sferum.sdk.paging.PageRequest;

/**
 * Which page of a chat's history to read. Cursors are anchored on a message, so messages sent while paging
 * neither shift nor repeat the pages already read.
 *
 * @param order the direction
 * @param page the size and cursor
 */
public record HistoryQuery(HistoryOrder order, PageRequest page) {
    /**
     * Validates the fields.
     *
     * @param order the direction
     * @param page the size and cursor
     */
    public HistoryQuery {
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(page, "page");
    }

    /**
     * The newest messages first.
     *
     * @param size the page size
     * @return the query
     */
    public static HistoryQuery newestFirst(int size) {
        return new HistoryQuery(HistoryOrder.NEWEST_FIRST, PageRequest.ofSize(size));
    }

    /**
     * The oldest messages first.
     *
     * @param size the page size
     * @return the query
     */
    public static HistoryQuery oldestFirst(int size) {
        return new HistoryQuery(HistoryOrder.OLDEST_FIRST, PageRequest.ofSize(size));
    }

    /**
     * The same query continued at a cursor.
     *
     * @param cursor the cursor from the previous page
     * @return the query
     */
    public HistoryQuery after(PageCursor cursor) {
        return new HistoryQuery(order, page.after(cursor));
    }
}
