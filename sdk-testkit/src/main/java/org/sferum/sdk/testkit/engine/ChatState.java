package org.sferum.sdk.testkit.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.chats.ChatMember;
import org.sferum.sdk.chats.ChatSettings;
import org.sferum.sdk.chats.MemberRole;
import org.sferum.sdk.users.UserId;

/** A group chat as the engine stores it. Guarded by the engine's lock. */
final class ChatState {
    final ChatId id;
    final UserId owner;
    final Instant createdAt;
    String title;
    ChatSettings settings;
    /** The engine's activity sequence number of the latest creation or message, for ordering chat lists. */
    long lastActivity;
    /** Members in the order they joined. */
    final Map<UserId, ChatMember> members = new LinkedHashMap<>();
    /** Messages in the one order every reader sees: by conversation message id. */
    final List<StoredMessage> messages = new ArrayList<>();
    /** Per member: the highest conversation message id they have read. */
    final Map<UserId, Long> readUpTo = new LinkedHashMap<>();
    /** One-to-one chats (the direct part of the chats issue): the two users; {@code null} for a group chat. */
    DirectChats.Pair direct;

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
    }

    long lastCmid() {
        return messages.isEmpty() ? 0 : messages.get(messages.size() - 1).cmid;
    }

    int unreadFor(UserId user) {
        long read = readUpTo.getOrDefault(user, 0L);
        int unread = 0;
        for (int i = messages.size() - 1; i >= 0 && messages.get(i).cmid > read; i--) {
            if (!messages.get(i).author.equals(user)) {
                unread++;
            }
        }
        return unread;
    }
}
