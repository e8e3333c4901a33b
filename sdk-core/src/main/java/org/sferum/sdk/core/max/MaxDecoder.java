package org.sferum.sdk.core.max;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.sferum.sdk.attachments.Attachment;
import java.util.Optional;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.ServiceException;
import org.sferum.sdk.events.SferumEvent;
import org.sferum.sdk.messages.Message;
import org.sferum.sdk.messages.MessageId;
import org.sferum.sdk.users.Person;
import org.sferum.sdk.users.UserId;

/**
 * Reads the MAX Bot API's objects ({@code User}, {@code Message}, {@code Update}) into the SDK's values. Times are
 * Unix milliseconds; a message's {@code seq} is its number in the chat ({@link Message#conversationMessageId()}).
 */
final class MaxDecoder {
    private final MaxIds ids;

    MaxDecoder(MaxIds ids) {
        this.ids = ids;
    }

    static Person person(JsonNode user) {
        long id = user.path("user_id").asLong(0);
        if (id <= 0 || !user.path("first_name").isTextual()) {
            throw malformed("a User without user_id or first_name");
        }
        return new Person(UserId.of(id), user.path("first_name").asText(),
                user.path("last_name").isTextual() ? user.path("last_name").asText() : "");
    }

    Message message(JsonNode message) {
        JsonNode body = message.path("body");
        JsonNode recipient = message.path("recipient");
        if (!body.path("mid").isTextual() || !recipient.path("chat_id").canConvertToLong()
                || !message.path("timestamp").canConvertToLong()) {
            throw malformed("a Message without body.mid, recipient.chat_id or timestamp");
        }
        ChatId chat = ids.chat(recipient.path("chat_id").asLong());
        if (!message.path("sender").isObject()) {
            throw malformed("a Message without sender: a channel's post, which this backend does not carry");
        }
        UserId author = person(message.path("sender")).id();
        Optional<MessageId> replyTo = Optional.empty();
        List<Message> forwarded = new ArrayList<>();
        JsonNode link = message.path("link");
        if (link.isObject() && link.path("message").path("mid").isTextual()) {
            if ("reply".equals(link.path("type").asText())) {
                replyTo = Optional.of(ids.message(link.path("message").path("mid").asText()));
            } else if ("forward".equals(link.path("type").asText())) {
                JsonNode original = link.path("message");
                ChatId from = link.path("chat_id").canConvertToLong() ? ids.chat(link.path("chat_id").asLong()) : chat;
                UserId by = link.path("sender").isObject() ? person(link.path("sender")).id() : author;
                forwarded.add(new Message(ids.message(original.path("mid").asText()), from,
                        original.path("seq").asLong(0), by, text(original), Instant.EPOCH, Optional.empty(),
                        Optional.empty(), List.of(), List.of(), false));
            }
        }
        return new Message(ids.message(body.path("mid").asText()), chat, body.path("seq").asLong(0), author,
                text(body), Instant.ofEpochMilli(message.path("timestamp").asLong()), Optional.empty(), replyTo,
                attachments(body.path("attachments"), author.value()), forwarded, false);
    }

    /**
     * A message's attachments: {@code image} as a photo (its {@code url}), {@code video} as a video, {@code file}
     * as a file ({@code filename}, {@code size}), each numbered by its token ({@link MaxIds#media}) so that it can be
     * sent again; buttons and other types as {@link Attachment.Unknown}.
     */
    private List<Attachment> attachments(JsonNode list, long sender) {
        List<Attachment> out = new ArrayList<>();
        for (JsonNode attachment : list) {
            String type = attachment.path("type").asText("");
            JsonNode payload = attachment.path("payload");
            String token = payload.path("token").isTextual() ? payload.path("token").asText()
                    : payload.path("photo_id").asText(payload.path("url").asText(""));
            switch (type) {
                case "image":
                    out.add(new Attachment.Photo(ids.media(sender, type, token), payload.path("url").asText("")));
                    break;
                case "video":
                    out.add(new Attachment.Video(ids.media(sender, type, token), ""));
                    break;
                case "file":
                    out.add(new Attachment.File(ids.media(sender, type, token), attachment.path("filename")
                            .asText(""), attachment.path("size").asLong(0)));
                    break;
                default:
                    out.add(new Attachment.Unknown(type));
            }
        }
        return out;
    }

    /**
     * Decodes an update into the SDK's event, when it has one: {@code message_created} and {@code message_edited}
     * (a {@code MessageSent} with the message as it is now, as the VK backend gives an edit), {@code message_removed},
     * {@code user_added}/{@code bot_added}, {@code user_removed}/{@code bot_removed}.
     *
     * @param update the update
     * @param self the bot, for its own {@code bot_added}/{@code bot_removed}
     * @return the event, or empty for update types the SDK has no event for
     */
    Optional<SferumEvent> event(JsonNode update, UserId self) {
        String type = update.path("update_type").asText("");
        switch (type) {
            case "message_created":
            case "message_edited": {
                Message message = message(update.path("message"));
                return Optional.of(new SferumEvent.MessageSent(message.chat(), message));
            }
            case "message_removed":
                return Optional.of(new SferumEvent.MessageDeleted(ids.chat(update.path("chat_id").asLong()),
                        ids.message(update.path("message_id").asText())));
            case "user_added":
                return Optional.of(new SferumEvent.MemberJoined(ids.chat(update.path("chat_id").asLong()),
                        person(update.path("user")).id()));
            case "bot_added":
                return Optional.of(new SferumEvent.MemberJoined(ids.chat(update.path("chat_id").asLong()), self));
            case "user_removed":
                return Optional.of(new SferumEvent.MemberLeft(ids.chat(update.path("chat_id").asLong()),
                        person(update.path("user")).id()));
            case "bot_removed":
                return Optional.of(new SferumEvent.MemberLeft(ids.chat(update.path("chat_id").asLong()), self));
            default:
                return Optional.empty();
        }
    }

    private static String text(JsonNode body) {
        return body.path("text").isTextual() ? body.path("text").asText() : "";
    }

    static ServiceException malformed(String what) {
        return new ServiceException(ErrorCode.MALFORMED_RESPONSE, "the MAX Bot API answered " + what);
    }
}
