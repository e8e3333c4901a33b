package org.sferum.sdk.messages;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.sferum.sdk.attachments.Attachment;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.users.UserId;

/**
 * A message in a chat.
 *
 * @param id the message id
 * @param chat the chat it belongs to
 * @param conversationMessageId its number within the chat, increasing by one per message (VK's {@code cmid})
 * @param author who sent it
 * @param text its text, possibly empty when it has attachments
 * @param sentAt when it was sent
 * @param editedAt when it was last edited
 * @param replyTo the message it answers
 * @param attachments its attachments
 * @param forwarded the messages it forwards (F-MSG-03), as they were when forwarded; a forwarded message keeps its
 *     original id, chat and author, and its own {@code important} flag is always {@code false}
 * @param important whether the reader marked it important (F-MSG-04); each reader has their own flag
 */
public record Message(MessageId id, ChatId chat, long conversationMessageId, UserId author, String text,
                      Instant sentAt, Optional<Instant> editedAt, Optional<MessageId> replyTo,
                      List<Attachment> attachments, List<Message> forwarded, boolean important) {
    /**
     * Validates and copies the fields.
     *
     * @param id the message id
     * @param chat the chat it belongs to
     * @param conversationMessageId its number within the chat, increasing by one per message (VK's {@code cmid})
     * @param author who sent it
     * @param text its text, possibly empty when it has attachments
     * @param sentAt when it was sent
     * @param editedAt when it was last edited
     * @param replyTo the message it answers
     * @param attachments its attachments
     * @param forwarded the messages it forwards, as they were when forwarded
     * @param important whether the reader marked it important
     */
    public Message {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(chat, "chat");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(sentAt, "sentAt");
        Objects.requireNonNull(editedAt, "editedAt");
        Objects.requireNonNull(replyTo, "replyTo");
        attachments = List.copyOf(attachments);
        forwarded = List.copyOf(forwarded);
    }

    /**
     * A message that forwards nothing and is not marked important.
     *
     * @param id the message id
     * @param chat the chat it belongs to
     * @param conversationMessageId its number within the chat
     * @param author who sent it
     * @param text its text
     * @param sentAt when it was sent
     * @param editedAt when it was last edited
     * @param replyTo the message it answers
     * @param attachments its attachments
     */
    public Message(MessageId id, ChatId chat, long conversationMessageId, UserId author, String text,
                   Instant sentAt, Optional<Instant> editedAt, Optional<MessageId> replyTo,
                   List<Attachment> attachments) {
        this(id, chat, conversationMessageId, author, text, sentAt, editedAt, replyTo, attachments, List.of(),
                false);
    }
}
