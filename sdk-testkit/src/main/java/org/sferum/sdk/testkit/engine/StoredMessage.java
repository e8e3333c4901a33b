package org.sferum.sdk.testkit.engine;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sferum.sdk.attachments.Attachment;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.messages.Message;
import org.sferum.sdk.messages.MessageId;
import org.sferum.sdk.users.UserId;

/**
 * A message as the engine stores it. The identity fields are final; what message actions change (text, edit
 * time, deletions, important flags) is mutable and guarded by the engine's lock.
 */
final class StoredMessage {
    final long id;
    final ChatId chat;
    final long cmid;
    final UserId author;
    String text;
    final Instant sentAt;
    final Optional<MessageId> replyTo;
    final int randomId;

    // message actions part (F-MSG-03 … F-MSG-07, F-CHAT-11): guarded by the engine's lock
    /** When the text was last changed; {@code null} when never. */
    Instant editedAt;
    /** The messages it forwards, copied when it was sent. */
    List<Message> forwarded = List.of();
    /** Its attachments (F-ATT-01, F-ATT-03), reserved for it when it was sent. */
    List<Attachment> attachments = List.of();
    /** Deleted for every member. */
    boolean deletedForAll;
    /** The members who deleted it for themselves. */
    final Set<UserId> hiddenFor = new HashSet<>();
    /** When each member in {@link #hiddenFor} deleted it, for {@link MessageRestore}. */
    final Map<UserId, Instant> hiddenAt = new HashMap<>();
    /** Each member's reaction ({@link MessageReactions}), in the order they reacted. */
    final Map<UserId, Integer> reactions = new LinkedHashMap<>();
    /** The members who marked it important. */
    final Set<UserId> importantFor = new HashSet<>();
    /** When it disappears for everyone (a phantom chat's message); {@code null} when never. */
    Instant expiresAt;

    StoredMessage(long id, ChatId chat, long cmid, UserId author, String text, Instant sentAt,
                  Optional<MessageId> replyTo, int randomId) {
        this.id = id;
        this.chat = chat;
        this.cmid = cmid;
        this.author = author;
        this.text = text;
        this.sentAt = sentAt;
        this.replyTo = replyTo;
        this.randomId = randomId;
    }

    Message toMessage() {
        return toMessage(null);
    }

    /**
     * The message as one reader sees it: with the reader's own important flag.
     *
     * @param reader who reads; {@code null} for no one (no flag)
     * @return the message
     */
    Message toMessage(UserId reader) {
        return new Message(MessageId.of(id), chat, cmid, author, text, sentAt, Optional.ofNullable(editedAt),
                replyTo, attachments, forwarded, reader != null && importantFor.contains(reader));
    }

    /**
     * Tells whether a reader sees the message: not deleted for everyone or by the reader, not expired.
     *
     * @param reader the reader
     * @param now the engine's time
     * @return whether it is visible
     */
    boolean visibleTo(UserId reader, Instant now) {
        return !deletedForAll && !hiddenFor.contains(reader) && (expiresAt == null || now.isBefore(expiresAt));
    }
}
