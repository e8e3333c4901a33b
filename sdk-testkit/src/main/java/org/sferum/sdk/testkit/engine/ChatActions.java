package org.sferum.sdk.testkit.engine;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.sferum.sdk.chats.ChatFilter;
import org.sferum.sdk.chats.ChatSummary;
import org.sferum.sdk.error.ConflictException;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.ValidationException;
import org.sferum.sdk.users.UserId;

/**
 * The rules of the per-user chat actions (F-CHAT-07, F-CHAT-08) and of the chat list's order and filters
 * (F-SECT-01). Each member's settings of a chat are theirs alone. Called by {@link PlatformEngine} under its lock,
 * with chats the actor is a member of.
 */
final class ChatActions {
    /** The most chats a user may pin (research §2.4; the manual: «Закрепить можно до пяти чатов»). */
    static final int MAX_PINNED = 5;

    /** Orders pins: a later pin has a higher number. */
    private long nextPin = 1;

    /** The member's settings of the chat, created on first change. */
    static OwnChatSettings own(ChatState chat, UserId member) {
        return chat.own.computeIfAbsent(member, m -> new OwnChatSettings());
    }

    /** The member's settings of the chat, for reading only (the defaults when the member changed none). */
    static OwnChatSettings peek(ChatState chat, UserId member) {
        OwnChatSettings own = chat.own.get(member);
        return own == null ? new OwnChatSettings() : own;
    }

    /**
     * Pins a chat on top of the member's list (F-CHAT-07). Pinning a pinned chat changes nothing; pinning an
     * archived chat brings it back from the archive [choice].
     *
     * @param chats every chat of the engine, to count the member's pins
     */
    void pin(UserId actor, ChatState chat, Collection<ChatState> chats) {
        OwnChatSettings own = own(chat, actor);
        if (own.pinned()) {
            return;
        }
        long pinned = chats.stream().filter(c -> c.isMember(actor) && peek(c, actor).pinned()).count();
        if (pinned >= MAX_PINNED) {
            throw new ConflictException(ErrorCode.LIMIT_REACHED, "at most " + MAX_PINNED
                    + " chats can be pinned; unpin one of them before pinning chat " + chat.id.localId());
        }
        own.pinnedAt = nextPin++;
        own.archived = false;
    }

    /** Unpins a chat; a chat that is not pinned stays as it is. */
    static void unpin(UserId actor, ChatState chat) {
        OwnChatSettings own = chat.own.get(actor);
        if (own != null) {
            own.pinnedAt = 0;
        }
    }

    /**
     * Archives or brings back a chat (F-CHAT-08). An archived chat is not pinned [choice]: archiving unpins it.
     * A new message does not bring a chat back from the archive [choice].
     */
    static void setArchived(UserId actor, ChatState chat, boolean archived) {
        OwnChatSettings own = own(chat, actor);
        own.archived = archived;
        if (archived) {
            own.pinnedAt = 0;
        }
    }

    /** Marks a chat unread until the member reads it (F-CHAT-08). */
    static void markUnread(UserId actor, ChatState chat) {
        own(chat, actor).markedUnread = true;
    }

    /** The member read the chat (any part of it): a mark as unread is gone. */
    static void read(UserId actor, ChatState chat) {
        OwnChatSettings own = chat.own.get(actor);
        if (own != null) {
            own.markedUnread = false;
        }
    }

    /**
     * Mutes a chat's notifications for the member (F-CHAT-08, F-ACC-02), forever or until a time on the engine's
     * clock, kept to the second (rounded up).
     *
     * @param until when the mute ends; empty for never
     * @param now the engine's time
     * @throws ValidationException with {@code INVALID_ARGUMENT} if the end is not after now
     */
    static void mute(UserId actor, ChatState chat, Optional<Instant> until, Instant now) {
        checkMuteEnd(until, now);
        Instant end = until.map(ChatActions::roundUp).orElse(null);
        OwnChatSettings own = own(chat, actor);
        own.mutedForever = end == null;
        own.mutedUntil = end;
    }

    /**
     * Checks the end of a mute before anything else about the call, as a client checks it before sending.
     *
     * @throws ValidationException with {@code INVALID_ARGUMENT} if the end is not after now
     */
    static void checkMuteEnd(Optional<Instant> until, Instant now) {
        if (until.isPresent() && !roundUp(until.get()).isAfter(now)) {
            throw new ValidationException(ErrorCode.INVALID_ARGUMENT,
                    "a mute must end in the future; to turn notifications back on, unmute the chat");
        }
    }

    /** Turns a chat's notifications back on; a chat that is not muted stays as it is. */
    static void unmute(UserId actor, ChatState chat) {
        OwnChatSettings own = chat.own.get(actor);
        if (own != null) {
            own.mutedForever = false;
            own.mutedUntil = null;
        }
    }

    /**
     * Clears the chat's history for the member only (F-CHAT-08): what they see of it starts after the chat's
     * latest message; they have read everything up to it, and a mark as unread is gone. Others see everything.
     *
     * @return the id of the latest message cleared, 0 when the chat has no messages
     */
    static long clearHistory(UserId actor, ChatState chat) {
        long last = chat.lastCmid();
        OwnChatSettings own = own(chat, actor);
        own.clearedUpTo = Math.max(own.clearedUpTo, last);
        own.markedUnread = false;
        chat.readUpTo.merge(actor, last, Math::max);
        long lastId = 0;
        for (StoredMessage message : chat.messages) {
            if (message.cmid <= own.clearedUpTo) {
                lastId = message.id;
            }
        }
        return lastId;
    }

    /**
     * The order of the member's chat list (F-SECT-01): pinned chats first, the latest pin first; then by latest
     * activity (creation or message), the latest first.
     */
    static Comparator<ChatState> listOrder(UserId member) {
        Comparator<ChatState> byPin = Comparator.comparingLong(c -> peek(c, member).pinnedAt);
        Comparator<ChatState> byActivity = Comparator.comparingLong(c -> c.lastActivity);
        return byPin.reversed().thenComparing(byActivity.reversed());
    }

    /**
     * Whether a row belongs to a filter: {@code ALL} leaves out archived chats; {@code UNREAD} holds chats with
     * unread messages or marked unread, archived ones included [choice]; {@code ARCHIVED} only archived chats.
     */
    static boolean shows(ChatFilter filter, ChatSummary row) {
        switch (filter) {
            case UNREAD:
                return row.unread();
            case ARCHIVED:
                return row.archived();
            case ALL:
            default:
                return !row.archived();
        }
    }

    /** The member's settings of a chat as they stand at {@code now}. */
    static OwnChatState state(UserId member, ChatState chat, Collection<ChatState> chats, Instant now) {
        OwnChatSettings own = peek(chat, member);
        int slot = 0;
        if (own.pinned()) {
            for (ChatState other : chats) {
                OwnChatSettings theirs = peek(other, member);
                if (other.isMember(member) && theirs.pinned() && theirs.pinnedAt <= own.pinnedAt) {
                    slot++;
                }
            }
        }
        boolean forever = own.mutedForever;
        Optional<Instant> until = !forever && own.mutedAt(now) ? Optional.of(own.mutedUntil) : Optional.empty();
        return new OwnChatState(slot, own.archived, own.markedUnread, forever, until);
    }

    private static Instant roundUp(Instant instant) {
        Instant seconds = instant.truncatedTo(ChronoUnit.SECONDS);
        return seconds.equals(instant) ? seconds : seconds.plusSeconds(1);
    }
}
