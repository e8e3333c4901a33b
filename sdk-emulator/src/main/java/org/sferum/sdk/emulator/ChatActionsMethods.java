package org.sferum.sdk.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.testkit.engine.PlatformEngine;
import org.sferum.sdk.users.UserId;

/**
 * The per-user chat actions (F-CHAT-07, F-CHAT-08) as {@code docs/wire/chats-actions.md} describes them:
 * {@code messages.pinConversation}, {@code messages.unpinConversation}, {@code messages.archiveConversation},
 * {@code messages.unarchiveConversation}, {@code messages.markAsUnreadConversation}, {@code account.setSilenceMode}
 * and {@code messages.deleteConversation}. Leaving is {@code messages.removeChatUser} with the caller's own id
 * ({@link ChatsMethods}).
 */
final class ChatActionsMethods {
    /** {@code account.setSilenceMode}'s {@code time} for a mute without end. */
    static final long FOREVER = -1;
    /** {@code account.setSilenceMode}'s {@code time} that turns notifications back on. */
    static final long UNMUTE = 0;

    private final PlatformEngine engine;

    /**
     * Creates the methods.
     *
     * @param engine the engine
     */
    ChatActionsMethods(PlatformEngine engine) {
        this.engine = engine;
    }

    /**
     * Adds the methods to a registry.
     *
     * @param into the registry by method name
     */
    void register(Map<String, VkMethod> into) {
        into.put("messages.pinConversation", (caller, params) -> ok(() -> engine.chats().pinChat(caller, peer(params))));
        into.put("messages.unpinConversation",
                (caller, params) -> ok(() -> engine.chats().unpinChat(caller, peer(params))));
        into.put("messages.archiveConversation",
                (caller, params) -> ok(() -> engine.chats().setArchived(caller, peer(params), true)));
        into.put("messages.unarchiveConversation",
                (caller, params) -> ok(() -> engine.chats().setArchived(caller, peer(params), false)));
        into.put("messages.markAsUnreadConversation",
                (caller, params) -> ok(() -> engine.chats().markUnread(caller, peer(params))));
        into.put("account.setSilenceMode", this::setSilenceMode);
        into.put("messages.deleteConversation", this::deleteConversation);
    }

    /**
     * {@code peer_id} and {@code time}: seconds from now, {@code -1} forever, {@code 0} unmute. {@code sound} and
     * {@code device_id} are accepted and ignored; without {@code peer_id} (the whole device's silence) the call is
     * refused [choice].
     */
    private JsonNode setSilenceMode(UserId caller, VkParams params) {
        ChatId chat = peer(params);
        long time = params.requiredLong("time");
        if (time == UNMUTE) {
            engine.chats().unmute(caller, chat);
        } else if (time == FOREVER) {
            engine.chats().mute(caller, chat, Optional.empty());
        } else if (time > 0) {
            Instant now = engine.clock().instant().truncatedTo(ChronoUnit.SECONDS);
            engine.chats().mute(caller, chat, Optional.of(now.plusSeconds(time)));
        } else {
            throw VkParams.invalid("time", "must be -1 (forever), 0 (unmute) or a number of seconds");
        }
        return IntNode.valueOf(1);
    }

    /** {@code peer_id} (or {@code user_id}) → {@code {"last_deleted_id": …}}; clears for the caller only. */
    private JsonNode deleteConversation(UserId caller, VkParams params) {
        ChatId chat = params.optionalValue("peer_id", ChatId::of)
                .orElseGet(() -> params.requiredValue("user_id", ChatId::of));
        ObjectNode result = JsonNodes.object();
        result.put("last_deleted_id", engine.chats().clearHistory(caller, chat));
        return result;
    }

    private static ChatId peer(VkParams params) {
        return params.requiredValue("peer_id", ChatId::of);
    }

    private static JsonNode ok(Runnable action) {
        action.run();
        return IntNode.valueOf(1);
    }
}
