package org.sferum.sdk.testkit.emulator;

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
        Optional<ChatId> chat = params.optionalValue("peer_id", ChatId::of);
        List<MessageId> ids = params.string("cmids").isPresent()
                ? engine.messages().idsAt(caller, chat.orElseThrow(() -> VkParams.invalid("peer_id",
                        "is required with cmids")), params.longList("cmids", MessageActionService.MAX_MESSAGES_PER_ACTION))
                : params.valueList("message_ids", MessageActionService.MAX_MESSAGES_PER_ACTION, MessageId::of);
        if (ids.isEmpty()) {
            throw VkParams.invalid("message_ids", "is required (or peer_id with cmids)");
        }
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

    /** {@code messages.pin}: {@code peer_id} with {@code message_id}, or with VK's {@code cmid}. */
    private JsonNode pin(UserId caller, VkParams params) {
        ChatId chat = peer(params);
        MessageId id = params.string("cmid").isPresent() && params.string("message_id").isEmpty()
                ? engine.messages().idsAt(caller, chat, List.of(params.requiredLong("cmid"))).get(0)
                : params.requiredValue("message_id", MessageId::of);
        Message pinned = engine.messageActions().pin(caller, chat, id);
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

    /**
     * {@code messages.search}: in one chat with {@code peer_id}, or across every chat of the caller with {@code q}
     * alone; with {@code extended=1} the answer carries {@code profiles}.
     */
    private JsonNode search(UserId caller, VkParams params) {
        Optional<ChatId> chat = params.optionalValue("peer_id", ChatId::of);
        String q = params.string("q").orElse("");
        int offset = params.intOr("offset", 0);
        int count = params.intOr("count", DEFAULT_SEARCH_COUNT);
        HistoryWindow window = chat.isPresent()
                ? engine.messageActions().search(caller, chat.get(), q, offset, count)
                : engine.messageActions().searchAll(caller, q, offset, count);
        return messages.page(window.total(), window.items(), caller, params);
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
