package org.sferum.sdk.core.max;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sferum.sdk.attachments.MediaId;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.ValidationException;
import org.sferum.sdk.messages.MessageId;

/**
 * MAX's ids as the SDK's: a MAX {@code chat_id} (int64, negative for group chats) as a {@link ChatId}, a MAX
 * message id ({@code mid}, a string) as a {@link MessageId}. A group chat {@code -n} with {@code n} up to
 * {@link ChatId#MAX_LOCAL_ID} is {@code ChatId.group(n)}, and a {@code mid} of the form {@code mid.} + 16 hex digits
 * is the number they spell (both what the emulator's MAX face gives, so that its ids are the same on both faces);
 * any other id gets a number of its own from this table, kept for the client's life (choices, {@code
 * docs/wire/max.md}).
 */
final class MaxIds {
    private static final Pattern HEX_MID = Pattern.compile("mid\\.([0-9a-f]{16})");
    private final Map<Long, ChatId> chats = new ConcurrentHashMap<>();
    private final Map<ChatId, Long> maxChats = new ConcurrentHashMap<>();
    private final AtomicLong nextChat = new AtomicLong(ChatId.MAX_LOCAL_ID);
    private final Map<String, MessageId> messages = new ConcurrentHashMap<>();
    private final Map<MessageId, String> mids = new ConcurrentHashMap<>();
    private final AtomicLong nextMessage = new AtomicLong(Long.MAX_VALUE);
    private final Map<MediaId, Item> items = new ConcurrentHashMap<>();
    private final Map<String, MediaId> tokens = new ConcurrentHashMap<>();
    private final AtomicLong nextMedia = new AtomicLong(1);

    /** An attachment's MAX {@code type} and {@code token}: what a message carries to attach it. */
    record Item(String type, String token) {
    }

    /**
     * The SDK's id of an uploaded or received attachment, by its MAX token: a number of this client's own (MAX
     * tokens are opaque strings), kept for the client's life.
     *
     * @param owner who uploaded or sent it
     * @param type {@code image}, {@code video} or {@code file}
     * @param token its MAX token
     * @return the id
     */
    MediaId media(long owner, String type, String token) {
        return tokens.computeIfAbsent(type + ":" + token, t -> {
            MediaId id = new MediaId(owner, nextMedia.getAndIncrement());
            items.put(id, new Item(type, token));
            return id;
        });
    }

    /**
     * What a message carries to attach an item.
     *
     * @param id the item's id
     * @return its type and token
     * @throws ValidationException if this client did not upload or receive it on the MAX Bot API
     */
    Item item(MediaId id) {
        Item item = items.get(id);
        if (item == null) {
            throw new ValidationException(ErrorCode.INVALID_ARGUMENT, "attachment " + id.ownerId() + "_" + id.id()
                    + " was not uploaded or received on the MAX Bot API by this client; upload it with"
                    + " attachments() of this client first");
        }
        return item;
    }

    ChatId chat(long maxChatId) {
        if (maxChatId < 0 && -maxChatId <= ChatId.MAX_LOCAL_ID / 2) {
            return ChatId.group(-maxChatId);
        }
        return chats.computeIfAbsent(maxChatId, id -> {
            ChatId mapped = ChatId.group(nextChat.getAndDecrement());
            maxChats.put(mapped, id);
            return mapped;
        });
    }

    long maxChat(ChatId chat) {
        Long mapped = maxChats.get(chat);
        if (mapped != null) {
            return mapped;
        }
        if (!chat.isGroup()) {
            throw new ValidationException(ErrorCode.INVALID_ARGUMENT, "the MAX backend carries group chats only;"
                    + " a bot's one-to-one dialogs are not built yet (docs/backends.md)");
        }
        if (chat.localId() > ChatId.MAX_LOCAL_ID / 2) {
            throw new ValidationException(ErrorCode.INVALID_ARGUMENT, "chat " + chat.localId() + " was not seen on"
                    + " the MAX Bot API by this client; use the ids its answers give");
        }
        return -chat.localId();
    }

    MessageId message(String mid) {
        Matcher hex = HEX_MID.matcher(mid);
        if (hex.matches()) {
            long value = Long.parseUnsignedLong(hex.group(1), 16);
            if (value > 0 && value < Long.MAX_VALUE / 2) {
                return MessageId.of(value);
            }
        }
        return messages.computeIfAbsent(mid, m -> {
            MessageId mapped = MessageId.of(nextMessage.getAndDecrement());
            mids.put(mapped, m);
            return mapped;
        });
    }

    String mid(MessageId message) {
        String mapped = mids.get(message);
        if (mapped != null) {
            return mapped;
        }
        if (message.value() >= Long.MAX_VALUE / 2) {
            throw new ValidationException(ErrorCode.INVALID_ARGUMENT, "message " + message.value() + " was not seen"
                    + " on the MAX Bot API by this client; use the ids its answers give");
        }
        return String.format("mid.%016x", message.value());
    }
}
