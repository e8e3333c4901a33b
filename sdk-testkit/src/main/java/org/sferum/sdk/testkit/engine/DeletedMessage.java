package org.sferum.sdk.testkit.engine;

import java.util.Objects;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.messages.MessageId;

/**
 * One message of a delete (F-MSG-06), as VK's {@code messages_delete_full_response} lists it.
 *
 * @param chat the chat of the message
 * @param message the message
 * @param conversationMessageId its number within the chat
 */
public record DeletedMessage(ChatId chat, MessageId message, long conversationMessageId) {
    /**
     * Validates the fields.
     *
     * @param chat the chat of the message
     * @param message the message
     * @param conversationMessageId its number within the chat
     */
    public DeletedMessage {
        Objects.requireNonNull(chat, "chat");
        Objects.requireNonNull(message, "message");
    }
}
