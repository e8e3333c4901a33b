package org.sferum.sdk.testkit.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.error.SferumException;
import org.sferum.sdk.error.ValidationException;
import org.sferum.sdk.messages.Draft;
import org.sferum.sdk.messages.HistoryOrder;
import org.sferum.sdk.messages.Message;
import org.sferum.sdk.messages.MessageId;
import org.sferum.sdk.testkit.engine.HistoryWindow;
import org.sferum.sdk.testkit.engine.PlatformEngine;
import org.sferum.sdk.users.UserId;

/**
 * The message methods of the slice: {@code messages.send}, {@code messages.getById}, {@code messages.getHistory}
 * and {@code messages.markAsRead}, as {@code docs/wire/vk-api.md} describes them, with VK's ways of addressing
 * ({@link VkPeers}: {@code peer_id}, {@code user_id}, {@code chat_id}; {@code peer_ids}; {@code peer_id} +
 * {@code cmids}).
 */
final class MessagesMethods {
    /** The most ids {@code messages.getById} accepts. */
    static final int MAX_MESSAGE_IDS = 100;
    /** The most peers one {@code messages.send} in its {@code peer_ids} form addresses [choice]. */
    static final int MAX_PEER_IDS = 100;
    /** The default page size of {@code messages.getHistory}. */
    static final int DEFAULT_HISTORY_COUNT = 20;

    private final PlatformEngine engine;
    private final MessageJson json;

    /**
     * Creates the methods.
     *
     * @param engine the engine
     * @param json renders messages
     */
    MessagesMethods(PlatformEngine engine, MessageJson json) {
        this.engine = engine;
        this.json = json;
    }

    /**
     * Adds the methods to a registry.
     *
     * @param into the registry by method name
     */
    void register(Map<String, VkMethod> into) {
        into.put("messages.send", this::send);
        into.put("messages.getById", this::getById);
        into.put("messages.getHistory", this::getHistory);
        into.put("messages.markAsRead", this::markAsRead);
    }

    /**
     * {@code messages.send}. With {@code peer_id} the answer is the message id (VK's deprecated form, which VK's
     * own SDKs read); with {@code peer_ids} (comma-joined, at most {@value #MAX_PEER_IDS}) it is VK's
     * {@code messages_send_user_ids_response}: one item per peer, {@code {"peer_id", "message_id",
     * "conversation_message_id"}}, plus the Sferum extension {@code date} [choice], and a refusal for one peer as
     * that item's {@code error} ({@code {"code", "description"}}, the schema's {@code base_message_error}). A
     * draft the platform refuses whatever the peer (empty, too long) is refused as the whole call.
     */
    private JsonNode send(UserId caller, VkParams params) {
        boolean many = params.string("peer_ids").isPresent();
        List<ChatId> chats = many ? params.valueList("peer_ids", MAX_PEER_IDS, ChatId::of)
                : List.of(VkPeers.required(params));
        if (chats.isEmpty()) {
            throw VkParams.invalid("peer_ids", "is required");
        }
        OptionalInt randomId = params.optionalInt("random_id");
        Optional<MessageId> replyTo = params.optionalValue("reply_to", MessageId::of);
        List<MessageId> forwarded = params.valueList("forward_messages", Draft.MAX_FORWARDED, MessageId::of);
        String text = params.string("message").orElse("");
        List<org.sferum.sdk.attachments.Attachment> attachments = params.string("attachment")
                .map(AttachmentMethods::parse).orElse(List.of());
        Draft draft = new Draft(text, replyTo, forwarded, attachments,
                randomId.isPresent() && randomId.getAsInt() != 0 ? randomId : OptionalInt.empty());
        if (!many) {
            return LongNode.valueOf(engine.messages().send(caller, chats.get(0), draft).id().value());
        }
        ArrayNode items = JsonNodes.array();
        for (ChatId chat : new LinkedHashSet<>(chats)) {
            ObjectNode item = items.addObject();
            item.put("peer_id", chat.peerId());
            try {
                Message sent = engine.messages().send(caller, chat, draft);
                item.put("message_id", sent.id().value());
                item.put("conversation_message_id", sent.conversationMessageId());
                item.put("date", sent.sentAt().getEpochSecond());
            } catch (ValidationException e) {
                throw e;
            } catch (SferumException e) {
                int code = VkErrorTable.vkCode(e.code());
                item.put("message_id", 0);
                item.put("conversation_message_id", 0);
                ObjectNode error = item.putObject("error");
                error.put("code", VkErrorTable.generic(code)); // VK's codes only; a partner code as the subcode
                if (VkErrorTable.isPartnerCode(code)) {
                    error.put("error_subcode", code);
                }
                error.put("description", VkErrorTable.meaning(code));
            }
        }
        return items;
    }

    /**
     * {@code messages.getById}: by {@code message_ids}, or VK's other way, {@code peer_id} with {@code cmids}
     * (conversation message ids of that chat). Messages the caller does not see are left out; with
     * {@code extended=1} the answer carries {@code profiles}.
     */
    private JsonNode getById(UserId caller, VkParams params) {
        if (params.string("cmids").isPresent()) {
            List<Message> found = engine.messages().visibleAt(caller, params.requiredValue("peer_id", ChatId::of),
                    params.longList("cmids", MAX_MESSAGE_IDS));
            return json.page(found.size(), found, caller, params);
        }
        List<MessageId> ids = params.valueList("message_ids", MAX_MESSAGE_IDS, MessageId::of);
        if (ids.isEmpty()) {
            throw VkParams.invalid("message_ids", "is required (or peer_id with cmids)");
        }
        List<Message> found = new ArrayList<>();
        for (MessageId id : new LinkedHashSet<>(ids)) {
            engine.messages().visibleMessage(caller, id).ifPresent(found::add);
        }
        return json.page(found.size(), found, caller, params);
    }

    /** {@code messages.getHistory}: the chat by {@code peer_id}, or {@code user_id} ({@link VkPeers}). */
    private JsonNode getHistory(UserId caller, VkParams params) {
        ChatId chat = VkPeers.required(params);
        int count = params.intOr("count", DEFAULT_HISTORY_COUNT);
        int offset = params.intOr("offset", 0);
        Optional<MessageId> start = params.optionalValue("start_message_id", MessageId::of);
        HistoryOrder order = order(params.intOr("rev", 0));
        HistoryWindow window = engine.messages().history(caller, chat, order, start, offset, count);
        return json.page(window.total(), window.items(), caller, params);
    }

    private JsonNode markAsRead(UserId caller, VkParams params) {
        ChatId chat = peer(params);
        Optional<MessageId> upTo = params.optionalValue("start_message_id", MessageId::of);
        engine.messages().markRead(caller, chat, upTo);
        return IntNode.valueOf(1);
    }

    private static ChatId peer(VkParams params) {
        return params.requiredValue("peer_id", ChatId::of);
    }

    private static HistoryOrder order(int rev) {
        if (rev == 1) {
            return HistoryOrder.OLDEST_FIRST;
        }
        if (rev == 0) {
            return HistoryOrder.NEWEST_FIRST;
        }
        throw VkParams.invalid("rev", "must be 1 (oldest first) or 0 (newest first)");
    }
}
