package org.sferum.sdk.testkit.engine;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A member's own settings of a chat as they stand now (F-CHAT-07, F-CHAT-08), for the faces to render.
 *
 * @param pinSlot where the chat sits among the member's pinned chats: 1 for the one pinned longest ago up to the
 *     number of pinned chats for the one pinned last (shown first); 0 when not pinned
 * @param archived whether the member archived the chat
 * @param markedUnread whether the member marked the chat unread
 * @param mutedForever whether notifications are off with no end
 * @param mutedUntil when a mute with an end time ends; empty when not muted or muted forever (a mute that has
 *     ended on the engine's clock is empty)
 */
public record OwnChatState(int pinSlot, boolean archived, boolean markedUnread, boolean mutedForever,
                           Optional<Instant> mutedUntil) {
    /**
     * Validates the fields.
     *
     * @param pinSlot where the chat sits among the member's pinned chats; 0 when not pinned
     * @param archived whether the member archived the chat
     * @param markedUnread whether the member marked the chat unread
     * @param mutedForever whether notifications are off with no end
     * @param mutedUntil when a mute with an end time ends
     */
    public OwnChatState {
        Objects.requireNonNull(mutedUntil, "mutedUntil");
        if (pinSlot < 0 || pinSlot > ChatActions.MAX_PINNED) {
            throw new IllegalArgumentException("pinSlot must be between 0 and " + ChatActions.MAX_PINNED);
        }
    }

    /**
     * Tells whether the chat's notifications are off now.
     *
     * @return whether muted
     */
    public boolean muted() {
        return mutedForever || mutedUntil.isPresent();
    }
}
