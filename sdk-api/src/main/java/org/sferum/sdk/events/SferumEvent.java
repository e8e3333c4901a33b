package org.sferum.sdk.events;

import java.util.Objects;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.messages.Message;
import org.sferum.sdk.messages.MessageId;
import org.sferum.sdk.users.UserId;

/** Something that happened on the platform that an embedding UI may show at once (F-EMB-02). */
public sealed interface SferumEvent
        permits SferumEvent.MessageSent, SferumEvent.MessageDeleted, SferumEvent.MemberJoined,
        SferumEvent.MemberLeft {

    /**
     * Returns the chat the event belongs to.
     *
     * @return the chat
     */
    ChatId chat();

    /**
     * A message was sent or edited.
     *
     * @param chat the chat
     * @param message the message as stored
     */
    record MessageSent(ChatId chat, Message message) implements SferumEvent {
        /**
         * Validates the fields.
         *
         * @param chat the chat
         * @param message the message as stored
         */
        public MessageSent {
            Objects.requireNonNull(chat, "chat");
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * A message was deleted for everyone.
     *
     * @param chat the chat
     * @param message the message
     */
    record MessageDeleted(ChatId chat, MessageId message) implements SferumEvent {
        /**
         * Validates the fields.
         *
         * @param chat the chat
         * @param message the message
         */
        public MessageDeleted {
            Objects.requireNonNull(chat, "chat");
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * A member joined a chat.
     *
     * @param chat the chat
     * @param user the member
     */
    record MemberJoined(ChatId chat, UserId user) implements SferumEvent {
        /**
         * Validates the fields.
         *
         * @param chat the chat
         * @param user the member
         */
        public MemberJoined {
            Objects.requireNonNull(chat, "chat");
            Objects.requireNonNull(user, "user");
        }
    }

    /**
     * A member left or was removed from a chat.
     *
     * @param chat the chat
     * @param user the member
     */
    record MemberLeft(ChatId chat, UserId user) implements SferumEvent {
        /**
         * Validates the fields.
         *
         * @param chat the chat
         * @param user the member
         */
        public MemberLeft {
            Objects.requireNonNull(chat, "chat");
            Objects.requireNonNull(user, "user");
        }
    }
}
