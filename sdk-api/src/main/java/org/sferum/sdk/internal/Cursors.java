package org.sferum.sdk.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.ValidationException;
import org.sferum.sdk.paging.PageCursor;

/**
 * Opaque page cursors, shared by sdk-core and the testkit's fake: a kind, a scope (which list it belongs to) and a
 * number, base64url-encoded. A cursor given to another list than the one that produced it (another kind or
 * scope), or one that is not a cursor at all, is refused with {@link ErrorCode#INVALID_PAGE_REQUEST}. Not part of
 * the public API.
 */
public final class Cursors {
    private Cursors() {
    }

    /**
     * Encodes a position in a list that has no scope beyond its kind.
     *
     * @param kind the list kind, such as {@code "o"} for an offset; no {@code ':'}
     * @param value the position, not negative
     * @return the cursor
     */
    public static PageCursor encode(String kind, long value) {
        return encode(kind, "", value);
    }

    /**
     * Encodes a position.
     *
     * @param kind the list kind, such as {@code "o"} for an offset or {@code "m"} for a message id; no {@code ':'}
     * @param scope which list, such as the chat and order; no {@code ':'}
     * @param value the position, not negative
     * @return the cursor
     */
    public static PageCursor encode(String kind, String scope, long value) {
        String raw = kind + ":" + scope + ":" + value;
        return PageCursor.of(Base64.getUrlEncoder().withoutPadding()
                .encodeToString(raw.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Decodes a position in a list that has no scope beyond its kind.
     *
     * @param kind the list kind it must have
     * @param cursor the cursor
     * @return the position, not negative
     * @throws ValidationException with {@link ErrorCode#INVALID_PAGE_REQUEST} for any other cursor
     */
    public static long decode(String kind, PageCursor cursor) {
        return decode(kind, "", 0, cursor);
    }

    /**
     * Decodes a position, checking that the cursor belongs to this list.
     *
     * @param kind the list kind it must have
     * @param scope the list it must belong to
     * @param min the smallest position this list produces
     * @param cursor the cursor
     * @return the position
     * @throws ValidationException with {@link ErrorCode#INVALID_PAGE_REQUEST} for any other cursor
     */
    public static long decode(String kind, String scope, long min, PageCursor cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor.value()), StandardCharsets.UTF_8);
            String prefix = kind + ":" + scope + ":";
            if (raw.startsWith(prefix)) {
                long value = Long.parseLong(raw.substring(prefix.length()));
                if (value >= min) {
                    return value;
                }
            }
        } catch (IllegalArgumentException e) {
            // not base64url or not a number: refused below
        }
        throw new ValidationException(ErrorCode.INVALID_PAGE_REQUEST,
                "the page cursor was not produced by this list; pass Page.nextCursor() of the previous page of the"
                        + " same list and order");
    }
}
