package org.sferum.sdk.testkit.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sferum.sdk.chats.ChatAppearance;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.chats.ChatMember;
import org.sferum.sdk.chats.ChatSettings;
import org.sferum.sdk.chats.MemberRole;
import org.sferum.sdk.users.UserId;

/** A group chat as the engine stores it. Guarded by the engine's lock. */
final class ChatState {
    final ChatId id;
    /** The owner; changes when the owner leaves (see {@link ChatAdmin#afterLeaving}). */
    UserId owner;
    final Instant createdAt;
    String title;
    ChatSettings settings;
    /** The engine's activity sequence number of the latest creation or message, for ordering chat lists. */
    long lastActivity;
    /** Members in the order they joined. */
    final Map<UserId, ChatMember> members = new LinkedHashMap<>();
    /** Messages in the one order every reader sees: by conversation message id. */
    final List<StoredMessage> messages = new ArrayList<>();
    /**
     * How many times a message of this chat became one some reader may not see (deleted for everyone or for one
     * member, or given an expiry); while 0, every member sees every message after the point they cleared.
     */
    int hideable;
    /** Per member: the highest conversation message id they have read. */
    final Map<UserId, Long> readUpTo = new LinkedHashMap<>();
    // chats issue, chat management (admin): the current invite link's token and who issued it (F-CHAT-10).
    /** The secret part of the current invite link; {@code null} until a member first asks for the link. */
    String inviteToken;
    /** Who issued the current invite link: the {@code invited_by} of those who join by it. */
    UserId inviteIssuer;
    // message actions part (F-MSG-08, F-CHAT-11)
    /** The id of the pinned message; 0 when none. */
    long pinnedMessageId;
    /** How long new messages live in a phantom chat; {@code null} when they do not disappear. */
    Duration disappearAfter;
    /** Per member: their own settings of the chat (chats issue, part "actions": F-CHAT-07, F-CHAT-08). */
    final Map<UserId, OwnChatSettings> own = new HashMap<>();
    /** One-to-one chats (the direct part of the chats issue): the two users; {@code null} for a group chat. */
    DirectChats.Pair direct;
    /** Chat avatar (F-CHAT-06): the key of the current image in the engine's images; {@code null} when none. */
    String photoKey;
    /** Chat appearance (F-CHAT-11): the theme every member sees. */
    ChatAppearance appearance = ChatAppearance.DEFAULT;

    ChatState(ChatId id, UserId owner, String title, ChatSettings settings, Instant createdAt) {
        this.id = id;
        this.owner = owner;
        this.title = title;
        this.settings = settings;
        this.createdAt = createdAt;
    }

    boolean isMember(UserId user) {
        return members.containsKey(user);
    }

    void addMember(UserId user, MemberRole role, UserId invitedBy, Instant at) {
        members.put(user, new ChatMember(user, role, invitedBy, at));
        readUpTo.put(user, lastCmid());
        own.remove(user); // a member who comes back starts with no settings of their own
    }

    long lastCmid() {
        return messages.isEmpty() ? 0 : messages.get(messages.size() - 1).cmid;
    }

    int unreadFor(UserId user, Instant now) {
        long read = readUpTo.getOrDefault(user, 0L);
        int unread = 0;
        for (int i = messages.size() - 1; i >= 0 && messages.get(i).cmid > read; i--) {
            if (!messages.get(i).author.equals(user) && sees(user, messages.get(i), now)) {
                unread++;
            }
        }
        return unread;
    }

    /**
     * Tells whether a reader sees a message: not deleted for them or for everyone, not expired in a phantom chat
     * (message actions part), and not before the point where they cleared the history (actions part).
     *
     * @param reader the reader
     * @param message the message of this chat
     * @param now the engine's time
     * @return whether the reader sees it
     */
    boolean sees(UserId reader, StoredMessage message, Instant now) {
        return message.cmid > ChatActions.peek(this, reader).clearedUpTo && message.visibleTo(reader, now);
    }

    /**
     * The messages a reader sees, in order (message actions part).
     *
     * @param reader the reader
     * @param now the engine's time
     * @return the visible messages
     */
    List<StoredMessage> visibleTo(UserId reader, Instant now) {
        List<StoredMessage> out = new ArrayList<>(messages.size());
        for (StoredMessage message : messages) {
            if (sees(reader, message, now)) {
                out.add(message);
            }
        }
        return out;
    }
}
