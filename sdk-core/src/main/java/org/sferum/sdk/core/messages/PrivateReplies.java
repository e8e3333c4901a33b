package org.sferum.sdk.core.messages;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.core.wire.Json;
import org.sferum.sdk.core.wire.NotYet;
import org.sferum.sdk.core.wire.TokenSource;
import org.sferum.sdk.core.wire.VkApi;
import org.sferum.sdk.core.wire.VkRequest;
import org.sferum.sdk.core.wire.VkResult;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.NotFoundException;
import org.sferum.sdk.error.OutcomeUnknownException;
import org.sferum.sdk.error.SferumException;
import org.sferum.sdk.error.ValidationException;
import org.sferum.sdk.messages.Draft;
import org.sferum.sdk.messages.Message;
import org.sferum.sdk.messages.MessageId;

/**
 * Reply privately (F-MSG-09) over the VK API, as {@code docs/wire/chats-direct.md} says: read the original with
 * {@code messages.getById} (its author and conversation message id), then {@code messages.send} to the author's
 * one-to-one chat with {@code forward={"peer_id": <group chat>, "conversation_message_ids": [<cmid>],
 * "is_reply": true}}, then read the answer back.
 */
final class PrivateReplies {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final VkApi api;
    private final TokenSource token;

    PrivateReplies(VkApi api, TokenSource token) {
        this.api = Objects.requireNonNull(api, "api");
        this.token = Objects.requireNonNull(token, "token");
    }

    Message send(ChatId chat, MessageId message, Draft draft) {
        if (!chat.isGroup()) {
            throw new ValidationException(ErrorCode.INVALID_ARGUMENT,
                    "reply privately answers a message of a group chat; in a one-to-one chat, reply to it");
        }
        if (draft.replyTo().isPresent()) {
            throw new ValidationException(ErrorCode.INVALID_ARGUMENT,
                    "a private reply answers the original message; the draft must not reply to another one");
        }
        if (!draft.forwarded().isEmpty()) {
            throw NotYet.available("Messages.replyPrivately with forwarded messages",
                    "the chats issue's follow-up (VK's reply object carries one message; forwarding more in it is "
                    + "not mapped yet)");
        }
        JsonNode original = original(chat, message);
        long author = Json.longOr(original, "from_id", 0);
        long cmid = Json.longOr(original, "conversation_message_id", 0);
        Map<String, Object> forward = new LinkedHashMap<>();
        forward.put("peer_id", chat.peerId());
        forward.put("conversation_message_ids", List.of(cmid));
        forward.put("is_reply", true);
        int randomId = draft.randomId().isPresent() ? draft.randomId().getAsInt() : newRandomId();
        VkRequest send = VkRequest.idempotent("messages.send")
                .param("peer_id", author)
                .param("random_id", randomId)
                .param("message", draft.text())
                .param("forward", Json.write(forward));
        if (!draft.attachments().isEmpty()) {
            send.param("attachment", org.sferum.sdk.core.attachments.WireAttachments.attachmentParam(
                    draft.attachments()));
        }
        long id = api.call(token, send, sent -> {
            JsonNode response = sent.response();
            long value = response.isObject() ? Json.longOr(response, "message_id", 0) : Json.asLong(response, 0);
            if (value <= 0) {
                throw sent.malformed("is not a message id");
            }
            return value;
        });
        try {
            VkResult read = api.call(token, VkRequest.idempotent("messages.getById").param("message_ids", id));
            for (JsonNode item : WireMessages.items(read)) {
                if (Json.longOr(item, "id", 0) == id) {
                    return MessageDecoder.decode(item, read)
                            .orElseThrow(() -> read.malformed("holds the sent message in a form this SDK cannot read"));
                }
            }
            throw read.malformed("does not hold the message " + id + " just sent");
        } catch (SferumException e) {
            // The answer was sent: never report it as a plain failure.
            throw new OutcomeUnknownException("the private reply was stored as message " + id + " in chat " + author
                    + " but reading it back failed (" + e.code() + "); read it with that chat's history, do not send"
                    + " it again", new OutcomeUnknownException.Subject("messages.send",
                    Optional.of(ChatId.of(author)), OptionalInt.of(randomId), List.of(MessageId.of(id))), null,
                    e.requestId().orElse(null), e);
        }
    }

    /**
     * Reads the original; when the service does not return it, asks for the chat's history (no messages) so that
     * a chat the user cannot see is refused with its own code, and otherwise reports the message as not found.
     */
    private JsonNode original(ChatId chat, MessageId message) {
        VkResult read = api.call(token, VkRequest.idempotent("messages.getById").param("message_ids", message.value()));
        for (JsonNode item : WireMessages.items(read)) {
            if (Json.longOr(item, "id", 0) == message.value() && Json.longOr(item, "peer_id", 0) == chat.peerId()
                    && Json.longOr(item, "from_id", 0) > 0) {
                return item;
            }
        }
        api.call(token, VkRequest.idempotent("messages.getHistory").param("peer_id", chat.peerId()).param("count", 0));
        throw new NotFoundException(ErrorCode.MESSAGE_NOT_FOUND,
                "message " + message.value() + " is not in chat " + chat.localId());
    }

    private static int newRandomId() {
        int id;
        do {
            id = RANDOM.nextInt();
        } while (id == 0);
        return id;
    }
}
