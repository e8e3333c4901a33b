package org.sferum.sdk.core.chats;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.core.wire.VkRequest;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.ValidationException;
import org.sferum.sdk.users.UserId;

/**
 * The VK API requests of the per-user chat actions (F-CHAT-07, F-CHAT-08), as {@code docs/wire/chats-actions.md}
 * describes them. Setting a state (pin, archive, mark unread, mute) is idempotent and retried; clearing the history
 * and leaving are sent once (a repeat could clear a message that arrived meanwhile, or fail as a non-member).
 */
final class ChatActionRequests {
    /** {@code account.setSilenceMode}'s {@code time} for a mute without end. */
    static final long FOREVER = -1;
    /** {@code account.setSilenceMode}'s {@code time} that turns notifications back on. */
    static final long UNMUTE = 0;

    private ChatActionRequests() {
    }

    static VkRequest pin(ChatId chat) {
        return onPeer("messages.pinConversation", chat);
    }

    static VkRequest unpin(ChatId chat) {
        return onPeer("messages.unpinConversation", chat);
    }

    static VkRequest archive(ChatId chat, boolean archived) {
        return onPeer(archived ? "messages.archiveConversation" : "messages.unarchiveConversation", chat);
    }

    static VkRequest markUnread(ChatId chat) {
        return onPeer("messages.markAsUnreadConversation", chat);
    }

    /**
     * {@code account.setSilenceMode} with {@code time} the seconds from now to the end, rounded up, or {@code -1}
     * forever. An end beyond the 32-bit range of {@code time} (about 68 years) is sent as forever.
     *
     * @throws ValidationException with {@code INVALID_ARGUMENT} if the end is not in the future (checked on the
     *     client's clock before anything is sent, as the platform checks it)
     */
    static VkRequest mute(ChatId chat, Optional<Instant> until, Instant now) {
        long time = FOREVER;
        if (until.isPresent()) {
            Duration left = Duration.between(now, until.get());
            long seconds = left.getSeconds() + (left.getNano() > 0 ? 1 : 0);
            if (seconds <= 0) {
                throw new ValidationException(ErrorCode.INVALID_ARGUMENT,
                        "a mute must end in the future; to turn notifications back on, unmute the chat");
            }
            time = seconds > Integer.MAX_VALUE ? FOREVER : seconds;
        }
        return onPeer("account.setSilenceMode", chat).param("time", time);
    }

    static VkRequest unmute(ChatId chat) {
        return onPeer("account.setSilenceMode", chat).param("time", UNMUTE);
    }

    static VkRequest clearHistory(ChatId chat) {
        return VkRequest.once("messages.deleteConversation").param("peer_id", chat.peerId());
    }

    /** {@code messages.removeChatUser} with the user's own id: VK's way of leaving a group chat. */
    static VkRequest leave(ChatId chat, UserId self) {
        if (!chat.isGroup()) {
            throw new ValidationException(ErrorCode.INVALID_ARGUMENT,
                    "one-to-one chats cannot be left, only group chats;"
                    + " delete its messages or clear its history instead");
        }
        return VkRequest.once("messages.removeChatUser")
                .param("chat_id", chat.localId())
                .param("member_id", self.value());
    }

    private static VkRequest onPeer(String method, ChatId chat) {
        return VkRequest.idempotent(method).param("peer_id", chat.peerId());
    }
}
