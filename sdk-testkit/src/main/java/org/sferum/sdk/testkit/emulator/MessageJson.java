package org.sferum.sdk.testkit.emulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.sferum.sdk.messages.Message;
import org.sferum.sdk.messages.MessageId;
import org.sferum.sdk.testkit.engine.PlatformEngine;
import org.sferum.sdk.users.UserId;

/**
 * Renders messages as the VK API's {@code messages_message} for one reader, as {@code docs/wire/vk-api.md}
 * ("Message object") shows: {@code out} relative to the reader, {@code random_id} on the reader's own messages
 * only, {@code reply_message} only for replies, {@code update_time} only when edited.
 */
final class MessageJson {
    private final PlatformEngine engine;
    private final UserJson users;

    /**
     * Creates the renderer.
     *
     * @param engine finds the messages replied to and the random ids of the reader's own messages
     */
    MessageJson(PlatformEngine engine) {
        this.engine = engine;
        this.users = new UserJson(engine);
    }

    /**
     * Renders a page of messages, {@code {"count", "items"}}, and with {@code extended=1} VK's {@code profiles}:
     * the authors of the messages and the other users of their one-to-one chats, with the {@code fields} asked for
     * ({@link UserJson}).
     *
     * @param count the total
     * @param messages the messages of the page
     * @param reader who reads them
     * @param params the call's parameters ({@code extended}, {@code fields})
     * @return the page
     */
    ObjectNode page(int count, List<Message> messages, UserId reader, VkParams params) {
        ObjectNode page = JsonNodes.object();
        page.put("count", count);
        page.set("items", list(messages, reader));
        if (params.flag("extended")) {
            List<UserId> people = new java.util.ArrayList<>();
            for (Message message : messages) {
                people.add(message.author());
                if (!message.chat().isGroup()) {
                    people.add(UserId.of(message.chat().peerId()));
                }
            }
            page.set("profiles", users.profiles(people, UserJson.fields(params)));
        }
        return page;
    }

    /**
     * Renders messages.
     *
     * @param messages the messages
     * @param reader who reads them
     * @return a JSON array
     */
    ArrayNode list(List<Message> messages, UserId reader) {
        ArrayNode items = JsonNodes.array();
        for (Message message : messages) {
            items.add(message(message, reader));
        }
        return items;
    }

    /**
     * Renders one message.
     *
     * @param message the message
     * @param reader who reads it
     * @return the {@code messages_message} object
     */
    ObjectNode message(Message message, UserId reader) {
        boolean own = message.author().equals(reader);
        ObjectNode json = JsonNodes.object();
        json.put("id", message.id().value());
        json.put("date", message.sentAt().getEpochSecond());
        json.put("peer_id", message.chat().peerId());
        json.put("from_id", message.author().value());
        json.put("out", own ? 1 : 0);
        json.put("text", message.text());
        json.put("conversation_message_id", message.conversationMessageId());
        if (own) {
            json.put("random_id", engine.messages().randomIdSeenBy(reader, message.id()));
        }
        json.put("version", message.id().value());
        message.editedAt().ifPresent(at -> json.put("update_time", at.getEpochSecond()));
        json.set("attachments", attachments(message));
        json.set("fwd_messages", forwarded(message));
        json.put("important", message.important());
        json.put("is_hidden", false);
        if (message.replyTo().isPresent()) {
            MessageId target = message.replyTo().get();
            // The engine keeps replies in their chat, except a private reply (F-MSG-09), which answers a message
            // of a group chat in a one-to-one chat.
            Optional<Message> replied = engine.messages().visibleMessage(reader, target);
            replied.ifPresent(m -> json.set("reply_message", foreign(m)));
        }
        return json;
    }

    /**
     * Renders a message as the schema's {@code messages_foreign_message}, the shape of {@code reply_message}.
     *
     * @param message the message
     * @return the object
     */
    static ObjectNode foreign(Message message) {
        ObjectNode json = JsonNodes.object();
        json.put("id", message.id().value());
        json.put("conversation_message_id", message.conversationMessageId());
        json.put("date", message.sentAt().getEpochSecond());
        json.put("from_id", message.author().value());
        json.put("peer_id", message.chat().peerId());
        json.put("text", message.text());
        message.editedAt().ifPresent(at -> json.put("update_time", at.getEpochSecond()));
        if (!message.attachments().isEmpty()) {
            json.set("attachments", attachments(message));
        }
        if (!message.forwarded().isEmpty()) {
            json.set("fwd_messages", forwarded(message));
        }
        return json;
    }

    /**
     * Renders the messages a message forwards as the schema's {@code messages_fwd_messages}: foreign messages
     * that keep their original id, chat, author and date, nested as forwarded (F-MSG-03).
     *
     * @param message the forwarding message
     * @return the array, empty when it forwards nothing
     */
    static ArrayNode forwarded(Message message) {
        ArrayNode out = JsonNodes.array();
        for (Message forwarded : message.forwarded()) {
            out.add(foreign(forwarded));
        }
        return out;
    }

    /**
     * Renders a chat's pinned message as the schema's {@code messages_pinned_message}, for one reader (F-MSG-08).
     *
     * @param message the pinned message
     * @param reader who reads it
     * @return the object
     */
    ObjectNode pinned(Message message, UserId reader) {
        ObjectNode json = foreign(message);
        json.set("attachments", attachments(message));
        json.set("fwd_messages", forwarded(message));
        json.put("out", message.author().equals(reader));
        json.put("important", message.important());
        if (message.replyTo().isPresent()) {
            engine.messages().visibleMessage(reader, message.replyTo().get())
                    .filter(m -> m.chat().equals(message.chat()))
                    .ifPresent(m -> json.set("reply_message", foreign(m)));
        }
        return json;
    }

    /**
     * Renders a message's attachments as the schema's {@code messages_message_attachment} objects (F-ATT-01,
     * F-ATT-03).
     *
     * @param message the message
     * @return the array, empty when it has none
     */
    static ArrayNode attachments(Message message) {
        ArrayNode out = JsonNodes.array();
        for (org.sferum.sdk.attachments.Attachment attachment : message.attachments()) {
            out.add(AttachmentMethods.attachmentJson(attachment, message.sentAt()));
        }
        return out;
    }
}
