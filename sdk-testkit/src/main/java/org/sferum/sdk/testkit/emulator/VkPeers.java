package org.sferum.sdk.testkit.emulator;

import java.util.Optional;
import java.util.OptionalLong;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.users.UserId;

/**
 * VK's ways of naming the chat of a call ({@code docs/wire/vk-api.md}, "Addressing"): {@code peer_id} (a user's id
 * for a one-to-one chat, 2000000000 + {@code chat_id} for a group chat), or {@code user_id} (the one-to-one chat
 * with that user), or {@code chat_id} (a group chat). The first given wins, in that order.
 */
final class VkPeers {
    private VkPeers() {
    }

    /**
     * Reads the chat a call names.
     *
     * @param params the parameters
     * @return the chat
     * @throws org.sferum.sdk.error.ValidationException with {@code INVALID_ARGUMENT} when none is given or one is
     *     not an id
     */
    static ChatId required(VkParams params) {
        return optional(params).orElseThrow(() -> VkParams.invalid("peer_id", "is required (or user_id, or chat_id)"));
    }

    /**
     * Reads the chat a call names, if it names one.
     *
     * @param params the parameters
     * @return the chat, if named
     */
    static Optional<ChatId> optional(VkParams params) {
        Optional<ChatId> peer = params.optionalValue("peer_id", ChatId::of);
        if (peer.isPresent()) {
            return peer;
        }
        Optional<UserId> user = params.optionalValue("user_id", UserId::of);
        if (user.isPresent()) {
            return Optional.of(VkParams.value("user_id", () -> ChatId.direct(user.get())));
        }
        OptionalLong chat = params.optionalLong("chat_id");
        if (chat.isPresent()) {
            return Optional.of(VkParams.value("chat_id", () -> ChatId.group(chat.getAsLong())));
        }
        return Optional.empty();
    }
}
