package org.sferum.sdk.core.messages;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.core.wire.Json;
import org.sferum.sdk.core.wire.VkErrorCodes;
import org.sferum.sdk.core.wire.VkResult;
import org.sferum.sdk.error.ServiceException;
import org.sferum.sdk.messages.Message;

/**
 * The hot paths' decoders without a tree (issue 15): {@code messages.send}'s ids and a {@code messages.getHistory}
 * page read straight from a streamed answer's bytes with Jackson's streaming parser. Only the rare parts of a
 * message (attachments, forwarded messages, the reply) become small trees, read by the same code as
 * {@link MessageDecoder}. They read what the tree decoders read, with the same rules: the same values, and
 * {@code MALFORMED_RESPONSE} for the same answers (an answer that cannot be read at all included).
 */
final class StreamedDecoders {
    private StreamedDecoders() {
    }

    /** {@link WireMessages.SentIds#decode}, streamed. */
    static WireMessages.SentIds sentIds(VkResult result, ChatId chat) {
        try (JsonParser p = result.responseParser()) {
            JsonToken token = p.currentToken();
            if (token == JsonToken.START_ARRAY) {
                while ((token = p.nextToken()) != JsonToken.END_ARRAY && token != null) {
                    if (token != JsonToken.START_OBJECT) {
                        p.skipChildren();
                        continue;
                    }
                    long peer = 0;
                    long id = 0;
                    long cmid = 0;
                    long date = 0;
                    JsonNode error = null;
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String name = p.currentName();
                        p.nextToken();
                        switch (name) {
                            case "peer_id" -> peer = longValue(p, 0);
                            case "message_id" -> id = longValue(p, 0);
                            case "conversation_message_id" -> cmid = longValue(p, 0);
                            case "date" -> date = longValue(p, 0);
                            case "error" -> error = p.readValueAsTree();
                            default -> p.skipChildren();
                        }
                    }
                    if (peer == chat.peerId()) {
                        if (error != null && error.isObject()) {
                            throw VkErrorCodes.exception(result, error);
                        }
                        if (id <= 0) {
                            break;
                        }
                        return new WireMessages.SentIds(id, Math.max(0, cmid), date);
                    }
                }
                throw result.malformed("holds no message id for the chat");
            }
            long id = 0;
            if (token == JsonToken.START_OBJECT) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    if (name.equals("message_id")) {
                        id = longValue(p, 0);
                    } else {
                        p.skipChildren();
                    }
                }
            } else {
                id = longValue(p, 0);
            }
            if (id <= 0) {
                throw result.malformed("is not a message id");
            }
            return new WireMessages.SentIds(id, 0, 0);
        } catch (IOException e) {
            throw unreadable(result);
        }
    }

    /** One history page as {@link WireMessages#historyPage} reads it: the messages kept, the last id, the sizes. */
    record HistoryItems(List<Message> messages, long lastId, int items, long count) {
    }

    /** Reads a {@code messages.getHistory} answer's first {@code size} items (counting the rest), streamed. */
    static HistoryItems history(VkResult result, int size) {
        try (JsonParser p = result.responseParser()) {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                throw result.malformed("has no items list");
            }
            List<Message> messages = null;
            long lastId = 0;
            int items = 0;
            long count = -1;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken token = p.nextToken();
                if (name.equals("count")) {
                    count = longValue(p, -1);
                } else if (name.equals("items")) {
                    if (token != JsonToken.START_ARRAY) {
                        throw result.malformed("has no items list");
                    }
                    messages = new ArrayList<>(Math.min(size, 200));
                    lastId = 0;
                    items = 0;
                    while ((token = p.nextToken()) != JsonToken.END_ARRAY && token != null) {
                        if (items < size) {
                            lastId = message(p, result, messages);
                        } else {
                            p.skipChildren();
                        }
                        items++;
                    }
                } else {
                    p.skipChildren();
                }
            }
            if (messages == null) {
                throw result.malformed("has no items list");
            }
            return new HistoryItems(messages, lastId, items, count);
        } catch (IOException e) {
            throw unreadable(result);
        }
    }

    /** Reads one message object as {@link MessageDecoder#decode} does, adding it when representable; its id. */
    private static long message(JsonParser p, VkResult result, List<Message> out) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw result.malformed("has a message that is not an object");
        }
        long id = 0;
        long peer = 0;
        long date = -1;
        long from = 0;
        long edited = 0;
        long cmid = 0;
        long replyId = 0;
        String text = "";
        boolean important = false;
        JsonNode attachments = null;
        JsonNode forwarded = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken token = p.nextToken();
            switch (name) {
                case "id" -> id = longValue(p, 0);
                case "peer_id" -> peer = longValue(p, 0);
                case "date" -> date = longValue(p, -1);
                case "from_id" -> from = longValue(p, 0);
                case "update_time" -> edited = longValue(p, 0);
                case "conversation_message_id" -> cmid = longValue(p, 0);
                case "text" -> text = text(p, "");
                case "important" -> important = bool(p);
                case "reply_message" -> {
                    JsonNode reply = token == JsonToken.START_OBJECT ? p.readValueAsTree() : null;
                    p.skipChildren();
                    replyId = reply != null ? Json.longOr(reply, "id", 0) : 0;
                }
                case "attachments" -> attachments = token == JsonToken.START_ARRAY ? p.readValueAsTree() : skip(p);
                case "fwd_messages" -> forwarded = token == JsonToken.START_ARRAY ? p.readValueAsTree() : skip(p);
                default -> p.skipChildren();
            }
        }
        if (id <= 0 || peer == 0 || date < 0) {
            throw result.malformed("has a message without a valid id, peer_id or date");
        }
        if (peer > 0 && from > 0 && MessageDecoder.isChatId(peer)) {
            out.add(MessageDecoder.message(id, peer, date, from, edited, cmid, text, replyId,
                    MessageDecoder.attachments(attachments), MessageDecoder.forwarded(forwarded, result), important));
        }
        return id;
    }

    private static JsonNode skip(JsonParser p) throws IOException {
        p.skipChildren();
        return null;
    }

    /** {@link Json#asLong}'s rules on the current token: an integer that fits, or a text holding one. */
    private static long longValue(JsonParser p, long fallback) throws IOException {
        JsonToken token = p.currentToken();
        if (token == JsonToken.VALUE_NUMBER_INT) {
            return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? fallback : p.getLongValue();
        }
        if (token == JsonToken.VALUE_STRING) {
            try {
                return Long.parseLong(p.getText().trim());
            } catch (NumberFormatException e) {
                return fallback;
            }
        }
        p.skipChildren();
        return fallback;
    }

    /** {@link Json#text}'s rules: a scalar's text; the fallback for null and for an object or array. */
    private static String text(JsonParser p, String fallback) throws IOException {
        JsonToken token = p.currentToken();
        if (token == null || token == JsonToken.VALUE_NULL) {
            return fallback;
        }
        if (token.isStructStart()) {
            p.skipChildren();
            return fallback;
        }
        return p.getText();
    }

    /** {@link Json#bool}'s rules: true, a non-zero number, or the text {@code 1} or {@code true}. */
    private static boolean bool(JsonParser p) throws IOException {
        JsonToken token = p.currentToken();
        if (token == JsonToken.VALUE_TRUE) {
            return true;
        }
        if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
            return p.getDoubleValue() != 0;
        }
        if (token == JsonToken.VALUE_STRING) {
            String text = p.getText().trim();
            return text.equals("1") || text.equalsIgnoreCase("true");
        }
        p.skipChildren();
        return false;
    }

    private static ServiceException unreadable(VkResult result) {
        return result.malformed("is not JSON of the expected shape");
    }
}
