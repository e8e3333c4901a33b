package org.sferum.sdk.core.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.events.SferumEvent;
import org.sferum.sdk.messages.Message;
import org.sferum.sdk.messages.MessageId;
import org.sferum.sdk.users.UserId;

/**
 * Reads VK's user long poll updates (version 3) that carry chat events, as {@code docs/wire/events.md} says:
 * <ul>
 *   <li>{@code [4, message_id, …]} (new) and {@code [5, message_id, …]} (edited) become {@code MessageSent}; the
 *   update does not carry the whole message (its conversation message id, reply, forwards), so the message is
 *   read with {@code messages.getById} [choice]. A message the user no longer sees by then is skipped.</li>
 *   <li>{@code [2, message_id, flags, peer_id]} with flag 131072 (deleted for all) becomes
 *   {@code MessageDeleted}; other flags are skipped.</li>
 *   <li>{@code [6, peer_id, message_id]} (the user read) and {@code [7, peer_id, message_id, reader_id]} (another
 *   member read; in a one-to-one chat the reader may be left out: it is the other user) become
 *   {@code MessagesRead}.</li>
 *   <li>{@code [52, 6, peer_id, user_id]} becomes {@code MemberJoined}; {@code [52, 7 | 8, peer_id, user_id]}
 *   (left, kicked) {@code MemberLeft}.</li>
 * </ul>
 * Any other update, or one that does not hold together, is skipped (empty).
 */
final class ChatEventDecoder {
    /** VK's flag of a message deleted for everyone. */
    static final long DELETED_ALL = 131072;

    /** What the decoder asks the service for. */
    interface Lookup {
        /**
         * Reads a message as the user sees it.
         *
         * @param id the message
         * @return the message; empty when the user does not see it (or it cannot be read now)
         */
        Optional<Message> message(MessageId id);

        /**
         * Returns the user of the subscription.
         *
         * @return the user; empty when it cannot be read now
         */
        Optional<UserId> self();
    }

    private ChatEventDecoder() {
    }

    /**
     * Decodes one update.
     *
     * @param update one element of {@code updates}
     * @param lookup where a message or the user is read
     * @return the chat event, or empty when the update is not one this client knows
     */
    static Optional<SferumEvent> decode(JsonNode update, Lookup lookup) {
        if (update == null || !update.isArray() || update.size() < 3 || !update.get(0).canConvertToInt()) {
            return Optional.empty();
        }
        try {
            return switch (update.get(0).asInt()) {
                case 4, 5 -> lookup.message(MessageId.of(number(update, 1)))
                        .map(message -> new SferumEvent.MessageSent(message.chat(), message));
                case 2 -> (number(update, 2) & DELETED_ALL) != 0
                        ? Optional.of(new SferumEvent.MessageDeleted(ChatId.of(number(update, 3)),
                                MessageId.of(number(update, 1))))
                        : Optional.empty();
                case 6 -> lookup.self().map(self -> new SferumEvent.MessagesRead(ChatId.of(number(update, 1)), self,
                        MessageId.of(number(update, 2))));
                case 7 -> read(update);
                case 52 -> member(update);
                default -> Optional.empty();
            };
        } catch (RuntimeException malformed) {
            // a field missing or out of range: the update is skipped, the subscription goes on
            return Optional.empty();
        }
    }

    private static Optional<SferumEvent> read(JsonNode update) {
        ChatId chat = ChatId.of(number(update, 1));
        UserId reader;
        if (update.size() > 3) {
            reader = UserId.of(number(update, 3));
        } else if (!chat.isGroup()) {
            reader = UserId.of(chat.peerId());
        } else {
            return Optional.empty();
        }
        return Optional.of(new SferumEvent.MessagesRead(chat, reader, MessageId.of(number(update, 2))));
    }

    private static Optional<SferumEvent> member(JsonNode update) {
        if (update.size() < 4) {
            return Optional.empty();
        }
        ChatId chat = ChatId.of(number(update, 2));
        UserId user = UserId.of(number(update, 3));
        return switch ((int) number(update, 1)) {
            case 6 -> Optional.of(new SferumEvent.MemberJoined(chat, user));
            case 7, 8 -> Optional.of(new SferumEvent.MemberLeft(chat, user));
            default -> Optional.empty();
        };
    }

    private static long number(JsonNode update, int index) {
        JsonNode value = update.get(index);
        if (value == null || !value.canConvertToLong()) {
            throw new IllegalArgumentException("element " + index + " is not a number");
        }
        return value.asLong();
    }
}
