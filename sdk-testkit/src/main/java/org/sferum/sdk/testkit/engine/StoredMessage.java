package org.sferum.sdk.testkit.engine;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.messages.Message;
import org.sferum.sdk.messages.MessageId;
import org.sferum.sdk.users.UserId;

/** A message as the engine stores it. Immutable; a change replaces it. */
final class StoredMessage {
    final long id;
    final ChatId chat;
    final long cmid;
    final UserId author;
    final String text;
    final Instant sentAt;
    final Optional<MessageId> replyTo;
    final int randomId;

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
        return new Message(MessageId.of(id), chat, cmid, author, text, sentAt, Optional.empty(), replyTo,
                List.of());
    }
}
