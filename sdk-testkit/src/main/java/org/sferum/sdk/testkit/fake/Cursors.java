package org.sferum.sdk.testkit.fake;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.ValidationException;
import org.sferum.sdk.paging.PageCursor;

/** Opaque cursors of the fake: a kind letter and a number, base64url-encoded. */
final class Cursors {
    private Cursors() {
    }

    static PageCursor encode(char kind, long value) {
        String raw = kind + ":" + value;
        return PageCursor.of(Base64.getUrlEncoder().withoutPadding()
                .encodeToString(raw.getBytes(StandardCharsets.US_ASCII)));
    }

    static long decode(char kind, PageCursor cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor.value()), StandardCharsets.US_ASCII);
            if (raw.length() > 2 && raw.charAt(0) == kind && raw.charAt(1) == ':') {
                long value = Long.parseLong(raw.substring(2));
                if (value >= 0) {
                    return value;
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the typed error below
        }
        throw new ValidationException(ErrorCode.INVALID_PAGE_REQUEST,
                "the page cursor was not produced by this list; pass Page.nextCursor() of the previous page");
    }
}
