package org.sferum.sdk.paging;

import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.internal.Checks;

/**
 * An opaque position in a paged list, produced by the SDK in {@link Page#nextCursor()}. Store it as a string
 * with {@link #value()} and restore it with {@link #of(String)}; do not build one by hand.
 *
 * @param value the cursor's string form
 */
public record PageCursor(String value) {
    /**
     * Validates the cursor's form.
     *
     * @param value the cursor's string form
     */
    public PageCursor {
        Checks.notNull(value, "page cursor");
        Checks.require(!value.isBlank() && value.length() <= 512, ErrorCode.INVALID_PAGE_REQUEST,
                "page cursor must be a value returned by Page.nextCursor()");
    }

    /**
     * Restores a cursor from its string form.
     *
     * @param value the string form
     * @return the cursor
     */
    public static PageCursor of(String value) {
        return new PageCursor(value);
    }
}
