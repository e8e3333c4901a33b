package org.sferum.sdk.events;

import java.util.Objects;
import org.sferum.sdk.calls.CallId;
import org.sferum.sdk.calls.CallKind;
import org.sferum.sdk.calls.ParticipantId;
import org.sferum.sdk.calls.Recording;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.messages.Message;
import org.sferum.sdk.messages.MessageId;
import org.sferum.sdk.users.UserId;

/**
 * Something that happened on the platform that an embedding UI may show at once (F-EMB-02): a {@link ChatEvent}
 * in one of the user's chats or a {@link CallEvent} in one of their calls. A sealed type: switch over its cases.
 */
public sealed interface SferumEvent
        permits SferumEvent.ChatEvent, SferumEvent.CallEvent {

    /** Something that happened in a chat. */
    sealed interface ChatEvent extends SferumEvent
            permits MessageSent, MessageDeleted, MessagesRead, MemberJoined, MemberLeft {
        /**
         * Returns the chat the event belongs to.
         *
         * @return the chat
         */
        ChatId chat();
    }

    /** Something that happened in a call (the calls issue): delivered to the call's participants. */
    sealed interface CallEvent extends SferumEvent
            permits CallStarted, ParticipantJoined, ParticipantLeft, ParticipantWaiting, HandRaised,
            AttentionRequested, RecordingReady, CallEnded {
        /**
         * Returns the call the event belongs to.
         *
         * @return the call
         */
        CallId call();
    }

    /**
     * A message was sent or edited (F-MSG-01, F-MSG-07): delivered to every member who sees it, the author too.
     *
     * @param chat the chat, as the receiving member addresses it ({@code direct(otherUser)} in a one-to-one chat)
     * @param message the message as the receiving member sees it (an edit has {@link Message#editedAt()})
     */
    record MessageSent(ChatId chat, Message message) implements ChatEvent {
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
     * A message was deleted for everyone (F-MSG-06): delivered to the members who saw it.
     *
     * @param chat the chat
     * @param message the message
     */
    record MessageDeleted(ChatId chat, MessageId message) implements ChatEvent {
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
     * A member read a chat up to a message (F-MSG-11): delivered to every member, the reader too.
     *
     * @param chat the chat, as the receiving member addresses it
     * @param reader who read
     * @param upTo the last message read
     */
    record MessagesRead(ChatId chat, UserId reader, MessageId upTo) implements ChatEvent {
        /**
         * Validates the fields.
         *
         * @param chat the chat
         * @param reader who read
         * @param upTo the last message read
         */
        public MessagesRead {
            Objects.requireNonNull(chat, "chat");
            Objects.requireNonNull(reader, "reader");
            Objects.requireNonNull(upTo, "upTo");
        }
    }

    /**
     * A member was added to a chat or joined it by its link (F-CHAT-05, F-CHAT-10): delivered to every member,
     * the new one too.
     *
     * @param chat the chat
     * @param user the member
     */
    record MemberJoined(ChatId chat, UserId user) implements ChatEvent {
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
     * A member left or was removed from a chat (F-CHAT-05): delivered to every member, the one leaving too (their
     * last event of the chat).
     *
     * @param chat the chat
     * @param user the member
     */
    record MemberLeft(ChatId chat, UserId user) implements ChatEvent {
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

    /**
     * A call started: its links work from now on (F-SECT-02). Delivered to everyone invited.
     *
     * @param call the call
     * @param kind how it came to be
     * @param title its title
     */
    record CallStarted(CallId call, CallKind kind, String title) implements CallEvent {
        /**
         * Validates the fields.
         *
         * @param call the call
         * @param kind how it came to be
         * @param title its title
         */
        public CallStarted {
            Objects.requireNonNull(call, "call");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(title, "title");
        }
    }

    /**
     * Someone joined a call, or was admitted from its waiting room.
     *
     * @param call the call
     * @param participant who
     * @param name the name shown
     */
    record ParticipantJoined(CallId call, ParticipantId participant, String name) implements CallEvent {
        /**
         * Validates the fields.
         *
         * @param call the call
         * @param participant who
         * @param name the name shown
         */
        public ParticipantJoined {
            Objects.requireNonNull(call, "call");
            Objects.requireNonNull(participant, "participant");
            Objects.requireNonNull(name, "name");
        }
    }

    /**
     * Someone left a call, or was removed from it.
     *
     * @param call the call
     * @param participant who
     * @param removed whether the organiser removed them
     */
    record ParticipantLeft(CallId call, ParticipantId participant, boolean removed) implements CallEvent {
        /**
         * Validates the fields.
         *
         * @param call the call
         * @param participant who
         * @param removed whether they were removed
         */
        public ParticipantLeft {
            Objects.requireNonNull(call, "call");
            Objects.requireNonNull(participant, "participant");
        }
    }

    /**
     * Someone is waiting to be admitted (F-CALL-07). Delivered to the organiser and the call admins.
     *
     * @param call the call
     * @param participant who
     * @param name the name shown
     */
    record ParticipantWaiting(CallId call, ParticipantId participant, String name) implements CallEvent {
        /**
         * Validates the fields.
         *
         * @param call the call
         * @param participant who
         * @param name the name shown
         */
        public ParticipantWaiting {
            Objects.requireNonNull(call, "call");
            Objects.requireNonNull(participant, "participant");
            Objects.requireNonNull(name, "name");
        }
    }

    /**
     * A participant raised or lowered their hand (F-CALL-05).
     *
     * @param call the call
     * @param participant who
     * @param raised {@code true} when raised, {@code false} when lowered
     */
    record HandRaised(CallId call, ParticipantId participant, boolean raised) implements CallEvent {
        /**
         * Validates the fields.
         *
         * @param call the call
         * @param participant who
         * @param raised whether raised
         */
        public HandRaised {
            Objects.requireNonNull(call, "call");
            Objects.requireNonNull(participant, "participant");
        }
    }

    /**
     * The organiser asked a participant for their attention (F-CALL-09). Delivered to that participant.
     *
     * @param call the call
     * @param participant whose attention
     */
    record AttentionRequested(CallId call, ParticipantId participant) implements CallEvent {
        /**
         * Validates the fields.
         *
         * @param call the call
         * @param participant whose attention
         */
        public AttentionRequested {
            Objects.requireNonNull(call, "call");
            Objects.requireNonNull(participant, "participant");
        }
    }

    /**
     * A recording stopped and was posted in the call's chat (F-CALL-10, F-CALL-11).
     *
     * @param call the call
     * @param recording the recording, as the receiving user sees it (the link only if they may watch)
     */
    record RecordingReady(CallId call, Recording recording) implements CallEvent {
        /**
         * Validates the fields.
         *
         * @param call the call
         * @param recording the recording
         */
        public RecordingReady {
            Objects.requireNonNull(call, "call");
            Objects.requireNonNull(recording, "recording");
        }
    }

    /**
     * A call was ended for everyone (F-CALL-04).
     *
     * @param call the call
     */
    record CallEnded(CallId call) implements CallEvent {
        /**
         * Validates the fields.
         *
         * @param call the call
         */
        public CallEnded {
            Objects.requireNonNull(call, "call");
        }
    }
}
