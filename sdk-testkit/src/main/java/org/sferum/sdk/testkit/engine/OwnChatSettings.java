package org.sferum.sdk.testkit.engine;

import java.time.Instant;

/**
 * One member's own settings of one chat, which no other member sees (F-CHAT-07, F-CHAT-08): pinned, archived,
 * marked unread, muted, history cleared. Guarded by the engine's lock; {@link ChatActions} changes it.
 */
final class OwnChatSettings {
    /** The engine's pin sequence number when the member pinned the chat (later pins are higher); 0: not pinned. */
    long pinnedAt;
    /** Whether the member archived the chat. */
    boolean archived;
    /** Whether the member marked the chat unread; reading the chat clears it. */
    boolean markedUnread;
    /** Whether the member muted the chat with no end. */
    boolean mutedForever;
    /** When a mute with an end time ends, or {@code null} when there is none. */
    Instant mutedUntil;
    /** The conversation message id up to which the member cleared the history; 0: never cleared. */
    long clearedUpTo;

    boolean pinned() {
        return pinnedAt > 0;
    }

    boolean mutedAt(Instant now) {
        return mutedForever || (mutedUntil != null && now.isBefore(mutedUntil));
    }
}
