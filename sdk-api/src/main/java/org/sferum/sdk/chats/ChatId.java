package org.sferum.sdk.chats;

import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.internal.Checks;
import org.sferum.sdk.users.UserId;

/**
 * The id of a conversation: a group chat or a one-to-one chat with a user. It is the VK API's {@code peer_id}:
 * a user's id for a one-to-one chat, {@code 2000000000 + localId} for a group chat.
 *
 * @param peerId the peer id
 */
public record ChatId(long peerId) {
    /** The offset the VK API adds to a group chat's local id. */
    public static final long GROUP_CHAT_OFFSET = 2_000_000_000L;
    /** The largest local id of a group chat. */
    public static final long MAX_LOCAL_ID = 100_000_000L;

    /**
     * Validates the id.
     *
     * @param peerId the peer id
     */
    public ChatId {
        Checks.require(peerId > 0 && (peerId < GROUP_CHAT_OFFSET || peerId <= GROUP_CHAT_OFFSET + MAX_LOCAL_ID),
                ErrorCode.INVALID_ARGUMENT,
                "chat id must be a user id or 2000000000 + a group chat's local id, got " + peerId);
    }

    /**
     * The id of a group chat.
     *
     * @param localId the chat's local id (the VK API's {@code chat_id}), 1 to {@link #MAX_LOCAL_ID}
     * @return the id
     */
    public static ChatId group(long localId) {
        Checks.require(localId > 0 && localId <= MAX_LOCAL_ID, ErrorCode.INVALID_ARGUMENT,
                "a group chat's local id must be between 1 and " + MAX_LOCAL_ID + ", got " + localId);
        return new ChatId(GROUP_CHAT_OFFSET + localId);
    }

    /**
     * The id of the one-to-one chat with a user.
     *
     * @param user the other user
     * @return the id
     */
    public static ChatId direct(UserId user) {
        return new ChatId(Checks.notNull(user, "user").value());
    }

    /**
     * Parses a peer id.
     *
     * @param peerId the peer id
     * @return the id
     */
    public static ChatId of(long peerId) {
        return new ChatId(peerId);
    }

    /**
     * Tells whether this is a group chat.
     *
     * @return {@code true} for a group chat, {@code false} for a one-to-one chat
     */
    public boolean isGroup() {
        return peerId > GROUP_CHAT_OFFSET;
    }

    /**
     * Returns the group chat's local id (the VK API's {@code chat_id}).
     *
     * @return the local id
     * @throws IllegalStateException for a one-to-one chat
     */
    public long localId() {
        if (!isGroup()) {
            throw new IllegalStateException("a one-to-one chat has no local chat id");
        }
        return peerId - GROUP_CHAT_OFFSET;
    }

    @Override
    public String toString() {
        return isGroup() ? "chat:" + localId() : "direct:" + peerId;
    }
}
