package org.sferum.sdk.core.max;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.sferum.sdk.attachments.MediaId;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.core.wire.Json;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.NotFoundException;
import org.sferum.sdk.error.ValidationException;
import org.sferum.sdk.internal.Checks;
import org.sferum.sdk.messages.Draft;
import org.sferum.sdk.messages.HistoryOrder;
import org.sferum.sdk.messages.HistoryQuery;
import org.sferum.sdk.messages.Message;
import org.sferum.sdk.messages.MessageId;
import org.sferum.sdk.messages.Messages;
import org.sferum.sdk.messages.ReportReason;
import org.sferum.sdk.paging.Page;
import org.sferum.sdk.paging.PageCursor;
import org.sferum.sdk.paging.PageRequest;
import org.sferum.sdk.users.AccessToken;

/**
 * A bot's messages over the MAX Bot API ({@code BOT_MESSAGING}): {@code POST /messages?chat_id=} (a reply or one
 * forward through {@code link}), {@code GET /messages} paged by time ({@code before} newest first, {@code after}
 * oldest first), {@code PUT} and {@code DELETE /messages?message_id=}, {@code GET/PUT/DELETE /chats/{id}/pin}. The
 * rest of {@link Messages} needs {@code MESSAGING}, which MAX does not offer: the session's guard refuses it before
 * it gets here.
 */
final class MaxMessages implements Messages {
    /** The MAX Bot API's longest text ({@code NewMessageBody.text}). */
    static final int MAX_TEXT_LENGTH = 4000;
    /** The most messages {@code GET /messages} answers at once. */
    static final int MAX_COUNT = 100;

    private final MaxApi api;
    private final AccessToken token;
    private final MaxIds ids;
    private final MaxDecoder decoder;

    MaxMessages(MaxApi api, AccessToken token, MaxIds ids, MaxDecoder decoder) {
        this.api = api;
        this.token = token;
        this.ids = ids;
        this.decoder = decoder;
    }

    @Override
    public Message send(ChatId chat, Draft draft) {
        return send(chat, draft, null);
    }

    /**
     * Sends, with an {@code inline_keyboard} of the given rows when not null ({@link MaxLinkButtons}).
     *
     * @param chat the chat
     * @param draft the message
     * @param keyboard the keyboard's rows of buttons, or null
     * @return the message as sent
     */
    Message send(ChatId chat, Draft draft, com.fasterxml.jackson.databind.node.ArrayNode keyboard) {
        Checks.notNull(chat, "chat");
        Checks.notNull(draft, "draft");
        long maxChat = ids.maxChat(chat);
        ObjectNode body = Json.MAPPER.createObjectNode();
        int length = draft.text().codePointCount(0, draft.text().length());
        Checks.require(length <= MAX_TEXT_LENGTH, ErrorCode.MESSAGE_TOO_LONG, "message text is " + length
                + " characters; the MAX Bot API takes at most " + MAX_TEXT_LENGTH + ". Split it into several messages");
        Checks.require(draft.forwarded().size() <= 1 && (draft.forwarded().isEmpty() || draft.replyTo().isEmpty()),
                ErrorCode.INVALID_ARGUMENT, "a MAX message links one message: a reply or one forwarded message,"
                        + " not " + draft.forwarded().size() + " forwards" + (draft.replyTo().isPresent()
                        ? " and a reply" : ""));
        if (!draft.text().isEmpty()) {
            body.put("text", draft.text());
        }
        if (!draft.attachments().isEmpty()) {
            com.fasterxml.jackson.databind.node.ArrayNode list = body.putArray("attachments");
            for (org.sferum.sdk.attachments.Attachment attachment : draft.attachments()) {
                list.add(attachmentRequest(attachment));
            }
        }
        if (keyboard != null) {
            ObjectNode request = (body.has("attachments") ? (com.fasterxml.jackson.databind.node.ArrayNode)
                    body.get("attachments") : body.putArray("attachments")).addObject();
            request.put("type", "inline_keyboard");
            request.putObject("payload").set("buttons", keyboard);
        }
        if (draft.replyTo().isPresent()) {
            body.putObject("link").put("type", "reply").put("mid", ids.mid(draft.replyTo().get()));
        } else if (!draft.forwarded().isEmpty()) {
            body.putObject("link").put("type", "forward").put("mid", ids.mid(draft.forwarded().get(0)));
        }
        Map<String, String> query = MaxApi.query();
        query.put("chat_id", Long.toString(maxChat));
        JsonNode answer = api.call(token, "POST", "/messages", query, body, Duration.ZERO);
        if (!answer.path("message").isObject()) {
            throw MaxDecoder.malformed("POST /messages without message");
        }
        return decoder.message(answer.path("message"));
    }

    /**
     * An {@code AttachmentRequest}: {@code {type, payload: {token}}} of a photo, video or file this client uploaded
     * or received.
     */
    private ObjectNode attachmentRequest(org.sferum.sdk.attachments.Attachment attachment) {
        MediaId id;
        if (attachment instanceof org.sferum.sdk.attachments.Attachment.Photo photo) {
            id = photo.id();
        } else if (attachment instanceof org.sferum.sdk.attachments.Attachment.Video video) {
            id = video.id();
        } else if (attachment instanceof org.sferum.sdk.attachments.Attachment.File file) {
            id = file.id();
        } else {
            throw new ValidationException(ErrorCode.INVALID_ARGUMENT, "a MAX message carries photos, videos and"
                    + " files, not " + attachment.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT)
                    + "s");
        }
        MaxIds.Item item = ids.item(id);
        ObjectNode request = Json.MAPPER.createObjectNode().put("type", item.type());
        request.putObject("payload").put("token", item.token());
        return request;
    }

    @Override
    public Page<Message> history(ChatId chat, HistoryQuery query) {
        Checks.notNull(chat, "chat");
        Checks.notNull(query, "history query");
        boolean newestFirst = query.order() == HistoryOrder.NEWEST_FIRST;
        int size = Math.min(query.page().size(), MAX_COUNT);
        long boundary = -1;
        int seenAtBoundary = 0;
        if (query.page().cursor().isPresent()) {
            String[] parts = query.page().cursor().get().value().split(":");
            try {
                boundary = Long.parseLong(parts[0]);
                seenAtBoundary = Integer.parseInt(parts[1]);
            } catch (RuntimeException e) {
                throw new ValidationException(ErrorCode.INVALID_PAGE_REQUEST, "the page cursor is not one this"
                        + " backend gave; start from the first page");
            }
        }
        int count = Math.min(MAX_COUNT, size + seenAtBoundary);
        Map<String, String> params = MaxApi.query();
        params.put("chat_id", Long.toString(ids.maxChat(chat)));
        params.put("count", Integer.toString(count));
        if (newestFirst && boundary >= 0) {
            params.put("before", Long.toString(boundary + 1));
        } else if (!newestFirst) {
            params.put("after", Long.toString(Math.max(0, boundary - 1)));
        }
        JsonNode answer = api.call(token, "GET", "/messages", params, null, Duration.ZERO);
        List<Message> fetched = new ArrayList<>();
        for (JsonNode message : answer.path("messages")) {
            fetched.add(decoder.message(message));
        }
        if (!newestFirst) {
            java.util.Collections.reverse(fetched);
        }
        List<Message> page = new ArrayList<>();
        int skipped = 0;
        for (Message message : fetched) {
            if (skipped < seenAtBoundary && message.sentAt().toEpochMilli() == boundary) {
                skipped++;
            } else if (page.size() < size) {
                page.add(message);
            }
        }
        Optional<PageCursor> next = Optional.empty();
        if (fetched.size() == count && !page.isEmpty()) {
            long last = page.get(page.size() - 1).sentAt().toEpochMilli();
            int atLast = 0;
            for (Message message : page) {
                atLast += message.sentAt().toEpochMilli() == last ? 1 : 0;
            }
            if (last == boundary) {
                atLast += seenAtBoundary;
            }
            next = Optional.of(PageCursor.of(last + ":" + atLast));
        }
        return new Page<>(page, next, OptionalLong.empty());
    }

    @Override
    public Message edit(ChatId chat, MessageId message, String newText) {
        Checks.notNull(chat, "chat");
        Checks.notNull(message, "message");
        String text = Draft.text(newText).text();
        int length = text.codePointCount(0, text.length());
        Checks.require(length <= MAX_TEXT_LENGTH, ErrorCode.MESSAGE_TOO_LONG, "message text is " + length
                + " characters; the MAX Bot API takes at most " + MAX_TEXT_LENGTH);
        byId(chat, message);
        Map<String, String> query = MaxApi.query();
        query.put("message_id", ids.mid(message));
        // no "attachments" field: MAX keeps the message's attachments ([] would delete them)
        api.call(token, "PUT", "/messages", query, Json.MAPPER.createObjectNode().put("text", text), Duration.ZERO);
        return byId(chat, message);
    }

    @Override
    public void delete(ChatId chat, List<MessageId> messages, boolean forEveryone) {
        Checks.notNull(chat, "chat");
        Checks.require(messages != null && !messages.isEmpty(), ErrorCode.INVALID_ARGUMENT,
                "name at least one message to delete");
        Checks.require(forEveryone, ErrorCode.INVALID_ARGUMENT, "a MAX bot deletes messages for everyone only;"
                + " pass forEveryone = true");
        for (MessageId message : messages) {
            byId(chat, message);
        }
        for (MessageId message : messages) {
            Map<String, String> query = MaxApi.query();
            query.put("message_id", ids.mid(message));
            api.call(token, "DELETE", "/messages", query, null, Duration.ZERO);
        }
    }

    @Override
    public void pin(ChatId chat, MessageId message) {
        Checks.notNull(message, "message");
        ObjectNode body = Json.MAPPER.createObjectNode().put("message_id", ids.mid(message)).put("notify", false);
        api.call(token, "PUT", "/chats/" + ids.maxChat(chat) + "/pin", MaxApi.query(), body, Duration.ZERO);
    }

    @Override
    public void unpin(ChatId chat) {
        api.call(token, "DELETE", "/chats/" + ids.maxChat(chat) + "/pin", MaxApi.query(), null, Duration.ZERO);
    }

    @Override
    public Optional<Message> pinned(ChatId chat) {
        JsonNode answer = api.call(token, "GET", "/chats/" + ids.maxChat(chat) + "/pin", MaxApi.query(), null,
                Duration.ZERO);
        return answer.path("message").isObject() ? Optional.of(decoder.message(answer.path("message")))
                : Optional.empty();
    }

    /** Reads one message ({@code GET /messages/{mid}}), checking that it is in the chat. */
    private Message byId(ChatId chat, MessageId message) {
        String mid = ids.mid(Checks.notNull(message, "message"));
        JsonNode answer = api.call(token, "GET", "/messages/" + mid, MaxApi.query(), null, Duration.ZERO);
        Message found = decoder.message(answer);
        if (!found.chat().equals(chat)) {
            throw new NotFoundException(ErrorCode.MESSAGE_NOT_FOUND, "message " + message.value()
                    + " is not in chat " + chat + "; use a message of the same chat");
        }
        return found;
    }

    @Override
    public List<MessageId> markImportant(List<MessageId> messages, boolean important) {
        throw MaxRefusals.refusal("Messages.markImportant");
    }

    @Override
    public void report(ChatId chat, MessageId message, ReportReason reason) {
        throw MaxRefusals.refusal("Messages.report");
    }

    @Override
    public Message replyPrivately(ChatId chat, MessageId message, Draft draft) {
        throw MaxRefusals.refusal("Messages.replyPrivately");
    }

    @Override
    public void markRead(ChatId chat, MessageId upTo) {
        throw MaxRefusals.refusal("Messages.markRead");
    }

    @Override
    public Page<Message> search(ChatId chat, String query, PageRequest page) {
        throw MaxRefusals.refusal("Messages.search");
    }

    @Override
    public void setDisappearing(ChatId chat, Optional<Duration> after) {
        throw MaxRefusals.refusal("Messages.setDisappearing");
    }
}
