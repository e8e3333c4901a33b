package org.sferum.sdk.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import java.util.Map;
import org.sferum.sdk.chats.ChatAppearance;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.testkit.engine.PlatformEngine;
import org.sferum.sdk.users.UserId;

/**
 * Chat appearance (F-CHAT-11), as {@code docs/wire/chats-admin.md} says: the Sferum partner method
 * {@code messages.setChatStyle(peer_id, style)} [choice: VK publishes none]; members read the theme in
 * {@code chat_settings.style}.
 */
final class ChatStyleMethods {
    private final PlatformEngine engine;

    /**
     * Creates the methods.
     *
     * @param engine the engine
     */
    ChatStyleMethods(PlatformEngine engine) {
        this.engine = engine;
    }

    /**
     * Adds the methods to a registry.
     *
     * @param into the registry by method name
     */
    void register(Map<String, VkMethod> into) {
        into.put("messages.setChatStyle", this::setChatStyle);
    }

    /** {@code messages.setChatStyle(peer_id, style)}: answers {@code 1}. */
    private JsonNode setChatStyle(UserId caller, VkParams params) {
        ChatId chat = params.requiredValue("peer_id", ChatId::of);
        if (!chat.isGroup()) {
            throw VkParams.invalid("peer_id", "must be a group chat's peer id (2000000000 + chat_id)");
        }
        String style = params.string("style").orElseThrow(() -> VkParams.invalid("style", "is required"));
        ChatAppearance appearance = ChatAppearance.fromWire(style)
                .orElseThrow(() -> VkParams.invalid("style", "is not a known style"));
        engine.chats().setChatAppearance(caller, chat, appearance);
        return IntNode.valueOf(1);
    }
}
