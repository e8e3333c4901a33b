package org.sferum.sdk.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.sferum.sdk.chats.Chat;
import org.sferum.sdk.chats.ChatFilter;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.chats.ChatSummary;
import org.sferum.sdk.messages.Message;
import org.sferum.sdk.messages.MessageId;
import org.sferum.sdk.messages.ReportReason;
import org.sferum.sdk.testkit.engine.DeletedMessage;
import org.sferum.sdk.testkit.engine.HistoryWindow;
import org.sferum.sdk.testkit.engine.PlatformEngine;
import org.sferum.sdk.testkit.engine.MessageActionService;
import org.sferum.sdk.users.UserId;

/**
 * What members do to messages of a chat (F-MSG-04 … F-MSG-10, F-CHAT-09, F-CHAT-11), as
 * {@code docs/wire/chats-messages.md} describes: {@code messages.edit}, {@code messages.delete},
 * {@code messages.pin}, {@code messages.unpin}, {@code messages.markAsImportant}, {@code messages.search},
 * and the partner methods {@code messages.report} and
 * {@code messages.setDisappearing}. Replies and forwards travel with {@code messages.send}.
 */
final class MessageActionsMethods {
    /** The default page size of {@code messages.search}. */
    static final int DEFAULT_SEARCH_COUNT = 20;

    private final PlatformEngine engine;
    private final MessageJson messages;
    private final ConversationJson conversations;

    /**
     * Creates the methods.
     *
     * @param engine the engine
     * @param messages renders messages
     * @param conversations renders conversations
     */
    MessageActionsMethods(PlatformEngine engine, MessageJson messages, ConversationJson conversations) {
        this.engine = engine;
        this.messages = messages;
        this.conversations = conversations;
    }

    /**
     * Adds the methods to a registry. ({@code messages.getConversationsById}, which shows the pinned message, is
     * the chat-management part's.)
     *
     * @param into the registry by method name
     */
    void register(Map<String, VkMethod> into) {
        into.put("messages.edit", this::edit);
        into.put("messages.delete", this::delete);
        into.put("messages.pin", this::pin);
        into.put("messages.unpin", this::unpin);
        into.put("messages.markAsImportant", this::markAsImportant);
        into.put("messages.report", this::report);
        into.put("messages.search", this::search);
        into.put("messages.setDisappearing", this::setDisappearing);
    }

    private JsonNode edit(UserId caller, VkParams params) {
        ChatId chat = peer(params);
        MessageId id = params.requiredValue("message_id", MessageId::of);
        engine.messageActions().edit(caller, chat, id, params.requiredString("message"));
        return IntNode.valueOf(1);
    }

    /**
     * {@code messages.delete}: the 5.199 answer, an array of {@code messages_delete_full_response_item}. With
     * {@code spam=1} the messages are reported as spam in the same all-or-nothing operation.
     */
    private JsonNode delete(UserId caller, VkParams params) {
        if (params.string("cmids").isPresent()) {
            throw VkParams.invalid("cmids", "is not supported by the emulator; pass message_ids");
        }
        List<MessageId> ids = params.valueList("message_ids", MessageActionService.MAX_MESSAGES_PER_ACTION,
                MessageId::of);
        if (ids.isEmpty()) {
            throw VkParams.invalid("message_ids", "is required");
        }
        Optional<ChatId> chat = params.optionalValue("peer_id", ChatId::of);
        boolean forAll = params.flag("delete_for_all");
        boolean spam = params.flag("spam");
        ArrayNode out = JsonNodes.array();
        for (DeletedMessage deleted : engine.messageActions().delete(caller, chat, ids, forAll, spam)) {
            ObjectNode item = out.addObject();
            item.put("peer_id", deleted.chat().peerId());
            item.put("message_id", deleted.message().value());
            item.put("conversation_message_id", deleted.conversationMessageId());
            item.put("response", 1);
        }
        return out;
    }

    private JsonNode pin(UserId caller, VkParams params) {
        ChatId chat = peer(params);
        Message pinned = engine.messageActions().pin(caller, chat, params.requiredValue("message_id", MessageId::of));
        return messages.pinned(pinned, caller);
    }

    private JsonNode unpin(UserId caller, VkParams params) {
        engine.messageActions().unpin(caller, peer(params));
        return IntNode.valueOf(1);
    }

    /** {@code messages.markAsImportant}: the ids whose flag is now as asked. */
    private JsonNode markAsImportant(UserId caller, VkParams params) {
        List<MessageId> ids = params.valueList("message_ids", MessageActionService.MAX_MESSAGES_PER_ACTION,
                MessageId::of);
        if (ids.isEmpty()) {
            throw VkParams.invalid("message_ids", "is required");
        }
        int important = params.intOr("important", 1);
        if (important != 0 && important != 1) {
            throw VkParams.invalid("important", "must be 1 or 0");
        }
        ArrayNode out = JsonNodes.array();
        for (MessageId id : engine.messageActions().markImportant(caller, ids, important == 1)) {
            out.add(id.value());
        }
        return out;
    }

    /** {@code messages.report} (partner): {@code peer_id}, {@code message_id}, {@code reason}. */
    private JsonNode report(UserId caller, VkParams params) {
        ChatId chat = peer(params);
        MessageId id = params.requiredValue("message_id", MessageId::of);
        engine.messageActions().report(caller, chat, id, reason(params.string("reason").orElse("other")));
        return IntNode.valueOf(1);
    }

    private JsonNode search(UserId caller, VkParams params) {
        ChatId chat = params.optionalValue("peer_id", ChatId::of)
                .orElseThrow(() -> VkParams.invalid("peer_id", "is required: the emulator searches one chat"));
        HistoryWindow window = engine.messageActions().search(caller, chat, params.string("q").orElse(""),
                params.intOr("offset", 0), params.intOr("count", DEFAULT_SEARCH_COUNT));
        ObjectNode out = JsonNodes.object();
        out.put("count", window.total());
        out.set("items", messages.list(window.items(), caller));
        return out;
    }

    /** {@code messages.setDisappearing} (partner): {@code peer_id}, {@code ttl} seconds, 0 to stop. */
    private JsonNode setDisappearing(UserId caller, VkParams params) {
        ChatId chat = peer(params);
        long ttl = params.requiredLong("ttl");
        if (ttl < 0) {
            throw VkParams.invalid("ttl", "must be 0 (off) or a number of seconds");
        }
        engine.messageActions().setDisappearing(caller, chat, ttl == 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(ttl)));
        return IntNode.valueOf(1);
    }

    private static ReportReason reason(String text) {
        try {
            return ReportReason.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw VkParams.invalid("reason", "must be spam, insult, adult_content or other");
        }
    }

    private static ChatId peer(VkParams params) {
        return params.requiredValue("peer_id", ChatId::of);
    }
}
