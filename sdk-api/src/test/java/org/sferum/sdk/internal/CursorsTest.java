package org.sferum.sdk.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.ValidationException;
import org.sferum.sdk.paging.PageCursor;

/** The opaque page cursors shared by sdk-core and the fake (F-MSG-11 history paging, issue 16). */
class CursorsTest {

    @Test
    @DisplayName("a cursor decodes back to its position in the list that made it")
    void roundTrip() {
        assertEquals(42, Cursors.decode("o", "chat:1", 0, Cursors.encode("o", "chat:1", 42)));
        assertEquals(7, Cursors.decode("m", Cursors.encode("m", 7)));
        assertEquals(0, Cursors.decode("c", Cursors.encode("c", 0)));
    }

    @Test
    @DisplayName("a cursor of another list, kind or of no list at all is refused with INVALID_PAGE_REQUEST")
    void foreignCursorsRefused() {
        PageCursor chatOne = Cursors.encode("o", "chat1", 5);
        assertRefused(() -> Cursors.decode("o", "chat2", 0, chatOne));
        assertRefused(() -> Cursors.decode("m", "chat1", 0, chatOne));
        assertRefused(() -> Cursors.decode("o", chatOne));
        assertRefused(() -> Cursors.decode("o", PageCursor.of("not-a-cursor!")));
        assertRefused(() -> Cursors.decode("o", PageCursor.of(
                java.util.Base64.getUrlEncoder().encodeToString("o::x".getBytes()))));
    }

    @Test
    @DisplayName("a position below the list's smallest is refused")
    void belowMinimumRefused() {
        assertRefused(() -> Cursors.decode("m", "s", 1, Cursors.encode("m", "s", 0)));
        assertRefused(() -> Cursors.decode("o", Cursors.encode("o", -1)));
    }

    private static void assertRefused(org.junit.jupiter.api.function.Executable call) {
        ValidationException e = assertThrows(ValidationException.class, call);
        assertEquals(ErrorCode.INVALID_PAGE_REQUEST, e.code());
    }
}
