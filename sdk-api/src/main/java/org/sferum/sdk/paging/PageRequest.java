package org.sferum.sdk.paging;

import java.util.Objects;
import java.util.Optional;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.internal.Checks;

/**
 * Which page of a list to fetch: its size and where it starts.
 *
 * @param size how many items at most, 1 to {@link #MAX_SIZE}
 * @param cursor where to start; empty for the first page
 */
public record PageRequest(int size, Optional<PageCursor> cursor) {
    /** The default page size. */
    public static final int DEFAULT_SIZE = 20;
    /** The largest page size, as the VK API allows for chat lists and history. */
    public static final int MAX_SIZE = 200;

    /**
     * Validates the request.
     *
     * @param size how many items at most, 1 to {@link #MAX_SIZE}
     * @param cursor where to start; empty for the first page
     */
    public PageRequest {
        Checks.require(size >= 1 && size <= MAX_SIZE, ErrorCode.INVALID_PAGE_REQUEST,
                "page size must be between 1 and " + MAX_SIZE + ", got " + size);
        Objects.requireNonNull(cursor, "cursor");
    }

    /**
     * The first page with the default size.
     *
     * @return the request
     */
    public static PageRequest first() {
        return new PageRequest(DEFAULT_SIZE, Optional.empty());
    }

    /**
     * The first page with the given size.
     *
     * @param size the page size
     * @return the request
     */
    public static PageRequest ofSize(int size) {
        return new PageRequest(size, Optional.empty());
    }

    /**
     * The page that starts at the cursor, with the same size.
     *
     * @param next the cursor, from {@link Page#nextCursor()}
     * @return the request
     */
    public PageRequest after(PageCursor next) {
        return new PageRequest(size, Optional.of(Checks.notNull(next, "cursor")));
    }
}
