package org.sferum.sdk.calls;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.sferum.sdk.users.UserId;

/**
 * A call or videoconference as a participant sees it (F-SECT-02).
 *
 * @param id the call id
 * @param title the title
 * @param organiser who created it
 * @param state its state
 * @param startsAt when it starts
 * @param joinLink the browser join link; present only while the call is running
 */
public record Call(CallId id, String title, UserId organiser, CallState state, Instant startsAt,
                   Optional<String> joinLink) {
    /**
     * Validates the fields.
     *
     * @param id the call id
     * @param title the title
     * @param organiser who created it
     * @param state its state
     * @param startsAt when it starts
     * @param joinLink the browser join link; present only while the call is running
     */
    public Call {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(organiser, "organiser");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(joinLink, "joinLink");
    }
}
