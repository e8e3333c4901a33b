package org.sferum.sdk.core.messages;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sferum.sdk.attachments.Attachment;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.core.wire.Json;
import org.sferum.sdk.core.wire.VkResult;
import org.sferum.sdk.messages.Message;
import org.sferum.sdk.messages.MessageId;
import org.sferum.sdk.users.UserId;

/**
 * Reads the VK API's message object (see {@code docs/wire/vk-api.md}, "Message object") as a {@link Message}.
 * The same decoder serves {@code messages.getById}, {@code messages.getHistory} and the chat list's
 * {@code last_message}, so a message reads the same wherever it comes from.
 */
public final class MessageDecoder {
    private MessageDecoder() {
    }

    /**
     * Reads a message.
     *
     * @param item the message object
     * @param result the answer it came in, to report a malformed one
     * @return the message; empty for one this SDK cannot represent (written by a community, in a community chat)
     * @throws org.sferum.sdk.error.ServiceException with {@code MALFORMED_RESPONSE} when the object lacks its id,
     *     chat or date
     */
    public static Optional<Message> decode(JsonNode item, VkResult result) {
        if (item == null || !item.isObject()) {
            throw result.malformed("has a message that is not an object");
        }
        long id = Json.longOr(item, "id", 0);
        long peer = Json.longOr(item, "peer_id", 0);
        long date = Json.longOr(item, "date", -1);
        if (id <= 0 || peer == 0 || date < 0) {
            throw result.malformed("has a message without a valid id, peer_id or date");
        }
        long from = Json.longOr(item, "from_id", 0);
        if (peer < 0 || from <= 0 || !isChatId(peer)) {
            return Optional.empty();
        }
        JsonNode reply = item.get("reply_message");
        return Optional.of(message(id, peer, date, from, Json.longOr(item, "update_time", 0),
                Json.longOr(item, "conversation_message_id", 0), Json.text(item, "text", ""),
                reply != null && reply.isObject() ? Json.longOr(reply, "id", 0) : 0,
                attachments(item.get("attachments")), forwarded(item.get("fwd_messages"), result),
                Json.bool(item, "important")));
    }

    /** Builds a message whose id, chat, author and date were checked; the tree and the streaming decoder share it. */
    static Message message(long id, long peer, long date, long from, long edited, long cmid, String text,
                           long replyId, List<Attachment> attachments, List<Message> forwarded, boolean important) {
        return new Message(MessageId.of(id), ChatId.of(peer), cmid, UserId.of(from), text,
                Instant.ofEpochSecond(date),
                edited > 0 ? Optional.of(Instant.ofEpochSecond(edited)) : Optional.empty(),
                replyId > 0 ? Optional.of(MessageId.of(replyId)) : Optional.empty(),
                attachments, forwarded, important);
    }

    /**
     * Reads forwarded messages ({@code fwd_messages}, the schema's foreign messages). One without an id or a chat
     * this SDK can represent is left out.
     *
     * @param forwarded the array, may be {@code null}
     * @param result the answer it came in
     * @return the messages
     */
    static List<Message> forwarded(JsonNode forwarded, VkResult result) {
        if (forwarded == null || !forwarded.isArray() || forwarded.isEmpty()) {
            return List.of();
        }
        List<Message> out = new ArrayList<>(forwarded.size());
        for (JsonNode item : forwarded) {
            if (item.isObject() && Json.longOr(item, "id", 0) > 0 && Json.longOr(item, "date", -1) >= 0) {
                decode(item, result).ifPresent(out::add);
            }
        }
        return out;
    }

    /**
     * Reads the attachments of a message ({@code messages_message_attachment}): a {@code photo} becomes an
     * {@link Attachment.Photo} (the URL of its largest size), a {@code doc} an {@link Attachment.File}; any other
     * type, or one this SDK cannot read, an {@link Attachment.Unknown} of its type.
     *
     * @param attachments the {@code attachments} array, may be {@code null}
     * @return the attachments
     */
    static List<Attachment> attachments(JsonNode attachments) {
        if (attachments == null || !attachments.isArray() || attachments.isEmpty()) {
            return List.of();
        }
        List<Attachment> out = new ArrayList<>(attachments.size());
        for (JsonNode attachment : attachments) {
            out.add(org.sferum.sdk.core.attachments.WireAttachments.decode(attachment));
        }
        return out;
    }

    /**
     * Tells whether a peer id is one {@link ChatId} accepts: a user, or a group chat.
     *
     * @param peer the peer id
     * @return whether it can be represented
     */
    public static boolean isChatId(long peer) {
        return peer > 0 && (peer < ChatId.GROUP_CHAT_OFFSET || peer <= ChatId.GROUP_CHAT_OFFSET + ChatId.MAX_LOCAL_ID);
    }
}
